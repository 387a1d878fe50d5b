import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { localize, type Entity, type Locale, type Store } from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { formatCell } from '../record-list/cell-format.js';
import { recordActivateEvent } from '../record-list/record-activate-event.js';
import { ReferenceTitles } from '../record-list/reference-titles.js';
import { changeSentences, type SentenceContext } from './change-sentence.js';
import { timelineText } from './record-timeline.strings.js';
import { recordTimelineStyles } from './record-timeline.styles.js';
import { timelineDays, type TimelineItem } from './timeline-items.js';
import { TimelineSources } from './timeline-sources.js';

const DEFAULT_LIMIT = 20;

/**
 * @summary The history of one record, newest first and grouped by day: its change entries ("张三 将客户级别
 * 从「普通」改为「贵宾」") merged with the dated records that point at it (activities, documents), live.
 *
 * @event kehu-record-activate - A related record on the timeline was activated (click, Enter or Space).
 * `detail: { id, record, entity }`.
 *
 * @csspart base - The element's frame.
 * @csspart day - One day's group.
 * @csspart day-heading - A day's date.
 * @csspart item - One event.
 * @csspart time - An event's time.
 * @csspart related - The button of a related record.
 * @csspart more - The "show more" button.
 * @csspart empty - "Nothing has happened yet".
 * @csspart message - Why nothing can be shown (no store, unknown entity, no record id, store error).
 *
 * @cssproperty --kehu-record-timeline-background - Background. Default: the theme surface.
 * @cssproperty --kehu-record-timeline-color - Text colour. Default: the theme text.
 * @cssproperty --kehu-record-timeline-muted-color - Times, day headings, empty state. Default: the theme muted.
 * @cssproperty --kehu-record-timeline-line-color - The line joining events. Default: the theme border.
 * @cssproperty --kehu-record-timeline-accent-color - Event dots, focus ring. Default: the theme accent.
 */
export class KehuRecordTimeline extends LitElement {
  static override styles = recordTimelineStyles;
  static override properties = {
    entity: { reflect: true },
    recordId: { attribute: 'record-id', reflect: true },
    store: { attribute: false },
    locale: {},
    limit: { type: Number },
    shown: { state: true },
  };

  /** Entity name, e.g. `customer`. */
  entity?: string;
  /** Id of the record whose history to show. */
  recordId?: string;
  /** The store; when unset, the nearest `<kehu-store-provider>`'s. */
  store?: Store;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** Events shown at first, and added by each "show more". Default 20. */
  limit: number;
  private shown: number;

  private entities = new EntityController(this);
  private sources = new TimelineSources(this);
  private titles?: ReferenceTitles;
  private titlesStore?: Store;
  private warnedLimit?: unknown;

  constructor() {
    super();
    this.limit = DEFAULT_LIMIT;
    this.shown = DEFAULT_LIMIT;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.titles?.dispose();
    this.titles = this.titlesStore = undefined;
  }

