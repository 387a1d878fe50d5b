// Opens the host's Kehu store (IndexedDB, one database per app) and seeds a few customers on first
// open, so the example has something to show. A real portal would sync from its server instead.
import { createStore } from '@kehu/core';
import customer from '../../schemas/customer.schema.json';
import customerClass from '../../schemas/customer-class.schema.json';
import customerLevel from '../../schemas/customer-level.schema.json';

const sample = [
  { name: '张伟', type: 'consumer', importance: 'vip', mobile: '13812345678' },
  { name: '华信汽车贸易有限公司', type: 'b2b', importance: 'important', mobile: '13900001111' },
  { name: '李娜', type: 'consumer', importance: 'normal', mobile: '13700002222' },
  { name: '东方物流股份有限公司', type: 'channel', importance: 'vip', mobile: '13600003333' },
];

/** The store every Kehu element on the page shares; `name` keeps each app's data apart. */
export async function openStore(name) {
  const store = await createStore({ entities: [customer, customerClass, customerLevel], name });
  const customers = store.entity('customer');
  if ((await customers.count()) === 0) await customers.bulkInsert(sample);
  return store;
}
