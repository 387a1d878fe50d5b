import { KehuRecordTimeline } from './record-timeline.js';

if (!customElements.get('kehu-record-timeline')) customElements.define('kehu-record-timeline', KehuRecordTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-record-timeline': KehuRecordTimeline;
  }
}
