import { LitElement, html, nothing, type TemplateResult } from 'lit';
import {
  KehuError,
  type Entity,
  type FieldModel,
  type KehuRecord,
  type Locale,
  type Selector,
  type SortSpec,
  type Store,
} from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { sortConverter } from '../record-list/list-columns.js';
import { recordActivateEvent } from '../record-list/record-activate-event.js';
import { CardDrag } from './card-drag.js';
import { cardTitle, columnLabel, kanbanColumn, type BoardView } from './kanban-column.js';
import { KanbanColumns } from './kanban-columns.js';
import { kanbanText } from './record-kanban.strings.js';
import { recordKanbanStyles } from './record-kanban.styles.js';
import { recordMoveEvent } from './record-move-event.js';

const DEFAULT_PAGE_SIZE = 50;

/** A card picked up with the keyboard: where it came from and the column it would drop into. */
interface KeyboardMove {
  id: string;
  title: string;
  from: number;
  to: number;
}

/**
 * @summary Records of an entity as cards in columns, one per value of an enum field (a sales
 * pipeline by stage, documents by status); cards move between columns by dragging or keyboard.
 *
 * @event kehu-record-activate - A card was clicked or Enter was pressed on it. `detail: { id, record, entity }`.
 * @event kehu-record-move - A card's move was stored. `detail: { id, entity, field, from, to }`.
 *
 * @csspart base - The element's frame.
 * @csspart board - The row of columns; scrolls sideways.
 * @csspart column - One column; `column over` while a card is dragged over it.
 * @csspart column-header - A column's label, count and sum.
 * @csspart column-label - The localised enum label.
 * @csspart column-count - The live number of records in the column.
 * @csspart column-sum - The live sum of `sum-field` in the column.
 * @csspart cards - The list of cards of a column.
 * @csspart card - One card; `card dragging` while dragged, `card picked` while moved by keyboard.
 * @csspart card-title - The card's title.
 * @csspart card-subtitle - The card's subtitle fields.
 * @csspart show-more - The "show more" button of a long column.
 * @csspart empty - "No records" in an empty column.
 * @csspart message - Why nothing can be shown, or why a move failed; `role="alert"`.
 *
 * @cssproperty --kehu-record-kanban-height - Height of the board; columns scroll inside it. Default 32rem.
 * @cssproperty --kehu-record-kanban-column-width - Width of a column. Default 16rem.
 * @cssproperty --kehu-record-kanban-background - Board background. Default: theme surface-alt.
 * @cssproperty --kehu-record-kanban-column-background - Column background. Default: theme surface-alt.
 * @cssproperty --kehu-record-kanban-card-background - Card background. Default: theme surface.
 * @cssproperty --kehu-record-kanban-color - Text colour. Default: theme text.
 * @cssproperty --kehu-record-kanban-muted-color - Counts, sums, subtitles. Default: theme muted.
 * @cssproperty --kehu-record-kanban-border-color - Column and card borders. Default: theme border.
 * @cssproperty --kehu-record-kanban-accent-color - Focus ring, target column. Default: theme accent.
 * @cssproperty --kehu-record-kanban-error-color - Messages. Default: theme danger.
 * @cssproperty --kehu-record-kanban-border-radius - Corners. Default: theme radius.
 */
export class KehuRecordKanban extends LitElement {
  static override styles = recordKanbanStyles;
  static override properties = {
    entity: { reflect: true },
    store: { attribute: false },
    locale: {},
    groupBy: { attribute: 'group-by' },
    sumField: { attribute: 'sum-field' },
    sort: { converter: sortConverter },
    selector: { attribute: false },
    pageSize: { type: Number, attribute: 'page-size' },
    announcement: { state: true },
    moveError: { state: true },
  };

