import { createStore, type JsonSchema, type Store } from '@kehu/core';

/** Small schemas for tests and stories: a customer, its level, vehicles and dated activities. */
const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en } });

const levelSchema: JsonSchema = {
  $id: 'customer-level',
  type: 'object',
  required: ['name'],
  'x-kehu': { ...label('客户级别', 'Level'), titleField: 'name' },
  properties: { name: { type: 'string', maxLength: 50, 'x-kehu': label('名称', 'Name') } },
};

const customerSchema: JsonSchema = {
  $id: 'customer',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    ...label('客户', 'Customer'),
    pluralLabel: { 'zh-CN': '客户', en: 'Customers' },
    titleField: 'name',
    form: {
      sections: [
        { id: 'basic', label: { 'zh-CN': '基本信息', en: 'Basic' }, fields: ['name', 'importance', 'level', 'mobile'] },
        { id: 'money', label: { 'zh-CN': '财务', en: 'Finance' }, fields: ['creditLimit', 'bankAccount'] },
      ],
    },
  },
  properties: {
    name: { type: 'string', maxLength: 100, 'x-kehu': label('客户名称', 'Name') },
    importance: {
      type: 'string',
      enum: ['vip', 'normal'],
      'x-kehu': {
        ...label('重要程度', 'Importance'),
        enumLabels: { vip: { 'zh-CN': '贵宾', en: 'VIP' }, normal: { 'zh-CN': '普通', en: 'Normal' } },
      },
    },
    level: { type: 'string', maxLength: 64, 'x-kehu': { ...label('客户级别', 'Level'), ref: 'customer-level' } },
    mobile: { type: 'string', maxLength: 11, 'x-kehu': { ...label('手机', 'Mobile'), sensitive: true } },
    creditLimit: { type: 'number', minimum: 0, 'x-kehu': { ...label('信用额度', 'Credit limit'), widget: 'money' } },
    bankAccount: {
      type: 'object',
      'x-kehu': label('银行账户', 'Bank account'),
      properties: {
        bank: { type: 'string', 'x-kehu': label('开户行', 'Bank') },
        accountNumber: { type: 'string', 'x-kehu': label('账号', 'Account number') },
      },
    },
    contacts: {
      type: 'array',
      'x-kehu': label('联系人', 'Contacts'),
      items: {
        type: 'object',
        properties: {
          name: { type: 'string', 'x-kehu': label('姓名', 'Name') },
          title: { type: 'string', 'x-kehu': label('职务', 'Title') },
        },
      },
    },
  },
};

const vehicleSchema: JsonSchema = {
  $id: 'vehicle',
  type: 'object',
  required: ['plate', 'owner'],
  'x-kehu': {
    ...label('车辆', 'Vehicle'),
    pluralLabel: { 'zh-CN': '车辆', en: 'Vehicles' },
    titleField: 'plate',
    list: { columns: ['plate', 'brand', 'owner'] },
  },
  properties: {
    plate: { type: 'string', maxLength: 20, 'x-kehu': label('车牌号', 'Plate') },
    brand: { type: 'string', maxLength: 40, 'x-kehu': label('品牌', 'Brand') },
    owner: { type: 'string', maxLength: 64, 'x-kehu': { ...label('车主', 'Owner'), ref: 'customer' } },
  },
};

const activitySchema: JsonSchema = {
  $id: 'activity',
  type: 'object',
  required: ['subject', 'customer', 'dueDate'],
  'x-kehu': {
    ...label('活动', 'Activity'),
    pluralLabel: { 'zh-CN': '活动', en: 'Activities' },
    titleField: 'subject',
    subtitleFields: ['kind', 'customer'],
    list: { columns: ['dueDate', 'subject', 'kind'] },
  },
  properties: {
    subject: { type: 'string', maxLength: 100, 'x-kehu': label('主题', 'Subject') },
    kind: {
      type: 'string',
      enum: ['call', 'visit'],
      'x-kehu': {
        ...label('类型', 'Kind'),
        enumLabels: { call: { 'zh-CN': '电话', en: 'Call' }, visit: { 'zh-CN': '拜访', en: 'Visit' } },
      },
    },
    customer: { type: 'string', maxLength: 64, 'x-kehu': { ...label('客户', 'Customer'), ref: 'customer' } },
    dueDate: { type: 'string', format: 'date', 'x-kehu': label('计划日期', 'Due date') },
  },
};

let count = 0;

/** A fresh store (IndexedDB, unique name) over the detail schemas, written by `user`. */
export async function detailStore(user: { id: string; name?: string } = { id: 'u1', name: '张三' }): Promise<Store> {
  return createStore({
    entities: [levelSchema, customerSchema, vehicleSchema, activitySchema],
    name: `record-detail-${Date.now()}-${count++}`,
    user,
  });
}

/** A customer with a level, two vehicles and one activity; returns the ids. */
export async function seedCustomer(store: Store, name = '杭州阿克米汽配') {
  const levels = store.entity('customer-level');
  const normal = await levels.insert({ name: '普通' });
  const gold = await levels.insert({ name: '金牌' });
  const customer = await store.entity('customer').insert({
    name,
    importance: 'normal',
    level: normal.id,
    mobile: '13812345678',
    creditLimit: 50000,
    bankAccount: { bank: '工商银行', accountNumber: '6222021234567890' },
  });
  const vehicles = store.entity('vehicle');
  await vehicles.insert({ plate: '浙A12345', brand: '大众', owner: customer.id });
  await vehicles.insert({ plate: '浙B54321', brand: '丰田', owner: customer.id });
  await store
    .entity('activity')
    .insert({ subject: '回访', kind: 'call', customer: customer.id, dueDate: '2024-03-05' });
  return { customer: customer.id, normal: normal.id, gold: gold.id };
}
