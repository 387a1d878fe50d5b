import { KehuRecordDetail } from './record-detail.js';

if (!customElements.get('kehu-record-detail')) customElements.define('kehu-record-detail', KehuRecordDetail);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-record-detail': KehuRecordDetail;
  }
}