  /** Name of the entity, e.g. `opportunity`. */
  entity?: string;
  /** The store; when unset, the nearest `<kehu-store-provider>`'s. */
  store?: Store;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** Enum field whose values are the columns; default: the entity's first enum field. */
  groupBy?: string;
  /** Number (usually money) field summed per column, e.g. `amount`. */
  sumField?: string;
  /** Order of the cards in a column; default: the entity's default sort. */
  sort?: SortSpec;
  /** Conditions every card must meet, Mango-style over the entity's fields, e.g. `{ owner: '张伟' }`. */
  selector?: Selector;
  /** Cards shown per column at first and added by "show more". Default 50. */
  pageSize: number;

  private announcement: string;
  private moveError: string;
  private entities = new EntityController(this);
  private board = new KanbanColumns(this);
  private drag = new CardDrag(
    () => [...this.renderRoot.querySelectorAll<HTMLElement>('.column')],
    () => this.requestUpdate(),
    (id, from, to) => void this.move(id, from, to),
  );
  private keyboardMove: KeyboardMove | undefined;
  /** What the last render showed with, for titles and labels in announcements. */
  private view: BoardView | undefined;
  /** The card the user last focused or opened, if any. */
  private activeId: string | undefined;
  /** The card with `tabindex="0"`: the active one, else the first. */
  private tabStop: string | undefined;
  /** A card to focus once it renders (after a keyboard move it is re-rendered in its new column). */
  private focusId: string | undefined;
  private warned = new Set<string>();

  constructor() {
    super();
    this.pageSize = DEFAULT_PAGE_SIZE;
    this.announcement = '';
    this.moveError = '';
  }

  /** The group field in use, or undefined (with a warning) when `group-by` names no enum field. */
  private groupField(entity: Entity, locale: Locale): FieldModel | undefined {
    if (!this.groupBy) return entity.fields.find((f) => f.kind === 'enum' && f.options?.length);
    const field = entity.field(this.groupBy);
    if (field?.kind === 'enum' && field.options?.length && field.path.length <= 1) return field;
    this.warnOnce(
      `group:${this.groupBy}`,
      kanbanText(locale, 'badGroupBy', { field: this.groupBy, entity: entity.name }),
    );
    return undefined;
  }

  private sumFieldModel(entity: Entity, locale: Locale): FieldModel | undefined {
    if (!this.sumField) return undefined;
    const field = entity.field(this.sumField);
    if (field && ['money', 'number', 'integer'].includes(field.kind)) return field;
    this.warnOnce(
      `sum:${this.sumField}`,
      kanbanText(locale, 'badSumField', { field: this.sumField, entity: entity.name }),
    );
    return undefined;
  }

  private effectiveSort(entity: Entity, locale: Locale): SortSpec {
    if (!this.sort) return entity.defaultSort;
    if (this.sort.field === 'updatedAt' || this.sort.field === 'createdAt' || entity.field(this.sort.field))
      return this.sort;
    this.warnOnce(
      `sort:${this.sort.field}`,
      kanbanText(locale, 'badSort', { field: this.sort.field, entity: entity.name }),
    );
    return entity.defaultSort;
  }

  private validPageSize(): number {
    if (Number.isInteger(this.pageSize) && this.pageSize > 0) return this.pageSize;
    this.warnOnce(`page:${this.pageSize}`, kanbanText('en', 'badPageSize', { value: String(this.pageSize) }));
    return DEFAULT_PAGE_SIZE;
  }

  protected override willUpdate(): void {
    const locale = uiLocale(this, this.locale);
    const entity = this.entities.entity;
    const store = this.entities.store;
    const group = entity && this.groupField(entity, locale);
    if (!store || !entity || !group) return this.board.update(undefined);
    this.board.update({
      store,
      entity,
      groupBy: group.key,
      values: group.options!.map((o) => o.value),
      sort: this.effectiveSort(entity, locale),
      selector: this.selector,
      sumField: this.sumFieldModel(entity, locale)?.key,
      pageSize: this.validPageSize(),
    });
  }

