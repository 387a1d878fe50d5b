import { KehuDuplicateReview } from './duplicate-review.js';
import './duplicate-merge-event.js';

if (!customElements.get('kehu-duplicate-review')) customElements.define('kehu-duplicate-review', KehuDuplicateReview);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-duplicate-review': KehuDuplicateReview;
  }
}
