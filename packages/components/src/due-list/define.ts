import { KehuDueList } from './due-list.js';

if (!customElements.get('kehu-due-list')) customElements.define('kehu-due-list', KehuDueList);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-due-list': KehuDueList;
  }
}