  protected override updated(): void {
    if (!this.focusId) return;
    const card = this.cardElement(this.focusId);
    if (card) {
      this.focusId = undefined;
      card.focus();
    }
  }

  override render(): TemplateResult {
    const locale = uiLocale(this, this.locale);
    const entity = this.entities.entity;
    const problem = this.entities.problem(locale);
    const group = entity && this.groupField(entity, locale);
    if (problem || !entity || !group) {
      const text = problem ?? (this.groupBy ? '' : kanbanText(locale, 'noGroupField', { entity: entity?.name ?? '' }));
      return html`<div part="base" class="base">
        ${text ? html`<p part="message" class="message" role="alert">${text}</p>` : nothing}
      </div>`;
    }
    const columns = this.board.columns;
    // Until the user picks a card (or when it leaves the board), Tab lands on the first card.
    if (!this.activeId || !columns.some((c) => c.records?.some((r) => r.id === this.activeId))) {
      this.activeId = undefined;
    }
    this.tabStop = this.activeId ?? columns.find((c) => c.records?.length)?.records?.[0].id;
    const error = this.board.error;
    const view: BoardView = {
      entity,
      group,
      locale,
      sumField: this.sumFieldModel(entity, locale),
      referenceTitle: this.board.titles?.title.bind(this.board.titles),
      over: this.drag.over ?? this.keyboardMove?.to,
      dragging: this.drag.dragging,
      picked: this.keyboardMove?.id,
      tabStop: this.tabStop,
      showMore: (value) => this.board.showMore(value),
    };
    this.view = view;
    return html`<div part="base" class="base">
      ${
        error
          ? html`<p part="message" class="message" role="alert">
              ${kanbanText(locale, 'loadFailed', { reason: reasonOf(error, locale) })}
            </p>`
          : nothing
      }
      ${
        this.moveError
          ? html`<p part="message" class="message" role="alert">
              <span>${this.moveError}</span>
              <button type="button" class="dismiss" @click=${() => (this.moveError = '')}>
                ${kanbanText(locale, 'dismiss')}
              </button>
            </p>`
          : nothing
      }
      <div
        part="board"
        class="board"
        @pointerdown=${this.onPointerDown}
        @pointermove=${(e: PointerEvent) => this.drag.move(e)}
        @pointerup=${(e: PointerEvent) => this.drag.up(e)}
        @pointercancel=${() => this.drag.cancel()}
        @click=${this.onClick}
        @keydown=${this.onKeydown}
        @focusout=${this.onFocusOut}
      >
        ${columns.map((column, index) => kanbanColumn(view, column, index))}
      </div>
      <p id="instructions" class="visually-hidden">${kanbanText(locale, 'instructions')}</p>
      <div class="visually-hidden" role="status" aria-live="assertive">${this.announcement}</div>
    </div>`;
  }

