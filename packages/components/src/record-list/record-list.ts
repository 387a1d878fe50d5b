import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styleProperties } from '../styles/style-properties.js';
import '@lit-labs/virtualizer';
import {
  KehuError,
  SAVED_VIEW_ENTITY,
  allOf,
  filterSelector,
  localize,
  type FieldModel,
  type FilterGroup,
  type KehuRecord,
  type Locale,
  type Selector,
  type SortSpec,
  type Store,
} from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { t } from '../i18n/strings.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { columnHeader } from './column-header.js';
import { ColumnWidths } from './column-widths.js';
import {
  columnChoices,
  columnsConverter,
  defaultColumnTracks,
  effectiveSort,
  listFields,
  sortConverter,
  sortField,
} from './list-columns.js';
import { countText } from './cell-format.js';
import { listText, loadFailedText } from './record-list.strings.js';
import { recordListStyles } from './record-list.styles.js';
import { ListQuery } from './list-query.js';
import { listRow, titleOnHover, type RowContext } from './record-row.js';
import { SavedViews } from './saved-views.js';
import { bulkBar, panel, toolbar, type ListPanel, type ToolbarContext } from './list-toolbar.js';
import { ListSelection } from './list-selection.js';
import { windowBar } from './window-bar.js';
import { InlineEdit } from './inline-edit.js';
import { ListRows } from './list-rows.js';
import { SearchInput } from './search-input.js';
import { listAccess, permittedSort } from './list-permissions.js';
import { ROW_LAYOUT } from './row-layout.js';

const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_MAX_SCROLL_ROWS = 500_000;

