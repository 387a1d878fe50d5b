import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore } from '../store/create-store.js';
import { KehuValidationError } from '../errors/errors.js';
import { SAVED_VIEW_ENTITY, type SavedView } from './saved-view.js';

const contact = { $id: 'contact', type: 'object', properties: { name: { type: 'string', maxLength: 40 } } };

describe('saved views', () => {
  it('are records of a built-in entity every store has, found by the entity they list', async () => {
    const store = await createStore({
      entities: [contact],
      storage: getRxStorageMemory(),
      name: `views-${Date.now()}`,
    });
    try {
      assert.ok(store.has(SAVED_VIEW_ENTITY));
      const views = store.entity<SavedView>(SAVED_VIEW_ENTITY);
      const saved = await views.insert({
        entity: 'contact',
        name: '北京联系人',
        columns: ['name'],
        widths: { name: 240 },
        sort: { field: 'name', direction: 'desc' },
        filter: { match: 'all', conditions: [{ field: 'name', op: 'startsWith', value: '北' }] },
      });
      await views.insert({ entity: 'other', name: 'x' });
      const found = await views.find({ selector: { entity: 'contact' } });
      assert.deepEqual(
        found.map((v) => [v.id, v.name, v.filter?.conditions.length]),
        [[saved.id, '北京联系人', 1]],
      );
    } finally {
      await store.close();
    }
  });

  it('refuse a view without a name or with a malformed filter, naming the field', async () => {
    const store = await createStore({
      entities: [contact],
      storage: getRxStorageMemory(),
      name: `views-bad-${Date.now()}`,
    });
    try {
      const views = store.entity(SAVED_VIEW_ENTITY);
      await assert.rejects(views.insert({ entity: 'contact', name: '' }), (error: unknown) => {
        assert.ok(error instanceof KehuValidationError);
        assert.deepEqual(error.issues[0].path, ['name']);
        return true;
      });
      await assert.rejects(
        views.insert({ entity: 'contact', name: 'v', filter: { match: 'some', conditions: [] } }),
        KehuValidationError,
      );
      assert.equal(await views.count(), 0);
    } finally {
      await store.close();
    }
  });
});
