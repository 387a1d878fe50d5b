import { KehuRecordForm } from './record-form.js';
// The reference picker and the line-items grid load when a form first draws one (widgets/).

if (!customElements.get('kehu-record-form')) customElements.define('kehu-record-form', KehuRecordForm);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-record-form': KehuRecordForm;
  }
}