/**
 * @summary A live, virtualised, sortable and searchable list of one entity's records. Under the
 * store's role permissions it offers only what the user may do: hidden columns and actions the role
 * lacks (delete, export, bulk or inline changes) are left out; masked columns are neither sorted nor filtered.
 *
 * @event kehu-record-activate - A row was clicked or Enter was pressed on it. `detail: { id, record, entity }`.
 * @event kehu-record-export - An export is about to be saved; cancel it to handle the CSV yourself. `detail: { entity, fileName, file, text, count }`.
 * @event kehu-filter-change - The user changed the filter (bubbles from the filter panel). `detail: { filter }`.
 *
 * @csspart base - The element's frame.
 * @csspart toolbar - The bar holding the search field and the count.
 * @csspart search - The quick-search input.
 * @csspart count - The number of matching records.
 * @csspart filter-button - Opens the filter builder; shows the number of active conditions.
 * @csspart columns-button - Opens the column chooser.
 * @csspart views - The saved-view selector.
 * @csspart save-view-button - Opens the save-view form.
 * @csspart export-button - Exports the matching records as CSV.
 * @csspart export-progress - Progress bar and Cancel button of an export of many records.
 * @csspart panel - The open filter, columns or save-view panel.
 * @csspart bulk-bar - Actions on the selected records (with `selectable`).
 * @csspart resize-handle - The draggable edge of a column header.
 * @csspart window-bar - Moves between windows of rows when there are more than `max-scroll-rows`.
 * @csspart table - The grid (header and rows).
 * @csspart header - The header row group.
 * @csspart header-cell - One column header.
 * @csspart sort-button - The button in a sortable column header.
 * @csspart row - One record row; placeholder rows also carry `placeholder`.
 * @csspart placeholder - A row whose record is still loading.
 * @csspart cell - One cell.
 * @csspart select-cell - The cell holding a row's selection checkbox (with `selectable`).
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
    filter: { attribute: false },
    widths: { attribute: false },
    view: { reflect: true },
    selectable: { type: Boolean, reflect: true },
    editable: { type: Boolean, reflect: true },
    minimal: { type: Boolean, reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    maxScrollRows: { type: Number, attribute: 'max-scroll-rows' },
    panel: { state: true },
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
  /** The user's filter (the filter builder sets it); applies on top of `selector`. Plain JSON. */
  filter?: FilterGroup;
  /** Column widths in pixels by field key; dragging a column edge sets them. */
  widths: Record<string, number>;
  /** Id of the saved view in force; choosing a view in the toolbar sets it. */
  view?: string;
  /** Shows a checkbox per row and the bulk actions (delete, set a field, export) for the selected. */
  selectable: boolean;
  /** Lets users edit simple fields in place: F2, Enter or double-click on a cell; Enter saves, Escape cancels. */
  editable: boolean;
  /** Only the search box and the count: no filter, columns, views or export (for compact related lists). */
  minimal: boolean;
  /** Records fetched per store query while scrolling. */
  pageSize: number;
  /**
   * Most rows in one scrolling area. Browsers cap an element's height near 33.5 million pixels, so
   * beyond this the list shows the records in windows of this many rows, with a bar to move between
   * them (End and Ctrl+End still reach the last record). Default 500,000.
   */
  maxScrollRows: number;
  private panel: ListPanel;

  private entities = new EntityController(this);
  private query = new ListQuery(this, () => this.rows.reset());
  /** What rows render with, refreshed on every render of the element. */
  private rowContext: RowContext | undefined;
  /** A placeholder row's accessible name, looked up once per render rather than once per row. */
  private loadingLabel = '';
  private searchInput = new SearchInput(
    (text) => (this.search = text),
    // A failed build is tried again by the search itself, which then reads the storage if it must.
    () => void this.entities.repository?.searchReady().catch(() => undefined),
  );
  private warned = new Set<string>();
  /** Why the filter cannot apply, shown above the rows. */
  private filterProblem: KehuError | undefined;
  private views = new SavedViews(this);
  private inlineEdit = new InlineEdit(this, (index, key) => void this.rows.focus.focusCell(index, key));
  private rows = new ListRows(this, this.entities, this.query, this.inlineEdit, () =>
    (this.rowContext?.fields ?? []).map((field) => field.key),
  );
  private selection = new ListSelection(this, () => ({
    store: this.entities.store,
    entity: this.entities.entity,
    options: {
      search: this.search.trim(),
      selector: this.entities.entity && this.effectiveSelector(this.entities.entity),
      sort: this.query.sort,
    },
  }));
  /** The view whose settings were last applied, so choosing it again re-applies them. */
  private appliedView: string | undefined;

  constructor() {
    super();
    this.search = '';
    this.widths = {};
    this.selectable = false;
    this.editable = false;
    this.minimal = false;
    this.pageSize = DEFAULT_PAGE_SIZE;
    this.maxScrollRows = DEFAULT_MAX_SCROLL_ROWS;
  }

  /** Number of records matching the current search, once the store has answered. */
  get total(): number | undefined {
    return this.query.total;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.searchInput.cancel();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('search')) this.searchInput.cancel();
    const entity = this.entities.entity;
    // A requested view must load before the first query; otherwise views only fill the toolbar's choice.
    this.views.update(this.entities.store, entity?.name, !this.view);
    this.applyView();
    const wanted =
      entity &&
      effectiveSort(entity, this.sort, (field) =>
        this.warnOnce(
          `sort:${field}`,
          listText(uiLocale(this, this.locale), 'unknownSort', { field, entity: entity.name }),
        ),
      );
    const sort = entity && wanted && permittedSort(listAccess(this.entities.store, entity), entity, wanted);
    const selector = entity && this.effectiveSelector(entity);
    this.query.windowSize =
      Number.isInteger(this.maxScrollRows) && this.maxScrollRows > 0 ? this.maxScrollRows : DEFAULT_MAX_SCROLL_ROWS;
    this.query.update(
      this.entities.store,
      entity,
      sort && { sort, search: this.search.trim(), selector },
      this.validPageSize(),
    );
    // A selection belongs to the query it was made in: bulk actions must never reach rows the
    // current search or filter no longer shows.
    const queryKeys: (keyof KehuRecordList)[] = ['entity', 'store', 'search', 'filter', 'selector'];
    if (queryKeys.some((key) => (changed as Map<PropertyKey, unknown>).has(key))) this.selection.clear();
  }

  /** The host's selector AND the user's filter, keeping indexable conditions at the top level. */
  private effectiveSelector(entity: NonNullable<EntityController['entity']>): Selector | undefined {
    this.filterProblem = undefined;
    try {
      return allOf(this.selector, filterSelector(entity, this.filter));
    } catch (error) {
      // A filter that cannot apply (a saved view naming a field since removed) must not widen the
      // list to every record: it shows nothing, and says why.
      this.filterProblem = error instanceof KehuError ? error : undefined;
      this.warnOnce(`filter:${JSON.stringify(this.filter)}`, (error as Error).message);
      return allOf(this.selector, { id: { $in: [] } });
    }
  }

  /** Applies a newly chosen saved view (`view`) once its record has loaded. */
  private applyView(): void {
    if (this.view === this.appliedView || (this.view && !this.views.find(this.view))) return;
    this.appliedView = this.view;
    Object.assign(this, this.views.settings(this.view));
  }

  protected override updated(): void {
    // Rows render through the virtualizer, which only re-renders when its own properties change;
    // page loads, locale and column changes reach the visible rows through this.
    this.rows.virtualizer?.requestUpdate();
  }

  override render(): TemplateResult {
    const locale = uiLocale(this, this.locale);
    const problem = this.entities.problem(locale);
    const entity = this.entities.entity;
    if (problem || !entity) {
      this.rowContext = undefined;
      return html`<div part="base" class="base"><p part="message" class="message" role="alert">${problem}</p></div>`;
    }
    const access = listAccess(this.entities.store, entity);
    const fields = listFields(entity, this.columns, (column) =>
      this.warnOnce(`column:${column}`, listText(locale, 'unknownColumn', { column, entity: entity.name })),
    ).filter(access.shown);
    const selection = this.selectable ? this.selection : undefined;
    const repository = this.entities.repository;
    const editor =
      this.editable && repository
        ? (_index: number, record: KehuRecord, field: FieldModel) =>
            this.inlineEdit.isEditing(record.id, field.key) && access.writable(field)
              ? this.inlineEdit.editor(field, record, locale, repository)
              : undefined
        : undefined;
    this.rowContext = { fields, locale, entity, referenceTitle: this.query.referenceTitle, selection, editor };
    this.loadingLabel = t(locale, 'loading');
    const { total, error, items } = this.query;
    const entityLabel = localize(entity.pluralLabel, locale) || entity.name;
    const tracks = defaultColumnTracks(fields, entity.titleField, this.widths, this.selectable);
    const context = this.toolbarContext(locale, entity, fields, total);
    return html`
      <div part="base" class="base" ${styleProperties({ '--kehu-record-list-default-columns': tracks })}>
        ${toolbar(context)} ${panel(context)} ${bulkBar(this.selection.context(locale, entity, fields, access))}
        ${this.selection.exporter.progress(locale)}
        ${error ? html`<p part="message" class="message" role="alert">${loadFailedText(locale, error)}</p>` : nothing}
        ${
          this.filterProblem
            ? html`<p part="message" class="message" role="alert">${this.filterProblem.messageIn(locale)}</p>`
            : nothing
        }
        <div
          part="table"
          class="table"
          role="grid"
          aria-label=${entityLabel}
          aria-multiselectable=${this.selectable ? 'true' : nothing}
          aria-rowcount=${total === undefined ? -1 : total + 1}
          aria-colcount=${fields.length + (this.selectable ? 1 : 0)}
          aria-busy=${total === undefined ? 'true' : 'false'}
        >
          <div part="header" class="header" role="rowgroup">
            <div class="header-row" role="row" aria-rowindex="1">
              ${this.selectable ? this.selection.headerCell(locale, total) : nothing}
              ${fields.map((field) =>
                columnHeader(field, locale, this.query.sort, this.toggleSort, this.resize, access.queryable(field)),
              )}
            </div>
          </div>
          ${
            items.length
              ? html`<lit-virtualizer
                  class="body"
                  role="rowgroup"
                  scroller
                  .layout=${ROW_LAYOUT}
                  .items=${items}
                  .renderItem=${this.renderRow}
                  @rangeChanged=${this.rows.onRangeChanged}
                  @visibilityChanged=${this.rows.onVisibilityChanged}
                  @click=${this.rows.onRowClick}
                  @keydown=${this.rows.onRowKeydown}
                  @dblclick=${this.rows.onCellDblclick}
                  @mouseover=${titleOnHover}
                ></lit-virtualizer>`
              : nothing
          }
        </div>
        ${total === 0 ? html`<p part="empty" class="empty">${listText(locale, 'empty')}</p>` : nothing}
        ${windowBar(locale, this.query, this.rows.goToWindow)}
      </div>
    `;
  }

  private toolbarContext(
    locale: Locale,
    entity: NonNullable<EntityController['entity']>,
    shown: FieldModel[],
    total: number | undefined,
  ): ToolbarContext {
    const access = listAccess(this.entities.store, entity);
    return {
      locale,
      entity,
      store: this.entities.store,
      search: this.search,
      filter: this.filter,
      panel: this.panel,
      shown,
      columnChoices: columnChoices(entity).filter(access.shown),
      canExport: access.can('export'),
      canSaveView: access.can('create', SAVED_VIEW_ENTITY) || access.can('update', SAVED_VIEW_ENTITY),
      views: this.views.views,
      view: this.view,
      minimal: this.minimal,
      countText: countText(locale, total),
      onSearchFocus: this.searchInput.onFocus,
      onSearchInput: this.searchInput.onInput,
      onSearchKeydown: this.searchInput.onKeydown,
      togglePanel: (next) => (this.panel = this.panel === next ? undefined : next),
      onFilterChange: (event) => (this.filter = event.detail.filter),
      setColumns: (keys) => (this.columns = keys),
      chooseView: (id) => (this.view = id || undefined),
      saveView: (name) => this.saveView(name, locale).catch((error: unknown) => this.selection.sayError(locale, error)),
      deleteView: (id) => this.deleteView(id).catch((error: unknown) => this.selection.sayError(locale, error)),
      exportCsv: () => void this.selection.exportAll(locale, entity, shown),
    };
  }

  /** The headers' resize handles; widths measured after layout, never while rendering (column-widths.ts). */
  private resize = new ColumnWidths(
    this,
    () => this.widths,
    (widths) => (this.widths = widths),
  ).handle;

  private async saveView(name: string, locale: Locale): Promise<void> {
    const entity = this.entities.entity;
    if (!entity) return;
    const { columns, widths, sort, filter, search } = this;
    const view = { entity: entity.name, name, columns, widths, sort, filter, search };
    const saved = await this.views.saveAs(this.view, view);
    this.appliedView = saved.id;
    this.view = saved.id;
    this.panel = undefined;
    this.selection.say(listText(locale, 'viewSaved', { name }));
  }

  private async deleteView(id: string): Promise<void> {
    await this.views.remove(id);
    this.view = undefined;
    this.panel = undefined;
  }

  /** Renders row `index`; the virtualizer calls it for the rows in view only. */
  private renderRow = (index: number): TemplateResult => {
    const record = this.query.record(index);
    const tabindex = this.rows.focus.tabIndexOf(index);
    const view = this.rowContext;
    if (!view) return html``;
    return listRow(index, record, tabindex, view, this.loadingLabel);
  };

  private toggleSort = (field: FieldModel): void => {
    const name = sortField(field);
    const current = this.query.sort;
    this.sort = { field: name, direction: current?.field === name && current.direction === 'asc' ? 'desc' : 'asc' };
  };

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
