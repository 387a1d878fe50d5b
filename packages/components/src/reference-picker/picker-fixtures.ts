// Schemas, stores and helpers for the picker's tests and stories; not part of the package's API.
// No test-library imports, so stories can use it too.
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import type { KehuReferencePicker } from './reference-picker.js';

type Body = (this: unknown) => void | Promise<void>;
interface MochaGlobals {
  describe(title: string, body: () => void): void;
  it(title: string, body: Body): void;
  afterEach(body: Body): void;
}

// The runner puts Mocha's functions on the page; the tsconfig has no Mocha types (types: ["node"]).
export const { describe, it, afterEach } = globalThis as unknown as MochaGlobals;

const label = (zh: string, en: string) => ({ 'zh-CN': zh, en });

function named(
  entity: string,
  zh: string,
  en: string,
  title: string,
  extra: Record<string, JsonSchema> = {},
): JsonSchema {
  return {
    $id: entity,
    type: 'object',
    required: [title],
    'x-kehu': { label: label(zh, en), pluralLabel: label(zh, `${en}s`), titleField: title },
    properties: { [title]: { type: 'string', maxLength: 100, 'x-kehu': { label: label('名称', 'Name') } }, ...extra },
  };
}

const customerBase = named('customer', '客户', 'Customer', 'name', {
  code: { type: 'string', maxLength: 20, 'x-kehu': { label: label('编码', 'Code') } },
  city: { type: 'string', maxLength: 20, 'x-kehu': { label: label('城市', 'City') } },
});
export const customerSchema: JsonSchema = {
  ...customerBase,
  'x-kehu': { ...customerBase['x-kehu'], subtitleFields: ['code', 'city'], search: ['name', 'code'] },
};

export const vehicleSchema = named('vehicle', '车辆', 'Vehicle', 'plate');
export const opportunitySchema = named('opportunity', '商机', 'Opportunity', 'title');

/** Activities "regarding" a customer, a vehicle or an opportunity. */
export const activitySchema: JsonSchema = named('activity', '活动', 'Activity', 'subject', {
  regarding: {
    type: 'string',
    maxLength: 140,
    'x-kehu': { label: label('关联对象', 'Regarding'), ref: ['customer', 'vehicle', 'opportunity'] },
  },
});

let opened: Store[] = [];
let count = 0;

/** A fresh store (unique name, so recent picks start empty) with customers, vehicles, opportunities and activities. */
export async function pickerStore(): Promise<Store> {
  const store = await createStore({
    entities: [customerSchema, vehicleSchema, opportunitySchema, activitySchema],
    name: `kehu-picker-test-${Date.now()}-${count++}`,
  });
  opened.push(store);
  return store;
}

/** A store with three customers (`ids` by name), two vehicles and one opportunity. */
export async function seeded(): Promise<{ store: Store; ids: Record<string, string> }> {
  const store = await pickerStore();
  const ids: Record<string, string> = {};
  const customers = store.entity<Record<string, unknown>>('customer');
  for (const [name, code, city] of [
    ['阿克米贸易', 'C001', '上海'],
    ['阿里汽配', 'C002', '杭州'],
    ['百川物流', 'C003', undefined],
  ]) {
    ids[name!] = (await customers.insert({ name, code, city })).id;
  }
  for (const plate of ['沪A12345', '浙A阿888']) {
    ids[plate] = (await store.entity<Record<string, unknown>>('vehicle').insert({ plate })).id;
  }
  ids['阿尔法项目'] = (await store.entity<Record<string, unknown>>('opportunity').insert({ title: '阿尔法项目' })).id;
  return { store, ids };
}

/** Closes every store a test opened. */
export async function closeStores(): Promise<void> {
  const stores = opened;
  opened = [];
  await Promise.all(stores.map((store) => store.close()));
}

export const inner = (el: KehuReferencePicker) => el.shadowRoot!.querySelector('input')!;
export const options = (el: KehuReferencePicker) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]'),
];
export const titles = (el: KehuReferencePicker) =>
  options(el).map((o) => o.querySelector('[part~="option-title"]')!.textContent!.trim());
export const status = (el: KehuReferencePicker) => el.shadowRoot!.querySelector('[part="status"]')!.textContent!;
