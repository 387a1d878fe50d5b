import { KehuRecordForm } from './record-form.js';
import '../reference-picker/define.js';
import '../line-items/define.js';

if (!customElements.get('kehu-record-form')) customElements.define('kehu-record-form', KehuRecordForm);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-record-form': KehuRecordForm;
  }
}
