import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  isComplete,
  isFilterGroup,
  localize,
  type Entity,
  type FieldModel,
  type FilterGroup,
  type KehuRecord,
  type Locale,
  type SavedView,
  type Store,
} from '@kehu/core';
import type { valueEditor } from '../filter-builder/condition-row.js';
import { listText } from './record-list.strings.js';
import { loadFilterBuilder } from '../filter-builder/load.js';
import { lazily } from '../controllers/lazy-template.js';

export type ListPanel = 'filter' | 'columns' | 'save-view' | undefined;

/** What the toolbar and its panels read and call; the list element provides it each render. */
export interface ToolbarContext {
  locale: Locale;
  entity: Entity;
  store: Store | undefined;
  search: string;
  filter: FilterGroup | undefined;
  panel: ListPanel;
  /** Columns shown, and every field a column could show. */
  shown: FieldModel[];
  columnChoices: FieldModel[];
  /** The user's role may export this entity / save list views (false only under permissions). */
  canExport: boolean;
  canSaveView: boolean;
  views: KehuRecord<SavedView>[];
  view: string | undefined;
  minimal: boolean;
  countText: string;
  onSearchFocus(): void;
  onSearchInput(event: Event): void;
  onSearchKeydown(event: KeyboardEvent): void;
  togglePanel(panel: ListPanel): void;
  onFilterChange(event: CustomEvent<{ filter: FilterGroup }>): void;
  setColumns(keys: string[] | undefined): void;
  chooseView(id: string): void;
  saveView(name: string): void;
  deleteView(id: string): void;
  exportCsv(): void;
}

/** Conditions that apply now (complete ones, in groups too), for the filter button's count. */
function activeConditions(entity: Entity, filter: FilterGroup | undefined): number {
  if (!filter) return 0;
  return filter.conditions.reduce(
    (n, item) => n + (isFilterGroup(item) ? activeConditions(entity, item) : isComplete(entity, item) ? 1 : 0),
    0,
  );
}

export function toolbar(c: ToolbarContext): TemplateResult {
  const { locale, entity } = c;
  const entityLabel = localize(entity.pluralLabel, locale) || entity.name;
  const searchLabel = listText(locale, 'search', { entity: entityLabel });
  const active = activeConditions(entity, c.filter);
  const toggle = (panel: ListPanel, label: string, part: string) =>
    html`<button
      part=${part}
      class="tool"
      type="button"
      aria-expanded=${c.panel === panel ? 'true' : 'false'}
      aria-controls="panel"
      @click=${() => c.togglePanel(panel)}
    >
      ${label}
    </button>`;
  return html`<div part="toolbar" class="toolbar">
    <input
      part="search"
      class="search"
      type="search"
      aria-label=${searchLabel}
      placeholder=${searchLabel}
      .value=${live(c.search)}
      @focus=${c.onSearchFocus}
      @input=${c.onSearchInput}
      @keydown=${c.onSearchKeydown}
    />
    ${
      c.minimal
        ? nothing
        : html`${toggle('filter', active ? listText(locale, 'filterCount', { count: active }) : listText(locale, 'filter'), 'filter-button')}
            ${toggle('columns', listText(locale, 'columns'), 'columns-button')}
            <select
              part="views"
              class="views"
              aria-label=${listText(locale, 'view')}
              @change=${(e: Event) => c.chooseView((e.target as HTMLSelectElement).value)}
            >
              <option value="" ?selected=${!c.view}>${listText(locale, 'defaultView')}</option>
              ${c.views.map((v) => html`<option value=${v.id} ?selected=${v.id === c.view}>${v.name}</option>`)}
            </select>
            ${c.canSaveView ? toggle('save-view', listText(locale, 'saveView'), 'save-view-button') : nothing}
            ${
              c.canExport
                ? html`<button part="export-button" class="tool" type="button" @click=${c.exportCsv}>
                    ${listText(locale, 'export')}
                  </button>`
                : nothing
            }`
    }
    <span part="count" class="count" role="status">${c.countText}</span>
  </div>`;
}

