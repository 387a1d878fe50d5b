// Role-permission fixtures for the tests and stories of list, form and detail; not part of the package's API.
import { createStore, type JsonSchema, type Locale, type Store } from '@kehu/core';

type StoreOptions = Parameters<typeof createStore>[0];
export type RoleConfig = NonNullable<StoreOptions['permissions']>;
export type RoleUser = NonNullable<StoreOptions['user']>;

const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en } });
const mobile = {
  type: 'string',
  pattern: '^1[3-9][0-9]{9}$',
  'x-kehu': { ...label('手机', 'Mobile'), sensitive: true },
};

/** A customer like the shipped one: an owner and organisation, a sensitive mobile, contacts with mobiles. */
export const customerSchema: JsonSchema = {
  $id: 'customer',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    ...label('客户', 'Customer'),
    pluralLabel: { 'zh-CN': '客户', en: 'Customers' },
    titleField: 'name',
    ownership: { owner: 'salesRep', organisation: 'organisation' },
    list: { columns: ['name', 'mobile', 'creditLimit', 'salesRep'], sort: { field: 'name', direction: 'asc' } },
    indexes: ['name', 'creditLimit', 'salesRep', 'organisation'],
  },
  properties: {
    name: { type: 'string', maxLength: 60, 'x-kehu': label('客户名称', 'Name') },
    mobile,
    creditLimit: { type: 'number', minimum: 0, 'x-kehu': { ...label('信用额度', 'Credit limit'), widget: 'money' } },
    salesRep: { type: 'string', maxLength: 40, 'x-kehu': label('销售顾问', 'Sales adviser') },
    organisation: { type: 'string', maxLength: 40, 'x-kehu': label('组织', 'Organisation') },
    remark: { type: 'string', maxLength: 200, 'x-kehu': label('备注', 'Remark') },
    contacts: {
      type: 'array',
      'x-kehu': label('联系人', 'Contacts'),
      items: {
        type: 'object',
        properties: { name: { type: 'string', maxLength: 40, 'x-kehu': label('姓名', 'Name') }, mobile },
      },
    },
  },
};

/** A product with a cost price in the `cost` permission group. */
export const productSchema: JsonSchema = {
  $id: 'product',
  type: 'object',
  required: ['name'],
  'x-kehu': {
    ...label('产品', 'Product'),
    pluralLabel: { 'zh-CN': '产品', en: 'Products' },
    titleField: 'name',
    list: { columns: ['code', 'name', 'price', 'costPrice'] },
    indexes: ['code', 'name', 'price', 'costPrice'],
  },
  properties: {
    code: { type: 'string', maxLength: 20, 'x-kehu': label('编码', 'Code') },
    name: { type: 'string', maxLength: 60, 'x-kehu': label('名称', 'Name') },
    price: { type: 'number', minimum: 0, 'x-kehu': { ...label('售价', 'Price'), widget: 'money' } },
    costPrice: {
      type: 'number',
      minimum: 0,
      'x-kehu': { ...label('成本价', 'Cost price'), widget: 'money', access: 'cost' },
    },
  },
};

/** The shipped roles (schemas/roles.json), cut to the entities above. */
export const roles: RoleConfig = {
  roles: {
    admin: {
      entities: { '*': { actions: ['query', 'create', 'update', 'delete', 'export'] } },
      groups: { cost: 'write' },
      sensitive: 'write',
    },
    sales: {
      entities: {
        customer: {
          actions: ['query', 'create', 'update'],
          scope: 'own',
          fields: { creditLimit: 'read', salesRep: 'read' },
        },
        'kehu-view': { actions: ['query', 'create', 'update', 'delete'] },
        '*': { actions: ['query'] },
      },
    },
    auditor: {
      entities: { '*': { actions: ['query', 'export'] } },
      groups: { cost: 'read' },
      sensitive: 'none',
    },
  },
};

export const users: Record<'admin' | 'sales' | 'auditor', RoleUser> = {
  admin: { id: 'u-admin', name: 'Admin', roles: ['admin'], organisation: 'sh' },
  sales: { id: 'u-sales', name: '小王', roles: ['sales'], organisation: 'sh' },
  auditor: { id: 'u-audit', name: 'Audit', roles: ['auditor'], organisation: 'sh' },
};

export const seedCustomers = [
  {
    id: 'cus-mine',
    name: '上海申通汽车服务有限公司',
    mobile: '13812345678',
    creditLimit: 50000,
    salesRep: 'u-sales',
    organisation: 'sh',
    contacts: [{ name: '王芳', mobile: '13900001111' }],
  },
  { id: 'cus-other', name: '别人的客户', mobile: '13700000000', salesRep: 'u-other', organisation: 'sh' },
];
export const seedProducts = [
  { id: 'prd-oil', code: 'P-1', name: '机油', price: 58, costPrice: 38.5 },
  { id: 'prd-filter', code: 'P-2', name: '滤芯', price: 30, costPrice: 20 },
];

let opened: Store[] = [];
let count = 0;

/**
 * A store of the seeded records as `user` sees it under `roles`. The records are written first by a
 * store without permissions, closed before the user's store opens on the same database.
 */
export async function roleStore(user: RoleUser, locale: Locale = 'en'): Promise<Store> {
  const entities = [customerSchema, productSchema];
  const name = `kehu-perm-test-${Date.now()}-${count++}`;
  const seeding = await createStore({ entities, name });
  await seeding.entity<Record<string, unknown>>('customer').bulkInsert(seedCustomers);
  await seeding.entity<Record<string, unknown>>('product').bulkInsert(seedProducts);
  await seeding.close();
  const store = await createStore({ entities, name, locale, user, permissions: roles });
  opened.push(store);
  return store;
}

/** The records as stored, read by a store without permissions after `store` is closed. */
export async function storedRecord(store: Store, entity: string, id: string): Promise<Record<string, unknown> | null> {
  await store.close();
  opened = opened.filter((s) => s !== store);
  const plain = await createStore({ entities: [customerSchema, productSchema], name: store.name });
  try {
    return await plain.entity<Record<string, unknown>>(entity).get(id);
  } finally {
    await plain.close();
  }
}

export async function closeRoleStores(): Promise<void> {
  const stores = opened;
  opened = [];
  await Promise.all(stores.map((store) => store.close()));
}
