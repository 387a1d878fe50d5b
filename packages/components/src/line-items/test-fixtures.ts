// Schemas for the line-items and form tests; not part of the package's API.
import { defineEntity, type FieldModel, type JsonSchema } from '@kehu/core';

const label = (zh: string, en: string) => ({ label: { 'zh-CN': zh, en } });
const money = { type: 'number', minimum: 0, multipleOf: 0.01 };

/** A service order: lines with a formula amount, and nested parts whose total feeds the line. */
export const serviceOrderSchema: JsonSchema = {
  $id: 'service-order',
  type: 'object',
  'x-kehu': label('维修工单', 'Service order'),
  properties: {
    title: { type: 'string', maxLength: 50, 'x-kehu': label('标题', 'Title') },
    lines: {
      type: 'array',
      maxItems: 2000,
      'x-kehu': label('明细', 'Lines'),
      items: {
        type: 'object',
        required: ['description', 'quantity'],
        properties: {
          description: { type: 'string', minLength: 1, maxLength: 50, 'x-kehu': label('摘要', 'Description') },
          kind: {
            type: 'string',
            enum: ['labour', 'part'],
            'x-kehu': {
              ...label('类型', 'Kind'),
              enumLabels: { labour: { 'zh-CN': '工时', en: 'Labour' }, part: { 'zh-CN': '配件', en: 'Part' } },
            },
          },
          quantity: { type: 'number', exclusiveMinimum: 0, maximum: 99999, 'x-kehu': label('数量', 'Quantity') },
          unitPrice: { ...money, 'x-kehu': { ...label('单价', 'Unit price'), widget: 'money' } },
          discount: { type: 'number', minimum: 0, maximum: 100, 'x-kehu': label('折扣%', 'Discount %') },
          parts: {
            type: 'array',
            'x-kehu': label('配件', 'Parts'),
            items: {
              type: 'object',
              properties: {
                name: { type: 'string', maxLength: 50, 'x-kehu': label('配件名称', 'Part') },
                qty: { type: 'number', minimum: 0, 'x-kehu': label('数量', 'Qty') },
                price: { ...money, 'x-kehu': { ...label('单价', 'Price'), widget: 'money' } },
                cost: { ...money, 'x-kehu': { ...label('金额', 'Cost'), widget: 'money', formula: 'qty * price' } },
              },
            },
          },
          amount: {
            ...money,
            'x-kehu': {
              ...label('金额', 'Amount'),
              widget: 'money',
              formula: 'quantity * unitPrice * (1 - coalesce(discount, 0) / 100) + sum(parts.cost)',
            },
          },
        },
      },
    },
    total: { ...money, 'x-kehu': { ...label('合计', 'Total'), widget: 'money', formula: 'sum(lines.amount)' } },
  },
};

export const serviceOrder = defineEntity(serviceOrderSchema);

/** The `lines` field model. */
export const linesField = serviceOrder.field('lines') as FieldModel;
