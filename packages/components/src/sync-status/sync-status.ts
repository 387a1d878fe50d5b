import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import { localize, type Store, type SyncStatus } from '@kehu/core';
import { storeContext } from '../context/store-context.js';
import { t } from '../i18n/strings.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { watchLang } from '../i18n/locale-observer.js';
import './sync-status.strings.js';
import { syncStatusStyles } from './sync-status.styles.js';

/** Anything that emits sync statuses: `store.sync`, or a fake in tests and stories. */
export interface SyncStatusSource {
  readonly status$: { subscribe(next: (status: SyncStatus) => void): { unsubscribe(): void } };
}

/**
 * @summary Whether the store is in sync with the server: online or offline, syncing, how many local
 * changes wait to be sent, when it last synced, and the last error (a refused write names its reason).
 * Announced politely to screen readers as it changes.
 *
 * @csspart base - The frame (`role="status"`).
 * @csspart state - The state with its dot; the host's `state` attribute is `offline`, `syncing`, `idle`, `error` or `none`.
 * @csspart pending - The count of changes not yet sent (absent when none).
 * @csspart time - When the last sync succeeded.
 * @csspart tab - "Via another tab": another tab of this browser replicates for this one and the status is its.
 * @csspart error - The last error.
 *
 * @cssproperty --kehu-sync-status-color - Text. Default: theme text.
 * @cssproperty --kehu-sync-status-muted-color - The time and the offline dot. Default: theme muted.
 * @cssproperty --kehu-sync-status-background - Background. Default transparent.
 * @cssproperty --kehu-sync-status-idle-color - Dot when in sync. Default: theme success.
 * @cssproperty --kehu-sync-status-syncing-color - Dot while syncing. Default: theme accent.
 * @cssproperty --kehu-sync-status-error-color - Dot and text of errors. Default: theme danger.
 * @cssproperty --kehu-sync-status-pending-color - The pending count. Default: theme warning.
 */
export class KehuSyncStatus extends LitElement {
  static override styles = syncStatusStyles;
  static override properties = {
    store: { attribute: false },
    source: { attribute: false },
    locale: {},
    state: { reflect: true },
    status: { state: true },
  };

  /** The store whose `sync` is shown; when unset, the nearest `<kehu-store-provider>`'s. */
  store?: Store;
  /** A status source that wins over the store's (`{ status$ }`). */
  source?: SyncStatusSource;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** The shown state, reflected for styling; read-only in effect (set from the status). */
  state: SyncStatus['state'] | 'none';
  private status?: SyncStatus;
  private consumer: ContextConsumer<typeof storeContext, KehuSyncStatus>;
  private subscribed?: SyncStatusSource;
  private subscription?: { unsubscribe(): void };
  private unwatch?: () => void;

  constructor() {
    super();
    this.state = 'none';
    this.consumer = new ContextConsumer(this, { context: storeContext, subscribe: true });
  }

  private get current(): SyncStatusSource | undefined {
    return this.source ?? (this.store ?? this.consumer.value)?.sync;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unwatch = watchLang(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.subscribed = undefined;
  }

  protected override willUpdate(_changed: PropertyValues): void {
    this.follow(this.current);
    this.state = this.status?.state ?? 'none';
  }

  /** Subscribes to `source` when it is not the one followed already (set before or after connection alike). */
  private follow(source: SyncStatusSource | undefined): void {
    if (source === this.subscribed && (this.subscription || !source)) return;
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.subscribed = source;
    this.status = undefined;
    if (source && typeof source.status$?.subscribe === 'function') {
      this.subscription = source.status$.subscribe((status) => {
        this.status = status;
      });
    } else if (source) {
      console.warn('<kehu-sync-status>: source has no status$ to subscribe to; showing nothing.');
    }
  }

  private time(iso: string | undefined, locale: string): string | undefined {
    const date = iso ? new Date(iso) : undefined;
    if (!date || Number.isNaN(date.getTime())) return undefined;
    return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(date);
  }

  override render() {
    const locale = uiLocale(this, this.locale);
    const status = this.status;
    const state = status?.state ?? 'none';
    const pending = status && status.pending > 0 ? status.pending : 0;
    const time = this.time(status?.lastSyncedAt, locale);
    return html`<div
      part="base"
      class="base"
      role="status"
      aria-live="polite"
      aria-label=${t(locale, 'syncStatus.label')}
    >
      <span part="state" class="state"
        ><span class="dot" aria-hidden="true"></span>${t(locale, `syncStatus.${state}`)}</span
      >
      ${
        pending
          ? html`<span part="pending" class="pending"
              >${pending === 1 ? t(locale, 'syncStatus.pendingOne') : t(locale, 'syncStatus.pending', { count: new Intl.NumberFormat(locale).format(pending) })}</span
            >`
          : nothing
      }
      ${time ? html`<span part="time" class="time">${t(locale, 'syncStatus.lastSynced', { time })}</span>` : nothing}
      ${status?.otherTab ? html`<span part="tab" class="time">${t(locale, 'syncStatus.otherTab')}</span>` : nothing}
      ${
        status?.lastError
          ? html`<span part="error" class="error"
              >${t(locale, 'syncStatus.lastError')}${localize(status.lastError, locale)}</span
            >`
          : nothing
      }
    </div>`;
  }
}
