import type { FieldModel } from '@kehu/core';
import type { FieldWidget } from './registry.js';
import { lazily } from '../../controllers/lazy-template.js';

/** The table's contents come with their module, loaded when a form first draws a line table. */
const withRows = lazily(() => import('./line-table-rows.js'));

/** Item fields a spreadsheet cell cannot edit: nested objects and lists of plain values. */
const formLike = (field: FieldModel) =>
  (field.type === 'object' && !!field.children) || (field.type === 'array' && !!field.item);

/**
 * Line items whose items hold nested objects or lists of values (a line's serial numbers, its
 * size): a table whose cells are full form fields, so those nest inside them and each shows its
 * own error. Arrays of flat items get the `<kehu-line-items>` grid instead.
 */
export const lineTableWidget: FieldWidget = {
  name: 'line-table',
  layout: 'group',
  tester: (field) => {
    if (field.widget === 'line-table') return 5;
    return field.kind === 'array' && field.children?.some(formLike) ? 2 : -1;
  },
  render: (ctx) => withRows(({ renderLineTable }) => renderLineTable(ctx)),
};