  private validLimit(): number {
    if (Number.isInteger(this.limit) && this.limit > 0) return this.limit;
    if (this.warnedLimit !== this.limit) {
      this.warnedLimit = this.limit;
      console.warn(`<kehu-record-timeline> limit "${this.limit}" is not a positive integer; using ${DEFAULT_LIMIT}.`);
    }
    return DEFAULT_LIMIT;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('limit') || changed.has('recordId') || changed.has('entity')) this.shown = this.validLimit();
    const store = this.entities.store;
    const id = typeof this.recordId === 'string' && this.recordId.trim() ? this.recordId : undefined;
    this.sources.update(store, this.entities.entity, id, this.shown);
    if (store !== this.titlesStore) {
      this.titles?.dispose();
      this.titlesStore = store;
      this.titles = store && new ReferenceTitles(store, () => this.requestUpdate());
    }
  }

  override render(): TemplateResult {
    const locale = uiLocale(this, this.locale);
    const problem = this.entities.problem(locale);
    const entity = this.entities.entity;
    if (problem || !entity) return this.message(problem ?? '');
    if (!this.recordId?.trim()) return this.message(timelineText(locale, 'noRecord'));
    const error = this.sources.error;
    if (error)
      return this.message(timelineText(locale, 'loadFailed', { reason: String((error as Error).message ?? error) }));
    if (!this.sources.loaded) return html`<div part="base" class="base" aria-busy="true"></div>`;
    const { days, more } = timelineDays(this.sources.items(), this.shown);
    const context: SentenceContext = { entity, locale, referenceTitle: (e, id) => this.titles?.title(e, id) };
    return html`<section part="base" class="base" aria-label=${timelineText(locale, 'labelPlain')}>
      ${
        days.length
          ? html`<ol class="days" role="list">
              ${repeat(
                days,
                (d) => d.day,
                (d) =>
                  html`<li part="day" class="day">
                    <h3 part="day-heading" class="day-heading" id="day-${d.day}">
                      ${dayFormat(locale).format(new Date(`${d.day}T00:00:00Z`))}
                    </h3>
                    <ol class="items" role="list" aria-labelledby="day-${d.day}">
                      ${repeat(
                        d.items,
                        (item) => item.key,
                        (item) => this.item(item, context),
                      )}
                    </ol>
                  </li>`,
              )}
            </ol>`
          : html`<p part="empty" class="empty">${timelineText(locale, 'empty')}</p>`
      }
      ${
        more
          ? html`<button part="more" class="more" type="button" @click=${this.showMore}>
              ${timelineText(locale, 'more')}
            </button>`
          : nothing
      }
    </section>`;
  }

  private message(text: string): TemplateResult {
    return html`<div part="base" class="base"><p part="message" class="message" role="status">${text}</p></div>`;
  }

  private item(item: TimelineItem, context: SentenceContext): TemplateResult {
    const { locale } = context;
    const time = /^\d{4}-\d{2}-\d{2}$/.test(item.at)
      ? nothing
      : html`<time part="time" class="time" datetime=${item.at}>${timeFormat(locale).format(new Date(item.at))}</time>`;
    if (item.kind === 'change') {
      const sentences = changeSentences(item.entry, context);
      return html`<li part="item" class="item ${item.entry.action}">
        ${time}
        <div class="what">${sentences.map((s) => html`<p>${s}</p>`)}</div>
      </li>`;
    }
    return html`<li part="item" class="item related">
      ${time}
      <div class="what">
        <button part="related" class="related-button" type="button" @click=${() => this.activate(item)}>
          ${timelineText(locale, 'related', { entity: localize(item.entity.label, locale), title: titleOf(item.entity, item.record, locale) })}
        </button>
        <p class="detail">${this.relatedDetail(item, context)}</p>
      </div>
    </li>`;
  }

  /** The date that placed it, then the entity's subtitle fields (minus the reference back here). */
  private relatedDetail(item: Extract<TimelineItem, { kind: 'related' }>, context: SentenceContext): string {
    const { locale } = context;
    const date = formatCell(item.dateField, item.at, locale).text;
    const parts = [timelineText(locale, 'relatedDate', { field: localize(item.dateField.label, locale), date })];
    for (const key of item.entity.subtitleFields) {
      const field = item.entity.field(key);
      if (!field || field.hidden || field.key === item.dateField.key) continue;
      if (field.ref === context.entity.name || field.refs?.includes(context.entity.name)) continue;
      const text = formatCell(field, item.record[key], locale, context.referenceTitle).text;
      if (text) parts.push(text);
    }
    return parts.join(' · ');
  }

  private activate(item: Extract<TimelineItem, { kind: 'related' }>): void {
    this.dispatchEvent(
      recordActivateEvent({ id: item.record.id, record: structuredClone(item.record), entity: item.entity.name }),
    );
  }

  private showMore = (): void => {
    this.shown += this.validLimit();
  };
}

function titleOf(entity: Entity, record: Record<string, unknown>, locale: Locale): string {
  const value = record[entity.titleField];
  if (value === undefined || value === null || value === '') return record.id as string;
  const field = entity.field(entity.titleField);
  return field ? formatCell(field, value, locale).text : String(value);
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** The day heading: a calendar day, printed in UTC so no time zone moves it. */
function dayFormat(locale: Locale): Intl.DateTimeFormat {
  const key = `day|${locale}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }));
  return formats.get(key)!;
}
/** An event's time of day, in the user's time zone. */
function timeFormat(locale: Locale): Intl.DateTimeFormat {
  const key = `time|${locale}`;
  if (!formats.has(key)) formats.set(key, new Intl.DateTimeFormat(locale, { timeStyle: 'short' }));
  return formats.get(key)!;
}
