// Helpers for the record-form and reference-picker tests; not part of the package's API.
import { createStore, type JsonSchema, type Store } from '@kehu/core';

type Body = (this: unknown) => void | Promise<void>;
interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
  beforeEach(body: Body): void;
  afterEach(body: Body): void;
}

// The runner puts Mocha's functions on the page; the repository's tsconfig has no Mocha types
// (types: ["node"]), so they are read from globalThis with the few signatures these tests use.
export const { describe, it, beforeEach, afterEach } = globalThis as unknown as MochaGlobals;

const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en } });

/**
 * The referenced entity: customers with a unique code. It shares the shipped entity's name, so
 * `store.entity('customer')` would be typed as the shipped `Customer`: tests pass `<Record<string, unknown>>`.
 */
export const customerSchema: JsonSchema = {
  $id: 'customer',
  type: 'object',
  required: ['name', 'code'],
  'x-kehu': {
    ...label('客户', 'Customer'),
    titleField: 'name',
    subtitleFields: ['code', 'city'],
    unique: ['code'],
    search: ['name', 'code'],
  },
  properties: {
    name: { type: 'string', maxLength: 100, 'x-kehu': label('客户名称', 'Name') },
    code: { type: 'string', maxLength: 20, 'x-kehu': label('编码', 'Code') },
    city: { type: 'string', maxLength: 50, 'x-kehu': label('城市', 'City') },
  },
};

/** An order with one field of every kind, a nested object, a list and line items with nested parts. */
export const orderSchema: JsonSchema = {
  $id: 'order',
  type: 'object',
  required: ['title', 'quantity'],
  'x-kehu': {
    ...label('订单', 'Order'),
    titleField: 'title',
    unique: ['title'],
    form: {
      sections: [
        {
          id: 'main',
          ...label('基本信息', 'Main'),
          fields: ['title', 'email', 'note', 'quantity', 'discount', 'amount'],
        },
        {
          id: 'delivery',
          ...label('交付', 'Delivery'),
          fields: ['orderDate', 'deliverAt', 'status', 'urgent', 'customer'],
        },
      ],
    },
  },
  properties: {
    title: {
      type: 'string',
      maxLength: 100,
      'x-kehu': { ...label('标题', 'Title'), help: { 'zh-CN': '订单的简短名称', en: 'A short name for the order' } },
    },
    email: { type: 'string', format: 'email', 'x-kehu': label('邮箱', 'Email') },
    note: { type: 'string', 'x-kehu': { ...label('备注', 'Note'), widget: 'textarea' } },
    quantity: { type: 'integer', minimum: 1, maximum: 999, 'x-kehu': label('数量', 'Quantity') },
    discount: { type: 'number', minimum: 0, maximum: 1, 'x-kehu': label('折扣', 'Discount') },
    amount: { type: 'number', minimum: 0, 'x-kehu': { ...label('金额', 'Amount'), widget: 'money' } },
    orderDate: { type: 'string', format: 'date', 'x-kehu': label('下单日期', 'Order date') },
    deliverAt: { type: 'string', format: 'date-time', 'x-kehu': label('送达时间', 'Delivery time') },
    status: {
      type: 'string',
      enum: ['draft', 'done'],
      'x-kehu': {
        ...label('状态', 'Status'),
        enumLabels: { draft: { 'zh-CN': '草稿', en: 'Draft' }, done: { 'zh-CN': '完成', en: 'Done' } },
      },
    },
    urgent: { type: 'boolean', 'x-kehu': label('加急', 'Urgent') },
    customer: { type: 'string', maxLength: 64, 'x-kehu': { ...label('客户', 'Customer'), ref: 'customer' } },
    address: {
      type: 'object',
      required: ['city'],
      'x-kehu': label('地址', 'Address'),
      properties: {
        city: { type: 'string', 'x-kehu': label('城市', 'City') },
        street: { type: 'string', 'x-kehu': label('街道', 'Street') },
      },
    },
    tags: { type: 'array', items: { type: 'string' }, 'x-kehu': label('标签', 'Tags') },
    lines: {
      type: 'array',
      'x-kehu': label('明细', 'Lines'),
      items: {
        type: 'object',
        required: ['product', 'quantity'],
        properties: {
          product: { type: 'string', 'x-kehu': label('产品', 'Product') },
          quantity: { type: 'integer', minimum: 1, 'x-kehu': label('数量', 'Quantity') },
          serials: { type: 'array', items: { type: 'string' }, 'x-kehu': label('序列号', 'Serials') },
          size: {
            type: 'object',
            'x-kehu': label('尺寸', 'Size'),
            properties: { width: { type: 'number', 'x-kehu': label('宽', 'Width') } },
          },
        },
      },
    },
    internalScore: { type: 'number', 'x-kehu': { ...label('内部评分', 'Internal score'), hidden: true } },
    legacyCode: { type: 'string', readOnly: true, 'x-kehu': label('旧编码', 'Legacy code') },
  },
};

let opened: Store[] = [];
let count = 0;

/** A fresh store (IndexedDB, unique name) with the test entities. */
export async function testStore(entities: JsonSchema[] = [customerSchema, orderSchema]): Promise<Store> {
  const store = await createStore({ entities, name: `kehu-form-test-${Date.now()}-${count++}` });
  opened.push(store);
  return store;
}

/** Closes every store the test opened. */
export async function closeStores(): Promise<void> {
  const stores = opened;
  opened = [];
  await Promise.all(stores.map((store) => store.close()));
}

/** Types into an input as a user would, as far as the form can tell: input events, then change. */
export function typeInto(control: Element | null | undefined, text: string): void {
  if (!control) throw new Error('typeInto: no such control');
  (control as HTMLInputElement).value = text;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Waits for promises and timers queued by the element to run. */
export const settle = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));
