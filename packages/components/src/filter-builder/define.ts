import { KehuFilterBuilder } from './filter-builder.js';
import type { FilterChangeEvent } from './filter-change-event.js';

if (!customElements.get('kehu-filter-builder')) customElements.define('kehu-filter-builder', KehuFilterBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-filter-builder': KehuFilterBuilder;
  }
  interface HTMLElementEventMap {
    'kehu-filter-change': FilterChangeEvent;
  }
}
