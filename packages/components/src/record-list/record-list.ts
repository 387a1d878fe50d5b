import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { styleMap } from 'lit/directives/style-map.js';
import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer/LitVirtualizer.js';
import type { RangeChangedEvent, VisibilityChangedEvent } from '@lit-labs/virtualizer/events.js';
import { KehuError, localize, type FieldModel, type Locale, type Selector, type SortSpec, type Store } from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { t } from '../i18n/strings.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { columnHeader } from './column-header.js';
import {
  columnsConverter,
  defaultColumnTracks,
  effectiveSort,
  listFields,
  sortConverter,
  sortField,
} from './list-columns.js';
import { recordActivateEvent } from './record-activate-event.js';
import { listText } from './record-list.strings.js';
import { recordListStyles } from './record-list.styles.js';
import { ListQuery } from './list-query.js';
import { placeholderRow, recordRow, type RowContext } from './record-row.js';
import { RowFocus } from './row-focus.js';

const SEARCH_DELAY_MS = 200;
const DEFAULT_PAGE_SIZE = 100;

/**
 * @summary A live, virtualised, sortable and searchable list of one entity's records.
 *
 * @event kehu-record-activate - A row was clicked or Enter was pressed on it. `detail: { id, record, entity }`.
 *
 * @csspart base - The element's frame.
 * @csspart toolbar - The bar holding the search field and the count.
 * @csspart search - The quick-search input.
 * @csspart count - The number of matching records.
 * @csspart table - The grid (header and rows).
 * @csspart header - The header row group.
 * @csspart header-cell - One column header.
 * @csspart sort-button - The button in a sortable column header.
 * @csspart row - One record row; placeholder rows also carry `placeholder`.
 * @csspart placeholder - A row whose record is still loading.
 * @csspart cell - One cell.
 * @csspart empty - "No records".
 * @csspart message - Why nothing can be shown (no store, unknown entity, store error); `role="alert"`.
 *
 * @cssproperty --kehu-record-list-height - Height of the element; rows scroll inside it. Default 24rem.
 * @cssproperty --kehu-record-list-columns - `grid-template-columns` of header and rows. Default: equal columns.
 * @cssproperty --kehu-record-list-row-height - Height of a row. Default 2.5rem.
 * @cssproperty --kehu-record-list-background - Background. Default #fff.
 * @cssproperty --kehu-record-list-color - Text colour. Default #1f2328.
 * @cssproperty --kehu-record-list-muted-color - Count, empty and placeholder text. Default #5f6673.
 * @cssproperty --kehu-record-list-border-color - Frame and row borders. Default #d0d5dd.
 * @cssproperty --kehu-record-list-border-radius - Frame corners. Default 6px.
 * @cssproperty --kehu-record-list-header-background - Header background. Default #f5f6f8.
 * @cssproperty --kehu-record-list-row-hover-background - Row under the pointer. Default #f0f4ff.
 * @cssproperty --kehu-record-list-focus-color - Focus ring. Default #2563eb.
 * @cssproperty --kehu-record-list-error-color - Text of messages. Default #b42318.
 */
export class KehuRecordList extends LitElement {
  static override styles = recordListStyles;
  static override properties = {
    entity: { reflect: true },
    store: { attribute: false },
    locale: {},
    columns: { converter: columnsConverter },
    sort: { converter: sortConverter },
    search: {},
    selector: { attribute: false },
    pageSize: { type: Number, attribute: 'page-size' },
  };

  /** Name of the entity to list, e.g. `customer`. */
  entity?: string;
  /** The store; when unset, the nearest `<kehu-store-provider>`'s. */
  store?: Store;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** Field keys to show as columns (dotted for nested fields); default: the entity's list columns. */
  columns?: string[];
  /** Sort order; default: the entity's default sort. Clicking a header sets it. */
  sort?: SortSpec;
  /** Quick-search text; typing in the search field sets it after a short pause. */
  search: string;
  /**
   * Conditions every listed record must meet, Mango-style over the entity's fields, e.g.
   * `{ owner: 'cus-000001' }` for one customer's vehicles. Conditions on indexed fields use the index.
   */
  selector?: Selector;
  /** Records fetched per store query while scrolling. */
  pageSize: number;

  private entities = new EntityController(this);
  private rowFocus = new RowFocus(() => this.virtualizer);
  private query = new ListQuery(this, () => {
    this.rowFocus.reset();
    const virtualizer = this.virtualizer;
    if (virtualizer) virtualizer.scrollTop = 0;
  });
  /** What rows render with, refreshed on every render of the element. */
  private view: RowContext | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private warned = new Set<string>();

  constructor() {
    super();
    this.search = '';
    this.pageSize = DEFAULT_PAGE_SIZE;
  }

  /** Number of records matching the current search, once the store has answered. */
  get total(): number | undefined {
    return this.query.total;
  }

