import type { FieldWidget } from './registry.js';
import { kindOrWidget } from './testers.js';

/** A nested object (an address, bank details): its fields inside the form's fieldset, recursively. */
export const objectWidget: FieldWidget = {
  name: 'object',
  layout: 'group',
  tester: kindOrWidget(['object'], 'object', (field) => Boolean(field.children)),
  render: (ctx) => (ctx.field.children ?? []).map((child) => ctx.renderField(child, [...ctx.path, child.key])),
};
