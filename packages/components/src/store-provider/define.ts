import { KehuStoreProvider } from './store-provider.js';

if (!customElements.get('kehu-store-provider')) customElements.define('kehu-store-provider', KehuStoreProvider);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-store-provider': KehuStoreProvider;
  }
}