/** The open panel under the toolbar: the filter builder, the column chooser or the save-view form. */
export function panel(c: ToolbarContext): TemplateResult | typeof nothing {
  if (!c.panel || c.minimal) return nothing;
  const { locale } = c;
  if (c.panel === 'filter') {
    loadFilterBuilder();
    return html`<div id="panel" part="panel" class="panel">
      <kehu-filter-builder
        entity=${c.entity.name}
        .store=${c.store}
        locale=${locale}
        .value=${c.filter ?? { match: 'all', conditions: [] }}
        @kehu-filter-change=${c.onFilterChange}
      ></kehu-filter-builder>
    </div>`;
  }
  if (c.panel !== 'columns' && !c.canSaveView) return nothing;
  const which = c.panel;
  // Until the panel's module arrives, an empty busy panel keeps the toggle's `aria-controls` valid.
  return html`${withPanels(
    (panels) => (which === 'columns' ? panels.columnsPanel(c) : panels.saveViewPanel(c)),
    html`<div id="panel" part="panel" class="panel" aria-busy="true"></div>`,
  )}`;
}

/** The column chooser and the save-view form come with their module, loaded when one first opens. */
const withPanels = lazily<typeof import('./list-panels.js')>(() => import('./list-panels.js'));

/**
 * The value input of "set field" is the filter builder's value editor, loaded the first time the
 * bulk bar shows (rows are selected), so lists nobody selects in do not download it up front.
 */
const withEditors = lazily<{ valueEditor: typeof valueEditor }>(() => import('../filter-builder/condition-row.js'));

const setFieldEditor = (field: FieldModel, b: BulkContext) =>
  withEditors(({ valueEditor }) =>
    valueEditor(field, b.setFieldValue, listText(b.locale, 'setFieldValue'), b, b.changeSetValue),
  );

/** What the bulk bar reads and calls. */
export interface BulkContext {
  locale: Locale;
  store: Store | undefined;
  selected: number;
  /** Fields "set field" may change; empty hides it (no `update` permission, nothing writable). */
  settable: FieldModel[];
  canDelete: boolean;
  canExport: boolean;
  confirming: boolean;
  setFieldKey: string | undefined;
  setFieldValue: unknown;
  result: string | undefined;
  askDelete(): void;
  confirmDelete(): void;
  cancelDelete(): void;
  chooseSetField(key: string): void;
  changeSetValue(value: unknown): void;
  applySetField(): void;
  exportSelected(): void;
  clear(): void;
}

/** The bar of actions on the selected records. */
export function bulkBar(b: BulkContext): TemplateResult | typeof nothing {
  if (!b.selected && !b.result) return nothing;
  const { locale } = b;
  const field = b.settable.find((f) => f.key === b.setFieldKey) ?? b.settable[0];
  return html`<div part="bulk-bar" class="bulk" role="region" aria-label=${listText(locale, 'bulkActions')}>
    ${
      b.selected
        ? html`<strong
              >${listText(locale, 'selected', { count: new Intl.NumberFormat(locale).format(b.selected) })}</strong
            >
            ${
              !b.canDelete
                ? nothing
                : b.confirming
                  ? html`<span>${listText(locale, 'confirmDelete', { count: b.selected })}</span>
                      <button class="tool danger" type="button" @click=${b.confirmDelete}>
                        ${listText(locale, 'delete')}
                      </button>
                      <button class="tool" type="button" @click=${b.cancelDelete}>
                        ${listText(locale, 'cancel')}
                      </button>`
                  : html`<button class="tool danger" type="button" @click=${b.askDelete}>
                      ${listText(locale, 'delete')}
                    </button>`
            }
            ${
              field
                ? html`<span class="set-field" role="group" aria-label=${listText(locale, 'setField')}>
                    <select
                      aria-label=${listText(locale, 'setFieldWhich')}
                      @change=${(e: Event) => b.chooseSetField((e.target as HTMLSelectElement).value)}
                    >
                      ${b.settable.map((f) => html`<option value=${f.key} ?selected=${f === field}>${localize(f.label, locale) || f.key}</option>`)}
                    </select>
                    ${setFieldEditor(field, b)}
                    <button
                      class="tool"
                      type="button"
                      ?disabled=${b.setFieldValue === undefined || b.setFieldValue === ''}
                      @click=${b.applySetField}
                    >
                      ${listText(locale, 'apply')}
                    </button>
                  </span>`
                : nothing
            }
            ${
              b.canExport
                ? html`<button class="tool" type="button" @click=${b.exportSelected}>
                    ${listText(locale, 'export')}
                  </button>`
                : nothing
            }
            <button class="tool" type="button" @click=${b.clear}>${listText(locale, 'clearSelection')}</button>`
        : nothing
    }
    <span class="result" role="status">${b.result ?? ''}</span>
  </div>`;
}
