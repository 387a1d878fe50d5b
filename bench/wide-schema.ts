/**
 * A 150-field entity for the form keystroke measure: ten sections of a dealer's customer file
 * (contacts, invoicing, insurance, after-sales…), each with the same fifteen kinds of field — text,
 * email, dates, money, numbers, enums and check boxes — and a deterministic record filling them all.
 */
import type { JsonSchema } from '@kehu/core';

export const WIDE = 'bench-wide';
export const WIDE_ID = 'wide-000001';

const SECTIONS: [id: string, zh: string, en: string][] = [
  ['primary', '主联系人', 'Primary contact'],
  ['finance', '财务联系人', 'Finance contact'],
  ['invoice', '开票', 'Invoicing'],
  ['delivery', '收货', 'Delivery'],
  ['insurance', '保险', 'Insurance'],
  ['service', '售后', 'After-sales'],
  ['marketing', '营销', 'Marketing'],
  ['credit', '信用', 'Credit'],
  ['contract', '合同', 'Contract'],
  ['fleet', '车队', 'Fleet'],
];

type Kind = 'text' | 'email' | 'date' | 'money' | 'integer' | 'percent' | 'enum' | 'boolean';

const FIELDS: [key: string, kind: Kind, zh: string, en: string][] = [
  ['name', 'text', '姓名', 'name'],
  ['phone', 'text', '电话', 'phone'],
  ['email', 'email', '邮箱', 'email'],
  ['note', 'text', '备注', 'note'],
  ['since', 'date', '开始日期', 'start date'],
  ['until', 'date', '截止日期', 'end date'],
  ['limit', 'money', '额度', 'limit'],
  ['visits', 'integer', '次数', 'visits'],
  ['rate', 'percent', '比例（%）', 'rate (%)'],
  ['status', 'enum', '状态', 'status'],
  ['channel', 'enum', '渠道', 'channel'],
  ['preferred', 'boolean', '首选', 'preferred'],
  ['verified', 'boolean', '已核实', 'verified'],
  ['city', 'text', '城市', 'city'],
  ['reference', 'text', '参考编号', 'reference'],
];

const OPTIONS: Record<string, [string, string, string][]> = {
  status: [
    ['active', '有效', 'Active'],
    ['pending', '待定', 'Pending'],
    ['suspended', '暂停', 'Suspended'],
    ['closed', '关闭', 'Closed'],
  ],
  channel: [
    ['phone', '电话', 'Phone'],
    ['wechat', '微信', 'WeChat'],
    ['email', '邮件', 'Email'],
    ['visit', '到店', 'Visit'],
    ['dealer', '经销商', 'Dealer'],
  ],
};

/** The field of the form's middle the measure types into: a long text field in the sixth section. */
export const MIDDLE_TEXT_FIELD = 'service_note';

function property(kind: Kind, key: string, zh: string, en: string): Record<string, unknown> {
  const label = { 'zh-CN': zh, en };
  switch (kind) {
    case 'text':
      return { type: 'string', maxLength: key === 'note' ? 500 : 64, 'x-kehu': { label } };
    case 'email':
      return { type: 'string', format: 'email', maxLength: 120, 'x-kehu': { label } };
    case 'date':
      return { type: 'string', format: 'date', maxLength: 10, 'x-kehu': { label } };
    case 'money':
      return { type: 'number', minimum: 0, multipleOf: 0.01, 'x-kehu': { label, widget: 'money' } };
    case 'integer':
      return { type: 'integer', minimum: 0, maximum: 9999, 'x-kehu': { label } };
    case 'percent':
      return { type: 'number', minimum: 0, maximum: 100, 'x-kehu': { label } };
    case 'enum': {
      const options = OPTIONS[key];
      return {
        type: 'string',
        enum: options.map(([value]) => value),
        'x-kehu': {
          label,
          enumLabels: Object.fromEntries(options.map(([value, z, e]) => [value, { 'zh-CN': z, en: e }])),
        },
      };
    }
    case 'boolean':
      return { type: 'boolean', 'x-kehu': { label } };
  }
}

/** The 150-field schema: ten sections of fifteen, drawn one under another. */
export function wideSchema(): JsonSchema {
  const properties: Record<string, unknown> = {};
  for (const [section, sectionZh, sectionEn] of SECTIONS) {
    for (const [key, kind, zh, en] of FIELDS)
      properties[`${section}_${key}`] = property(kind, key, `${sectionZh}${zh}`, `${sectionEn} ${en}`);
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: WIDE,
    title: 'Customer file (150 fields)',
    type: 'object',
    additionalProperties: false,
    'x-kehu': {
      label: { 'zh-CN': '客户档案', en: 'Customer file' },
      titleField: 'primary_name',
      list: { columns: ['primary_name', 'primary_phone', 'primary_city'] },
      form: {
        layout: 'sections',
        sections: SECTIONS.map(([section, zh, en]) => ({
          id: section,
          label: { 'zh-CN': zh, en },
          fields: FIELDS.map(([key]) => `${section}_${key}`),
        })),
      },
    },
    properties,
  } as JsonSchema;
}

/** A record with every field set, different per section. */
export function wideRecord(): Record<string, unknown> {
  const record: Record<string, unknown> = { id: WIDE_ID };
  SECTIONS.forEach(([section, sectionZh], s) => {
    const value: Record<string, unknown> = {
      name: `${'王李张刘陈杨赵黄周吴'[s]}${sectionZh}`,
      phone: `1380013${String(1000 + s * 37).padStart(4, '0')}`,
      email: `${section}@example.cn`,
      note: `${sectionZh}：每季度回访一次，优先安排周末。`,
      since: `2023-0${(s % 9) + 1}-15`,
      until: `2027-0${(s % 9) + 1}-14`,
      limit: 50_000 + s * 2_500.5,
      visits: 3 + s,
      rate: 5 + s * 1.5,
      status: OPTIONS.status[s % 4][0],
      channel: OPTIONS.channel[s % 5][0],
      preferred: s % 2 === 0,
      verified: s % 3 !== 0,
      city: ['上海', '杭州', '南京', '苏州', '宁波'][s % 5],
      reference: `REF-${2024 + (s % 3)}-${String(s * 101).padStart(4, '0')}`,
    };
    for (const [key] of FIELDS) record[`${section}_${key}`] = value[key];
  });
  return record;
}
