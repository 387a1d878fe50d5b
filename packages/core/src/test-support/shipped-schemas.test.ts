import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shippedSchemaNames } from './shipped-schemas.js';

test('shippedSchemaNames lists exactly the schema files in schemas/', () => {
  const dir = fileURLToPath(new URL('../../../../schemas/', import.meta.url));
  const onDisk = readdirSync(dir)
    .filter((file) => file.endsWith('.schema.json'))
    .map((file) => file.slice(0, -'.schema.json'.length))
    .sort();
  assert.deepEqual([...shippedSchemaNames].sort(), onDisk);
});
