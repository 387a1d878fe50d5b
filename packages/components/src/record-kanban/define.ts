import { KehuRecordKanban } from './record-kanban.js';
import type { RecordMoveEvent } from './record-move-event.js';

if (!customElements.get('kehu-record-kanban')) customElements.define('kehu-record-kanban', KehuRecordKanban);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-record-kanban': KehuRecordKanban;
  }
  interface HTMLElementEventMap {
    'kehu-record-move': RecordMoveEvent;
  }
}
