import { KehuConflictPicker } from './conflict-picker.js';
import './conflict-resolve-event.js';

if (!customElements.get('kehu-conflict-picker')) customElements.define('kehu-conflict-picker', KehuConflictPicker);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-conflict-picker': KehuConflictPicker;
  }
}
