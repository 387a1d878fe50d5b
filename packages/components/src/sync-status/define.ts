import { KehuSyncStatus } from './sync-status.js';

if (!customElements.get('kehu-sync-status')) customElements.define('kehu-sync-status', KehuSyncStatus);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-sync-status': KehuSyncStatus;
  }
}
