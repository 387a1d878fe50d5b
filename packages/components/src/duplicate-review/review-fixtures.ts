import { createStore, type JsonSchema, type Store } from '@kehu/core';

/** Small schemas for tests and stories: customers with match rules, and their vehicles. */
const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en } });

const customerSchema: JsonSchema = {
  $id: 'customer',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    ...label('客户', 'Customer'),
    pluralLabel: { 'zh-CN': '客户', en: 'Customers' },
    titleField: 'name',
    match: [{ fields: ['name', 'mobile'] }, { fields: ['name', 'city'], weight: 0.9 }],
  },
  properties: {
    name: { type: 'string', maxLength: 100, 'x-kehu': { ...label('客户名称', 'Name'), normalize: 'name' } },
    mobile: { type: 'string', maxLength: 20, 'x-kehu': { ...label('手机', 'Mobile'), normalize: 'phone' } },
    email: { type: 'string', maxLength: 100, 'x-kehu': label('电子邮箱', 'Email') },
    city: { type: 'string', maxLength: 20, 'x-kehu': label('城市', 'City') },
  },
};

const vehicleSchema: JsonSchema = {
  $id: 'vehicle',
  type: 'object',
  required: ['plate'],
  'x-kehu': { ...label('车辆', 'Vehicle'), pluralLabel: { 'zh-CN': '车辆', en: 'Vehicles' }, titleField: 'plate' },
  properties: {
    plate: { type: 'string', maxLength: 20, 'x-kehu': label('车牌号', 'Plate') },
    owner: { type: 'string', maxLength: 64, 'x-kehu': { ...label('车主', 'Owner'), ref: 'customer' } },
  },
};

let count = 0;

/** A fresh store (IndexedDB, unique name) with two likely duplicate pairs and one unrelated customer. */
export async function reviewStore(names: { first?: string; second?: string } = {}): Promise<Store> {
  const store = await createStore({
    entities: [customerSchema, vehicleSchema],
    name: `duplicate-review-${Date.now()}-${count++}`,
    user: { id: 'u1', name: '张三' },
  });
  const customers = store.entity<Record<string, unknown>>('customer');
  await customers.bulkInsert([
    { id: 'c1', name: names.first ?? '广州恒达汽车贸易有限公司', mobile: '13800138000', city: '广州' },
    { id: 'c2', name: names.second ?? '广州恒达汽车贸易公司', mobile: '+86 138 0013 8000', email: 'hengda@example.cn' },
    { id: 'c3', name: '李明伟', city: '深圳' },
    { id: 'c4', name: '李伟明', city: '深圳', mobile: '13900000000' },
    { id: 'c5', name: '深圳宏远物流有限公司', mobile: '13700000000' },
  ]);
  await store.entity('vehicle').insert({ id: 'v1', plate: '粤A12345', owner: 'c2' });
  return store;
}
