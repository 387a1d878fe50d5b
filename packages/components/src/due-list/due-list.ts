import { LitElement, html, nothing, type TemplateResult } from 'lit';
import {
  KehuError,
  type Entity,
  type FieldModel,
  type KehuRecord,
  type Locale,
  type Selector,
  type Store,
} from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { recordActivateEvent } from '../record-list/record-activate-event.js';
import { addMonths, addMonthsToDate, isIsoDate, isIsoMonth, localToday } from './due-dates.js';
import { dueItem, titleOf, type DueView } from './due-item.js';
import { dueText } from './due-list.strings.js';
import { dueListStyles } from './due-list.styles.js';
import { DueQueries, type GroupResult } from './due-queries.js';
import { dayAfterKey, monthTitle, monthView } from './month-grid.js';

const DEFAULT_PAGE_SIZE = 50;

/**
 * @summary What is due when: records of any entity by a date field (follow-ups due, policies
 * expiring), as an agenda grouped into overdue, today, this week and later, or as a month calendar.
 *
 * @event kehu-record-activate - A record was clicked or opened with Enter. `detail: { id, record, entity }`.
 *
 * @csspart base - The element's frame.
 * @csspart toolbar - The view switch (and, in the month view, the month navigation).
 * @csspart view-button - The Agenda and Month buttons; `aria-pressed` tells which is on.
 * @csspart nav-button - Previous month, next month and today.
 * @csspart month-title - The month shown.
 * @csspart group - One agenda group; `group-heading` is its heading with the count.
 * @csspart item - One record; `item done` when done. Inside: `done-checkbox`, `item-button`, `item-title`, `item-meta`.
 * @csspart show-more - Loads more records of a long group.
 * @csspart grid - The month grid (`role="grid"`).
 * @csspart day - A day cell; also `outside` (other month), `today` and `focused`.
 * @csspart day-item - A record named in a day cell.
 * @csspart day-panel - The focused day's records.
 * @csspart empty - "Nothing" in an empty group or day.
 * @csspart message - Why nothing can be shown, or why saving failed; `role="alert"`.
 *
 * @cssproperty --kehu-due-list-background - Background. Default: theme surface.
 * @cssproperty --kehu-due-list-color - Text. Default: theme text.
 * @cssproperty --kehu-due-list-muted-color - Dates, counts, other months' days. Default: theme muted.
 * @cssproperty --kehu-due-list-border-color - Rules and cells. Default: theme border.
 * @cssproperty --kehu-due-list-accent-color - Focus ring, today, the pressed view. Default: theme accent.
 * @cssproperty --kehu-due-list-overdue-color - Overdue headings and notes. Default: theme danger.
 * @cssproperty --kehu-due-list-day-height - Minimum height of a day cell. Default 5.5rem.
 */
export class KehuDueList extends LitElement {
  static override styles = dueListStyles;
  static override properties = {
    entity: { reflect: true },
    store: { attribute: false },
    locale: {},
    dateField: { attribute: 'date-field' },
    doneField: { attribute: 'done-field' },
    doneDateField: { attribute: 'done-date-field' },
    hideDone: { type: Boolean, attribute: 'hide-done' },
    today: {},
    view: { reflect: true },
    month: {},
    selector: { attribute: false },
    pageSize: { type: Number, attribute: 'page-size' },
    focusDay: { state: true },
    saveError: { state: true },
  };

  /** Name of the entity, e.g. `activity`. */
  entity?: string;
  /** The store; when unset, the nearest `<kehu-store-provider>`'s. */
  store?: Store;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** The date field records are due by; default: the entity's first date field. */
  dateField?: string;
  /** A boolean field meaning "done": shows a checkbox; done records are struck through (or hidden). */
  doneField?: string;
  /** A date field set to `today` when a record is marked done, and cleared when unmarked. */
  doneDateField?: string;
  /** Hide done records instead of striking them through. */
  hideDone: boolean;
  /** The day the agenda is relative to (`YYYY-MM-DD`); default: the real date in the user's time zone. */
  today?: string;
  /** `agenda` (grouped list) or `month` (calendar grid); the user switches it. Default `agenda`. */
  view: string;
  /** The month the calendar shows (`YYYY-MM`); default: the month of `today`. Navigation sets it. */
  month?: string;
  /** Conditions every record must meet, Mango-style over the entity's fields. */
  selector?: Selector;
  /** Records shown per agenda group at first and added by "show more". Default 50. */
  pageSize: number;

  private focusDay: string | undefined;
  private saveError: string;
  private entities = new EntityController(this);
  private queries = new DueQueries(this);
  /** Focus the grid's focused day after the next render (keyboard navigation re-renders cells). */
  private focusGrid = false;
  private warned = new Set<string>();

  constructor() {
    super();
    this.hideDone = false;
    this.view = 'agenda';
    this.pageSize = DEFAULT_PAGE_SIZE;
    this.saveError = '';
  }

  private field(entity: Entity, name: string | undefined, kind: string, key: string, locale: Locale) {
    const field = name ? entity.field(name) : undefined;
    if (field?.kind === kind && field.path.length <= 1) return field;
    if (name) this.warnOnce(`${key}:${name}`, dueText(locale, key, { field: name, entity: entity.name }));
    return undefined;
  }

