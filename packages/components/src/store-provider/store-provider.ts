import { LitElement, html, css } from 'lit';
import { ContextProvider } from '@lit/context';
import type { Store } from '@kehu/core';
import { storeContext } from '../context/store-context.js';

/**
 * @summary Gives a Kehu store to every Kehu element inside it.
 * @slot - The elements that use the store.
 *
 * Plain HTML: `document.querySelector('kehu-store-provider').store = await createStore({...})`.
 * Lit hosts may instead provide `storeContext` themselves.
 */
export class KehuStoreProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;
  static override properties = { store: { attribute: false, noAccessor: true } };

  private provider = new ContextProvider(this, { context: storeContext });
  private _store: Store | undefined;

  /** The store to provide. Setting it again updates every consumer. */
  get store(): Store | undefined {
    return this._store;
  }
  set store(value: Store | undefined) {
    const old = this._store;
    this._store = value;
    this.provider.setValue(value);
    this.requestUpdate('store', old);
  }

  override render() {
    return html`<slot></slot>`;
  }
}
