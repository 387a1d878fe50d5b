import type { AttachmentInfo } from '@kehu/core';

/** What `kehu-attachment-add` and `kehu-attachment-remove` carry: the file and the record it belongs to. */
export interface AttachmentEventDetail {
  entity: string;
  recordId: string;
  attachment: AttachmentInfo;
}

/** A file was attached (after it is stored completely). */
export type AttachmentAddEvent = CustomEvent<AttachmentEventDetail>;
/** A file was deleted (after the user confirmed). */
export type AttachmentRemoveEvent = CustomEvent<AttachmentEventDetail>;

export function attachmentEvent(
  type: 'kehu-attachment-add' | 'kehu-attachment-remove',
  detail: AttachmentEventDetail,
): CustomEvent<AttachmentEventDetail> {
  return new CustomEvent(type, { detail, bubbles: true, composed: true });
}
