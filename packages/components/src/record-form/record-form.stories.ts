import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import customerSchema from '../../../../schemas/customer.schema.json';
import customerClassSchema from '../../../../schemas/customer-class.schema.json';
import customerLevelSchema from '../../../../schemas/customer-level.schema.json';
import '../store-provider/define.js';
import './define.js';
import type { KehuRecordForm } from './record-form.js';
import { roleStore, users } from '../record-list/permission-fixtures.js';

const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en } });

/** A small follow-up visit (回访) entity: every widget kind, kept here so the stories do not move with the shipped schemas. */
const visitSchema: JsonSchema = {
  $id: 'follow-up-visit',
  type: 'object',
  required: ['subject', 'customer', 'visitDate'],
  'x-kehu': {
    ...label('回访记录', 'Follow-up visit'),
    titleField: 'subject',
    form: {
      sections: [
        {
          id: 'visit',
          ...label('回访', 'Visit'),
          fields: ['subject', 'customer', 'visitDate', 'nextCallAt', 'method', 'satisfied'],
        },
        {
          id: 'result',
          ...label('结果', 'Outcome'),
          fields: ['score', 'refund', 'contactEmail', 'notes', 'tags', 'questions'],
        },
      ],
    },
  },
  properties: {
    subject: {
      type: 'string',
      maxLength: 80,
      'x-kehu': {
        ...label('主题', 'Subject'),
        help: { 'zh-CN': '例如：首保后回访', en: 'e.g. after the first service' },
      },
    },
    customer: { type: 'string', maxLength: 64, 'x-kehu': { ...label('客户', 'Customer'), ref: 'customer' } },
    visitDate: { type: 'string', format: 'date', 'x-kehu': label('回访日期', 'Visit date') },
    nextCallAt: { type: 'string', format: 'date-time', 'x-kehu': label('下次联系', 'Next call') },
    method: {
      type: 'string',
      enum: ['phone', 'visit', 'wechat'],
      'x-kehu': {
        ...label('回访方式', 'Method'),
        enumLabels: {
          phone: { 'zh-CN': '电话', en: 'Phone' },
          visit: { 'zh-CN': '上门', en: 'Visit' },
          wechat: { 'zh-CN': '微信', en: 'WeChat' },
        },
      },
    },
    satisfied: { type: 'boolean', 'x-kehu': label('满意', 'Satisfied') },
    score: { type: 'integer', minimum: 1, maximum: 5, 'x-kehu': label('评分', 'Score') },
    refund: { type: 'number', minimum: 0, 'x-kehu': { ...label('补偿金额', 'Refund'), widget: 'money' } },
    contactEmail: { type: 'string', format: 'email', 'x-kehu': label('联系邮箱', 'Contact email') },
    notes: { type: 'string', maxLength: 2000, 'x-kehu': label('备注', 'Notes') },
    tags: { type: 'array', items: { type: 'string', maxLength: 20 }, 'x-kehu': label('标签', 'Tags') },
    questions: {
      type: 'array',
      'x-kehu': label('问题', 'Questions'),
      items: {
        type: 'object',
        required: ['question', 'rating'],
        properties: {
          question: { type: 'string', 'x-kehu': label('问题', 'Question') },
          rating: { type: 'integer', minimum: 1, maximum: 5, 'x-kehu': label('评分', 'Rating') },
          comment: { type: 'string', 'x-kehu': label('说明', 'Comment') },
        },
      },
    },
  },
};

let storeCount = 0;

/** A memory store with the shipped customer archive and the visit entity, and a few records. */
async function storyStore(): Promise<{ store: Store; visitId: string }> {
  const store = await createStore({
    entities: [
      customerClassSchema as JsonSchema,
      customerLevelSchema as JsonSchema,
      customerSchema as JsonSchema,
      visitSchema,
    ],
    storage: getRxStorageMemory(),
    name: `story-record-form-${storeCount++}`,
  });
  const customers = store.entity('customer');
  const first = await customers.insert({ name: '杭州阿克米汽配有限公司', type: 'b2b', mobile: '13800138000' });
  await customers.insert({ name: '王建国', type: 'consumer', mobile: '13900139000' });
  const visit = await store.entity('follow-up-visit').insert({
    subject: '首保后回访',
    customer: first.id,
    visitDate: '2024-05-01',
    method: 'phone',
    satisfied: true,
    score: 4,
    questions: [
      { question: '服务态度', rating: 5 },
      { question: '等待时间', rating: 3, comment: '周末排队较久' },
    ],
  });
  return { store, visitId: visit.id };
}

interface Args {
  entity: string;
  recordId?: string;
  readonly: boolean;
  locale?: string;
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-record-form',
  component: 'kehu-record-form',
  loaders: [async () => storyStore()],
  args: { entity: 'follow-up-visit', readonly: false },
  render: (args, { loaded }) =>
    html`<kehu-store-provider .store=${loaded.store}>
      <kehu-record-form
        entity=${args.entity}
        record-id=${args.recordId === 'loaded' ? loaded.visitId : (args.recordId ?? '')}
        ?readonly=${args.readonly}
        locale=${args.locale ?? ''}
        style="max-width: 48rem"
      ></kehu-record-form>
    </kehu-store-provider>`,
};

export default meta;
type Story = StoryObj<Args>;

/** An empty form for a new visit; the toolbar's locale switches between zh-CN and English. */
export const NewRecord: Story = {};

/** Editing a stored visit, its line items loaded into the table. */
export const EditRecord: Story = { args: { recordId: 'loaded' } };

/** Save pressed on an empty form: messages under the fields, focus on the first. */
export const ErrorsShown: Story = {
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector<KehuRecordForm>('kehu-record-form')!;
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
  },
};

/** The same errors in English, whatever the toolbar says. */
export const ErrorsInEnglish: Story = { ...ErrorsShown, args: { locale: 'en' } };

/**
 * The shipped customer archive (schemas/customer.schema.json), unchanged: its sections are tabs
 * (arrow keys move between them), and the credit code and tax number appear once the type is
 * 企业 or 渠道, the resident ID once it is 个人.
 */
export const ShippedCustomerArchive: Story = { args: { entity: 'customer' } };

/** A stored visit shown read-only. */
export const ReadOnly: Story = { args: { recordId: 'loaded', readonly: true } };

/** A misspelt entity name: the form explains instead of failing. */
export const UnknownEntity: Story = { args: { entity: 'custmer' } };

/** A record id that does not exist. */
export const RecordNotFound: Story = { args: { recordId: 'no-such-id' } };

/**
 * A sales adviser (销售顾问) editing their own customer under role permissions: the mobile is masked
 * and shown as text, the credit limit and adviser are read-only, the contacts' mobile column cannot
 * be edited; Save still works for the fields they may change.
 */
export const AsSalesAdviser: Story = {
  loaders: [async () => ({ salesStore: await roleStore(users.sales) })],
  render: (args, { loaded }) =>
    html`<kehu-record-form
      entity="customer"
      record-id="cus-mine"
      locale=${args.locale ?? ''}
      .store=${loaded.salesStore}
      style="max-width: 48rem"
    ></kehu-record-form>`,
};

/** A product for the same adviser: no cost price, and read-only with a notice (products are query-only for them). */
export const AsSalesAdviserProduct: Story = {
  loaders: AsSalesAdviser.loaders,
  render: (args, { loaded }) =>
    html`<kehu-record-form
      entity="product"
      record-id="prd-oil"
      locale=${args.locale ?? ''}
      .store=${loaded.salesStore}
    ></kehu-record-form>`,
};
