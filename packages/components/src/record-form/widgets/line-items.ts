import { html, nothing } from 'lit';
import type { FieldWidget } from './registry.js';
import { kindOrWidget } from './testers.js';
import { loadLineItems } from '../../line-items/load.js';
import type { LineItemsChangeDetail } from '../../line-items/line-items.js';

/**
 * An array of objects (order lines, contacts) as a `<kehu-line-items>` grid: spreadsheet keys,
 * paste from Excel, row formulas and totals, nested lines. The grid shows its cells' issues itself.
 */
export const lineItemsWidget: FieldWidget = {
  name: 'line-items',
  layout: 'group',
  ownsDescendants: true,
  tester: kindOrWidget(['array'], 'line-items', (field) => Boolean(field.children)),
  render: (ctx) => {
    loadLineItems();
    return html`<kehu-line-items
      part="line-items"
      id=${ctx.id}
      aria-describedby=${ctx.describedBy ?? nothing}
      .field=${ctx.field}
      .rows=${Array.isArray(ctx.value) ? ctx.value : []}
      .issues=${ctx.issuesBelow()}
      .locale=${ctx.locale}
      .label=${ctx.label}
      .store=${ctx.store}
      .validate=${(rows: unknown[]) => ctx.validateBelow(rows)}
      ?readonly=${ctx.disabled}
      @kehu-line-items-change=${(e: CustomEvent<LineItemsChangeDetail>) => ctx.changeBelow(e.detail.rows, e.detail.path)}
    ></kehu-line-items>`;
  },
};