  private dateFieldOf(entity: Entity, locale: Locale): FieldModel | undefined {
    if (!this.dateField) return entity.fields.find((f) => f.kind === 'date');
    return this.field(entity, this.dateField, 'date', 'badDateField', locale);
  }

  private effectiveToday(): string {
    if (isIsoDate(this.today)) return this.today;
    if (this.today) this.warnOnce(`today:${this.today}`, dueText('en', 'badToday', { value: this.today }));
    return localToday();
  }

  private effectiveView(): 'agenda' | 'month' {
    if (this.view === 'agenda' || this.view === 'month') return this.view;
    this.warnOnce(`view:${this.view}`, dueText('en', 'badView', { value: String(this.view) }));
    return 'agenda';
  }

  private shownMonth(today: string): string {
    if (isIsoMonth(this.month)) return this.month;
    if (this.month) this.warnOnce(`month:${this.month}`, dueText('en', 'badMonth', { value: this.month }));
    return today.slice(0, 7);
  }

  /** The focused day: kept while it is in the shown month, else today (in it) or the 1st. */
  private focusedDay(month: string, today: string): string {
    if (this.focusDay?.startsWith(month)) return this.focusDay;
    return today.startsWith(month) ? today : `${month}-01`;
  }

  private validPageSize(): number {
    if (Number.isInteger(this.pageSize) && this.pageSize > 0) return this.pageSize;
    this.warnOnce(
      `page:${this.pageSize}`,
      `<kehu-due-list> page-size "${this.pageSize}" is not a positive integer; using 50.`,
    );
    return DEFAULT_PAGE_SIZE;
  }

  protected override willUpdate(): void {
    const locale = uiLocale(this, this.locale);
    const store = this.entities.store;
    const entity = this.entities.entity;
    const dateField = entity && this.dateFieldOf(entity, locale);
    if (!store || !entity || !dateField) return this.queries.update(undefined);
    const today = this.effectiveToday();
    this.queries.update({
      store,
      entity,
      view: this.effectiveView(),
      dateField: dateField.key,
      doneField: this.field(entity, this.doneField, 'boolean', 'badDoneField', locale)?.key,
      hideDone: this.hideDone,
      today,
      month: this.shownMonth(today),
      selector: this.selector,
      pageSize: this.validPageSize(),
    });
  }

  protected override updated(): void {
    if (!this.focusGrid) return;
    this.focusGrid = false;
    this.renderRoot.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')?.focus();
  }

  override render(): TemplateResult {
    const locale = uiLocale(this, this.locale);
    const entity = this.entities.entity;
    const problem = this.entities.problem(locale);
    const dateField = entity && this.dateFieldOf(entity, locale);
    if (problem || !entity || !dateField) {
      const text = problem ?? (this.dateField ? '' : dueText(locale, 'noDateField', { entity: entity?.name ?? '' }));
      return html`<div part="base" class="base">
        ${text ? html`<p part="message" class="message" role="alert">${text}</p>` : nothing}
      </div>`;
    }
    const today = this.effectiveToday();
    const view: DueView = {
      entity,
      locale,
      dateField,
      doneField: this.field(entity, this.doneField, 'boolean', 'badDoneField', locale),
      today,
      referenceTitle: this.queries.titles?.title.bind(this.queries.titles),
    };
    const mode = this.effectiveView();
    const month = this.shownMonth(today);
    const error = this.queries.error;
    return html`<div part="base" class="base" @click=${this.onClick} @change=${this.onChange}>
      <div part="toolbar" class="toolbar">
        <div class="views" role="group" aria-label=${dueText(locale, 'views')}>
          ${(['agenda', 'month'] as const).map(
            (name) =>
              html`<button
                part="view-button"
                type="button"
                class="view-button"
                aria-pressed=${mode === name ? 'true' : 'false'}
                @click=${() => (this.view = name)}
              >
                ${dueText(locale, name)}
              </button>`,
          )}
        </div>
        ${mode === 'month' ? this.monthNavigation(locale, month, today) : nothing}
      </div>
      ${error ? this.message(dueText(locale, 'loadFailed', { reason: reasonOf(error, locale) })) : nothing}
      ${this.saveError ? this.message(this.saveError) : nothing}
      ${
        mode === 'month'
          ? html`<div class="month" @keydown=${this.onGridKeydown}>
              ${monthView(view, month, this.focusedDay(month, today), this.queries.days)}
            </div>`
          : html`<div class="agenda">${this.queries.groups.map((group) => this.agendaGroup(view, group))}</div>`
      }
    </div>`;
  }

  private message(text: string): TemplateResult {
    return html`<p part="message" class="message" role="alert">${text}</p>`;
  }

