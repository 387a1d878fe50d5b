import { KehuReferencePicker } from './reference-picker.js';
// "New customer '…'" opens a record form; the form's own define also defines this picker.
import '../record-form/define.js';

if (!customElements.get('kehu-reference-picker')) customElements.define('kehu-reference-picker', KehuReferencePicker);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-reference-picker': KehuReferencePicker;
  }
}
