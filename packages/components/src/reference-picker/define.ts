import { KehuReferencePicker } from './reference-picker.js';

if (!customElements.get('kehu-reference-picker')) customElements.define('kehu-reference-picker', KehuReferencePicker);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-reference-picker': KehuReferencePicker;
  }
}
