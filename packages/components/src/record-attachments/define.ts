import { KehuRecordAttachments } from './record-attachments.js';
import type { AttachmentAddEvent, AttachmentRemoveEvent } from './attachment-events.js';

if (!customElements.get('kehu-record-attachments'))
  customElements.define('kehu-record-attachments', KehuRecordAttachments);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-record-attachments': KehuRecordAttachments;
  }
  interface HTMLElementEventMap {
    'kehu-attachment-add': AttachmentAddEvent;
    'kehu-attachment-remove': AttachmentRemoveEvent;
  }
}
