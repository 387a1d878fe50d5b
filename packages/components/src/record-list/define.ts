import { KehuRecordList } from './record-list.js';

if (!customElements.get('kehu-record-list')) customElements.define('kehu-record-list', KehuRecordList);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-record-list': KehuRecordList;
  }
}