  private cardElement(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.card[data-id="${CSS.escape(id)}"]`);
  }

  private recordOf(id: string): KehuRecord | undefined {
    for (const column of this.board.columns) {
      const record = column.records?.find((r) => r.id === id);
      if (record) return record;
    }
    return undefined;
  }

  private onPointerDown = (event: PointerEvent): void => {
    const card = (event.target as Element).closest<HTMLElement>('.card');
    if (!card || this.keyboardMove) return;
    this.drag.down(event, card, card.dataset.id!, Number(card.dataset.column));
  };

  private onClick = (event: MouseEvent): void => {
    const card = (event.target as Element).closest<HTMLElement>('.card');
    if (!card || this.drag.consumeClick()) return;
    this.activate(card.dataset.id!);
  };

  private onFocusOut = (event: FocusEvent): void => {
    // Tabbing away from a picked-up card puts it back, as Escape does.
    if (this.keyboardMove && !(event.relatedTarget as Element | null)?.closest?.('.card')) this.cancelKeyboardMove();
  };

  private onKeydown = (event: KeyboardEvent): void => {
    const card = (event.target as Element).closest<HTMLElement>('.card');
    if (!card) return;
    const id = card.dataset.id!;
    const column = Number(card.dataset.column);
    if (this.keyboardMove) return this.keyDuringMove(event);
    const step = { ArrowUp: -1, ArrowDown: 1, Home: -Infinity, End: Infinity }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      const records = this.board.columns[column].records ?? [];
      const at = records.findIndex((r) => r.id === id);
      const next = records[Math.max(0, Math.min(records.length - 1, at + step))];
      if (next) this.focusCard(next.id);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      const at = (this.board.columns[column].records ?? []).findIndex((r) => r.id === id);
      const direction = event.key === 'ArrowRight' ? 1 : -1;
      for (let c = column + direction; c >= 0 && c < this.board.columns.length; c += direction) {
        const records = this.board.columns[c].records ?? [];
        if (records.length) return this.focusCard(records[Math.min(at, records.length - 1)].id);
      }
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.activate(id);
    } else if (event.key === ' ') {
      event.preventDefault();
      const title = this.titleOf(id);
      this.keyboardMove = { id, title, from: column, to: column };
      this.announce('pickedUp', { title, column: this.labelAt(column) });
    }
  };

  private keyDuringMove(event: KeyboardEvent): void {
    const move = this.keyboardMove!;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      const to = move.to + (event.key === 'ArrowRight' ? 1 : -1);
      if (to < 0 || to >= this.board.columns.length) return;
      move.to = to;
      this.announce('over', { column: this.labelAt(to) });
    } else if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      this.keyboardMove = undefined;
      if (move.to === move.from) return this.announce('cancelled', { title: move.title });
      this.focusId = move.id;
      void this.move(move.id, move.from, move.to);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.cancelKeyboardMove();
    } else if (event.key.startsWith('Arrow')) {
      event.preventDefault();
    }
  }

  private cancelKeyboardMove(): void {
    const move = this.keyboardMove;
    if (!move) return;
    this.keyboardMove = undefined;
    this.announce('cancelled', { title: move.title });
  }

  private focusCard(id: string): void {
    this.activeId = id;
    this.requestUpdate();
    this.cardElement(id)?.focus();
  }

  private labelAt(index: number): string {
    return this.view ? columnLabel(this.view.group, index, this.view.locale) : '';
  }

  private titleOf(id: string): string {
    const record = this.recordOf(id);
    return record && this.view ? cardTitle(this.view, record) : id;
  }

  private announce(key: string, values: Record<string, string>): void {
    this.announcement = kanbanText(uiLocale(this, this.locale), key, values);
    this.requestUpdate();
  }

  private activate(id: string): void {
    const record = this.recordOf(id);
    const entity = this.entities.entity;
    if (!record || !entity) return;
    this.activeId = id;
    this.requestUpdate();
    this.dispatchEvent(recordActivateEvent({ id, record, entity: entity.name }));
  }

  /** Stores the move; the live queries then show the card in its new column. */
  private async move(id: string, from: number, to: number): Promise<void> {
    const entity = this.entities.entity;
    const repository = this.entities.repository;
    const group = entity && this.groupField(entity, uiLocale(this, this.locale));
    if (!entity || !repository || !group) return;
    const fromValue = group.options![from].value;
    const toValue = group.options![to].value;
    const locale = uiLocale(this, this.locale);
    const title = this.titleOf(id);
    try {
      await repository.patch(id, { [group.key]: toValue });
    } catch (error) {
      this.focusId = undefined;
      this.moveError = kanbanText(locale, 'moveFailed', {
        title,
        column: this.labelAt(to),
        reason: reasonOf(error, locale),
      });
      this.cardElement(id)?.focus();
      return;
    }
    this.moveError = '';
    this.activeId = id;
    this.announce('moved', { title, column: this.labelAt(to) });
    this.dispatchEvent(recordMoveEvent({ id, entity: entity.name, field: group.key, from: fromValue, to: toValue }));
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
