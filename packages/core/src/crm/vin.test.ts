import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import { KehuValidationError } from '../errors/errors.js';
import type { JsonSchema } from '../entity/types.js';
import { vinCheckDigit } from '../validation/formats.js';

const schema = (name: string): JsonSchema =>
  JSON.parse(readFileSync(new URL(`../../../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));

let n = 0;
async function vehicleArchive() {
  return createStore({
    entities: ['customer-class', 'customer-level', 'customer', 'vehicle'].map(schema),
    storage: getRxStorageMemory(),
    name: `vin-${n++}`,
  });
}

// A real SAIC Volkswagen VIN: the check digit (9th character) is 7.
const GOOD = 'LSVAM4187C2184847';
const BAD = 'LSVAM4188C2184847';

describe('vehicle archive VIN', () => {
  it('should store a vehicle whose VIN has the right check digit', async () => {
    const store = await vehicleArchive();
    try {
      const owner = await store.entity('customer').insert({ name: '李建国', type: 'consumer' });
      const vehicle = await store.entity('vehicle').insert({ vin: GOOD, plate: '沪A12345', owner: owner.id });
      assert.equal(vehicle.vin, GOOD);
    } finally {
      await store.close();
    }
  });

  it('should reject a VIN with a bad check digit, naming the field in both languages', async () => {
    assert.equal(vinCheckDigit(BAD), '7', 'the 9th character should be 7, not 8');
    const store = await vehicleArchive();
    try {
      const owner = await store.entity('customer').insert({ name: '李建国', type: 'consumer' });
      await assert.rejects(store.entity('vehicle').insert({ vin: BAD, owner: owner.id }), (error: unknown) => {
        assert.ok(error instanceof KehuValidationError);
        const issue = error.issues.find((i) => i.path[0] === 'vin');
        assert.ok(issue, 'an issue on the vin field');
        assert.equal(issue.keyword, 'format');
        assert.match(issue.message['zh-CN'], /^车架号（VIN）：.*第 9 位校验位/);
        assert.match(issue.message.en, /^VIN: .*9th character, the check digit/);
        assert.match(error.message, /车架号（VIN）/);
        return true;
      });
      assert.equal(await store.entity('vehicle').count(), 0, 'nothing was written');
    } finally {
      await store.close();
    }
  });

  it('should reject a patch that breaks the check digit and keep the stored VIN', async () => {
    const store = await vehicleArchive();
    try {
      const owner = await store.entity('customer').insert({ name: '李建国', type: 'consumer' });
      const vehicle = await store.entity('vehicle').insert({ vin: GOOD, owner: owner.id });
      await assert.rejects(store.entity('vehicle').patch(vehicle.id, { vin: BAD }), KehuValidationError);
      assert.equal((await store.entity('vehicle').get(vehicle.id))?.vin, GOOD);
    } finally {
      await store.close();
    }
  });
});