  private monthNavigation(locale: Locale, month: string, today: string): TemplateResult {
    return html`<div class="month-nav">
      <button
        part="nav-button"
        type="button"
        aria-label=${dueText(locale, 'previousMonth')}
        @click=${() => this.goMonth(-1)}
      >
        ‹
      </button>
      <h3 part="month-title" id="month-title" class="month-title" aria-live="polite">${monthTitle(locale, month)}</h3>
      <button
        part="nav-button"
        type="button"
        aria-label=${dueText(locale, 'nextMonth')}
        @click=${() => this.goMonth(1)}
      >
        ›
      </button>
      <button
        part="nav-button"
        type="button"
        @click=${() => {
          this.month = today.slice(0, 7);
          this.focusDay = today;
        }}
      >
        ${dueText(locale, 'goToday')}
      </button>
    </div>`;
  }

  private agendaGroup(view: DueView, result: GroupResult): TemplateResult {
    const { locale } = view;
    const number = (n: number) => new Intl.NumberFormat(locale).format(n);
    const shown = result.records?.length ?? 0;
    const count = result.count;
    const id = `group-${result.group}`;
    return html`<section part="group" class="group ${result.group}" aria-labelledby=${id}>
      <h3 part="group-heading" class="group-heading" id=${id}>
        ${dueText(locale, `group.${result.group}`)}
        <span class="group-count"
          >${count === undefined ? '…' : dueText(locale, 'count', { count: number(count) })}</span
        >
      </h3>
      ${
        shown
          ? html`<ul class="items" role="list">
              ${result.records!.map((record) => dueItem(view, record))}
            </ul>`
          : count === 0
            ? html`<p part="empty" class="empty">${dueText(locale, 'none')}</p>`
            : nothing
      }
      ${
        count !== undefined && shown > 0 && count > shown
          ? html`<button
              part="show-more"
              type="button"
              class="show-more"
              @click=${() => this.queries.showMore(result.group)}
            >
              ${dueText(locale, 'showMore', { shown: number(shown), count: number(count) })}
            </button>`
          : nothing
      }
    </section>`;
  }

  private goMonth(step: number): void {
    const today = this.effectiveToday();
    const month = this.shownMonth(today);
    this.focusDay = addMonthsToDate(this.focusedDay(month, today), step);
    this.month = addMonths(month, step);
  }

  private onGridKeydown = (event: KeyboardEvent): void => {
    const cell = (event.target as Element).closest<HTMLElement>('[role="gridcell"]');
    if (!cell) return;
    const next = dayAfterKey(event.key, cell.dataset.day!);
    if (next) {
      event.preventDefault();
      this.focusDay = next;
      this.month = next.slice(0, 7);
      this.focusGrid = true;
    } else if (event.key === 'Enter' || event.key === ' ') {
      // Into the day's records, which the panel below lists in full.
      event.preventDefault();
      this.renderRoot.querySelector<HTMLElement>('.day-panel .open')?.focus();
    }
  };

  private onClick = (event: MouseEvent): void => {
    const target = event.target as Element;
    const open = target.closest<HTMLElement>('[data-open]');
    if (open) return this.activate(open.dataset.open!);
    const cell = target.closest<HTMLElement>('[role="gridcell"]');
    if (cell) {
      this.focusDay = cell.dataset.day;
      this.month = cell.dataset.day!.slice(0, 7);
      this.focusGrid = true;
    }
  };

  private onChange = (event: Event): void => {
    const box = event.target as HTMLInputElement;
    if (box.dataset.done) void this.markDone(box.dataset.done, box.checked, box);
  };

  private recordOf(id: string): KehuRecord | undefined {
    for (const group of this.queries.groups) {
      const record = group.records?.find((r) => r.id === id);
      if (record) return record;
    }
    for (const records of this.queries.days?.values() ?? []) {
      const record = records.find((r) => r.id === id);
      if (record) return record;
    }
    return undefined;
  }

  private activate(id: string): void {
    const record = this.recordOf(id);
    const entity = this.entities.entity;
    if (record && entity) this.dispatchEvent(recordActivateEvent({ id, record, entity: entity.name }));
  }

  private async markDone(id: string, done: boolean, box: HTMLInputElement): Promise<void> {
    const entity = this.entities.entity;
    const repository = this.entities.repository;
    const locale = uiLocale(this, this.locale);
    const doneField = entity && this.field(entity, this.doneField, 'boolean', 'badDoneField', locale);
    if (!entity || !repository || !doneField) return;
    const doneDate = this.doneDateField && this.field(entity, this.doneDateField, 'date', 'badDateField', locale);
    const changes: Record<string, unknown> = { [doneField.key]: done };
    if (doneDate) changes[doneDate.key] = done ? this.effectiveToday() : undefined;
    try {
      await repository.patch(id, changes);
      this.saveError = '';
    } catch (error) {
      box.checked = !done;
      const record = this.recordOf(id);
      const title = record
        ? titleOf({ entity, locale, dateField: this.dateFieldOf(entity, locale)!, today: '' }, record)
        : id;
      this.saveError = dueText(locale, 'saveFailed', { title, reason: reasonOf(error, locale) });
    }
  }

  private warnOnce(key: string, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    console.warn(message);
  }
}

function reasonOf(error: unknown, locale: Locale): string {
  return error instanceof KehuError ? error.messageIn(locale) : error instanceof Error ? error.message : String(error);
}