  private get virtualizer(): LitVirtualizer | null {
    return this.renderRoot.querySelector('lit-virtualizer');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('search')) clearTimeout(this.searchTimer);
    const entity = this.entities.entity;
    const sort =
      entity &&
      effectiveSort(entity, this.sort, (field) =>
        this.warnOnce(
          `sort:${field}`,
          listText(uiLocale(this, this.locale), 'unknownSort', { field, entity: entity.name }),
        ),
      );
    this.query.update(this.entities.store, entity, sort && { sort, search: this.search.trim(), selector: this.selector }, this.validPageSize());
  }

  protected override updated(): void {
    // Rows render through the virtualizer, which only re-renders when its own properties change;
    // page loads, locale and column changes reach the visible rows through this.
    this.virtualizer?.requestUpdate();
  }

  override render(): TemplateResult {
    const locale = uiLocale(this, this.locale);
    const problem = this.entities.problem(locale);
    const entity = this.entities.entity;
    if (problem || !entity) {
      this.view = undefined;
      return html`<div part="base" class="base"><p part="message" class="message" role="alert">${problem}</p></div>`;
    }
    const fields = listFields(entity, this.columns, (column) =>
      this.warnOnce(`column:${column}`, listText(locale, 'unknownColumn', { column, entity: entity.name })),
    );
    this.view = { fields, locale, entity, referenceTitle: this.query.referenceTitle };
    const { total, error, items } = this.query;
    const entityLabel = localize(entity.pluralLabel, locale) || entity.name;
    const searchLabel = listText(locale, 'search', { entity: entityLabel });
    return html`
      <div
        part="base"
        class="base"
        style=${styleMap({ '--kehu-record-list-default-columns': defaultColumnTracks(fields, entity.titleField) })}
      >
        <div part="toolbar" class="toolbar">
          <input
            part="search"
            class="search"
            type="search"
            aria-label=${searchLabel}
            placeholder=${searchLabel}
            .value=${live(this.search)}
            @input=${this.onSearchInput}
            @keydown=${this.onSearchKeydown}
          />
          <span part="count" class="count" role="status">${this.countText(locale, total)}</span>
        </div>
        ${error ? html`<p part="message" class="message" role="alert">${this.errorText(locale, error)}</p>` : nothing}
        <div
          part="table"
          class="table"
          role="grid"
          aria-label=${entityLabel}
          aria-rowcount=${total === undefined ? -1 : total + 1}
          aria-colcount=${fields.length}
          aria-busy=${total === undefined ? 'true' : 'false'}
        >
          <div part="header" class="header" role="rowgroup">
            <div class="header-row" role="row" aria-rowindex="1">
              ${fields.map((field) => columnHeader(field, locale, this.query.sort, this.toggleSort))}
            </div>
          </div>
          ${
            items.length
              ? html`<lit-virtualizer
                  class="body"
                  role="rowgroup"
                  scroller
                  .items=${items}
                  .renderItem=${this.renderRow}
                  @rangeChanged=${this.onRangeChanged}
                  @visibilityChanged=${this.onVisibilityChanged}
                  @click=${this.onRowClick}
                  @keydown=${this.onRowKeydown}
                ></lit-virtualizer>`
              : nothing
          }
        </div>
        ${total === 0 ? html`<p part="empty" class="empty">${listText(locale, 'empty')}</p>` : nothing}
      </div>
    `;
  }

  /** Renders row `index`; the virtualizer calls it for the rows in view only. */
  private renderRow = (index: number): TemplateResult => {
    const record = this.query.record(index);
    const tabindex = this.rowFocus.tabIndexOf(index);
    const view = this.view;
    if (!view) return html``;
    return record
      ? recordRow(index, record, tabindex, view)
      : placeholderRow(index, tabindex, view.fields.length, t(view.locale, 'loading'));
  };

  private countText(locale: Locale, total: number | undefined): string {
    if (total === undefined) return t(locale, 'loading');
    return listText(locale, total === 1 ? 'countOne' : 'count', { count: new Intl.NumberFormat(locale).format(total) });
  }

  private errorText(locale: Locale, error: unknown): string {
    const reason =
      error instanceof KehuError ? error.messageIn(locale) : error instanceof Error ? error.message : String(error);
    return listText(locale, 'loadFailed', { reason });
  }

  private toggleSort = (field: FieldModel): void => {
    const name = sortField(field);
    const current = this.query.sort;
    this.sort = { field: name, direction: current?.field === name && current.direction === 'asc' ? 'desc' : 'asc' };
  };

  private onSearchInput = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.search = value), SEARCH_DELAY_MS);
  };

  private onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') this.search = (event.target as HTMLInputElement).value;
  };

  private onRangeChanged = (event: RangeChangedEvent): void => {
    this.query.show(event.first, event.last);
  };

  private onVisibilityChanged = (event: VisibilityChangedEvent): void => {
    this.rowFocus.visibleRange(event.first, event.last);
  };

  private onRowClick = (event: MouseEvent): void => {
    const index = this.rowFocus.rowIndexOf(event.target);
    if (index !== undefined) this.activate(index);
  };

  private onRowKeydown = (event: KeyboardEvent): void => {
    const index = this.rowFocus.rowIndexOf(event.target, true);
    if (index === undefined) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.activate(index);
    } else {
      this.rowFocus.handleKey(event, index, this.query.items.length);
    }
  };

  private activate(index: number): void {
    const record = this.query.record(index);
    const entity = this.entities.entity;
    if (!record || !entity) return;
    this.rowFocus.setActive(index);
    this.dispatchEvent(recordActivateEvent({ id: record.id, record, entity: entity.name }));
  }

  private validPageSize(): number {
    if (Number.isInteger(this.pageSize) && this.pageSize > 0) return this.pageSize;
    this.warnOnce(`page-size:${this.pageSize}`, listText('en', 'badPageSize', { value: String(this.pageSize) }));
    return DEFAULT_PAGE_SIZE;
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(message);
  }
}
