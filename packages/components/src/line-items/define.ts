import { KehuLineItems, type LineItemsChangeDetail } from './line-items.js';

if (!customElements.get('kehu-line-items')) customElements.define('kehu-line-items', KehuLineItems);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-line-items': KehuLineItems;
  }
  interface HTMLElementEventMap {
    'kehu-line-items-change': CustomEvent<LineItemsChangeDetail>;
  }
}
