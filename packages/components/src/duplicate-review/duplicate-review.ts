import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import {
  localize,
  mergeRecords,
  undoMerge,
  type DuplicatePair,
  type KehuRecord,
  type Locale,
  type Store,
} from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { ReferenceTitles } from '../record-list/reference-titles.js';
import { mergeEvent } from './duplicate-merge-event.js';
import { reviewText } from './duplicate-review.strings.js';
import { duplicateReviewStyles } from './duplicate-review.styles.js';
import { DuplicateScan } from './duplicate-scan.js';
import { scanCancelled, scanProgress } from './scan-progress.js';
import { defaultPicks, mergeChoices, pairComparison } from './pair-comparison.js';

const DEFAULT_THRESHOLD = 0.8;

/**
 * @summary Reviews an entity's likely duplicates (by its `x-kehu.match` rules): candidate pairs
 * with scores, a side-by-side comparison with the surviving value picked per field, merge (every
 * reference re-pointed, recorded in the audit trail) and undo of the last merge; completeness of
 * the entity and of each record.
 *
 * @event kehu-merge - A merge was saved. `detail: { entity, survivor, merged }`.
 * @event kehu-merge-undo - The last merge was undone. `detail: { entity, survivor, merged }`.
 *
 * @csspart base - The element's frame.
 * @csspart header - Heading, summary and completeness.
 * @csspart progress - While scanning: records scanned of how many, and a Cancel button.
 * @csspart pairs - The list of candidate pairs.
 * @csspart pair - One pair's button.
 * @csspart table - The comparison table.
 * @csspart record-heading - A record's column heading (title, completeness, "keep").
 * @csspart row - One field's row.
 * @csspart actions - Merge, "not duplicates" and undo.
 * @csspart status - What the last action did (announced).
 * @csspart message - Why nothing can be shown (no store, unknown entity, no rules, error).
 *
 * @cssproperty --kehu-duplicate-review-background - Background. Default: the theme surface.
 * @cssproperty --kehu-duplicate-review-color - Text colour. Default: the theme text.
 * @cssproperty --kehu-duplicate-review-muted-color - Scores and hints. Default: the theme muted.
 * @cssproperty --kehu-duplicate-review-accent-color - Selected pair, focus ring, merge button. Default: the theme accent.
 * @cssproperty --kehu-duplicate-review-differ-background - Rows whose values differ. Default: the theme alternate surface.
 */
export class KehuDuplicateReview extends LitElement {
  static override styles = duplicateReviewStyles;
  static override properties = {
    entity: { reflect: true },
    store: { attribute: false },
    locale: {},
    threshold: { type: Number },
    noWorker: { attribute: 'no-worker', type: Boolean },
    selected: { state: true },
    keep: { state: true },
    picks: { state: true },
    busy: { state: true },
    status: { state: true },
  };

  /** Entity name, e.g. `customer`. */
  entity?: string;
  /** The store; when unset, the nearest `<kehu-store-provider>`'s. */
  store?: Store;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** Lowest score (0–1) of a pair shown. Default 0.8. */
  threshold: number;
  /** Compare records on the main thread (in slices) instead of a Web Worker. */
  noWorker: boolean;
  private selected: string;
  private keep: string;
  private picks: Map<string, string>;
  private busy: boolean;
  private status: string;
  private dismissed = new Set<string>();
  private lastMerge?: { survivor: string; merged: string[] };
  private entities = new EntityController(this);
  private scan = new DuplicateScan(this);
  private titles?: ReferenceTitles;
  private titlesStore?: Store;
  private warnedThreshold?: unknown;

  constructor() {
    super();
    this.threshold = DEFAULT_THRESHOLD;
    this.noWorker = false;
    this.selected = '';
    this.keep = '';
    this.picks = new Map();
    this.busy = false;
    this.status = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.titles?.dispose();
    this.titles = this.titlesStore = undefined;
  }

  private validThreshold(): number {
    const value = this.threshold;
    if (typeof value === 'number' && value > 0 && value <= 1) return value;
    if (this.warnedThreshold !== value) {
      this.warnedThreshold = value;
      console.warn(
        `<kehu-duplicate-review> threshold "${String(value)}" is not a number above 0 and at most 1; using ${DEFAULT_THRESHOLD}.`,
      );
    }
    return DEFAULT_THRESHOLD;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const store = this.entities.store;
    this.scan.useWorker = !this.noWorker;
    this.scan.update(store, this.entities.entity, this.validThreshold());
    if (store !== this.titlesStore) {
      this.titles?.dispose();
      this.titlesStore = store;
      this.titles = store && new ReferenceTitles(store, () => this.requestUpdate());
    }
    if (changed.has('entity') || changed.has('store')) this.lastMerge = undefined;
    this.ensureSelection();
  }

  /** Visible pairs: found, not dismissed, both records still there. */
  private pairs(): DuplicatePair[] {
    return this.scan.pairs.filter(
      (p) => !this.dismissed.has(`${p.a}|${p.b}`) && this.scan.records.has(p.a) && this.scan.records.has(p.b),
    );
  }

  /** Keeps a pair selected, with the more complete record kept and default picks. */
  private ensureSelection(): void {
    const entity = this.entities.entity;
    const pairs = this.pairs();
    if (!entity || !pairs.length) {
      this.selected = '';
      return;
    }
    if (pairs.some((p) => `${p.a}|${p.b}` === this.selected)) return;
    this.select(pairs[0]);
  }

  private select(pair: DuplicatePair): void {
    const entity = this.entities.entity!;
    this.selected = `${pair.a}|${pair.b}`;
    const [a, b] = this.pairRecords(pair);
    this.keep = this.scan.score(b.id, entity) > this.scan.score(a.id, entity) ? b.id : a.id;
    this.picks = defaultPicks(entity, [a, b], this.keep);
  }

  private pairRecords(pair: DuplicatePair): [KehuRecord, KehuRecord] {
    return [this.scan.records.get(pair.a)!, this.scan.records.get(pair.b)!];
  }

  private recordTitle(record: KehuRecord): string {
    const entity = this.entities.entity!;
    return String((record as Record<string, unknown>)[entity.titleField] ?? record.id);
  }

  override render(): TemplateResult {
    const locale = uiLocale(this, this.locale);
    const problem = this.entities.problem(locale);
    const entity = this.entities.entity;
    if (problem || !entity) return this.message(problem ?? '');
    if (this.scan.error)
      return this.message(
        reviewText(locale, 'failed', { reason: String((this.scan.error as Error).message ?? this.scan.error) }),
      );
    if (!this.scan.hasRules)
      return this.message(reviewText(locale, 'noRules', { entity: localize(entity.label, locale) }));
    const pairs = this.pairs();
    const current = pairs.find((p) => `${p.a}|${p.b}` === this.selected);
    const percent = (v: number) =>
      new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(v);
    const completeness = this.scan.completeness;
    return html`<section
      part="base"
      class="base"
      aria-labelledby="heading"
      aria-busy=${this.scan.loaded ? 'false' : 'true'}
    >
      <header part="header" class="header">
        <h2 id="heading">${reviewText(locale, 'heading', { entity: localize(entity.pluralLabel, locale) })}</h2>
        ${
          this.scan.loaded
            ? html`<p class="muted">
                ${reviewText(locale, 'summary', { pairs: pairs.length, records: this.scan.records.size })}
                ${completeness ? html` · ${reviewText(locale, 'completeness', { value: percent(completeness.average) })}` : ''}
              </p>`
            : scanProgress(locale, this.scan.progress, () => this.scan.cancel())
        }
        ${this.scan.cancelled ? scanCancelled(locale, () => void this.scan.rescan()) : ''}
      </header>
      ${this.scan.loaded && !this.scan.cancelled && !pairs.length ? html`<p class="empty">${reviewText(locale, 'none')}</p>` : ''}
      ${
        pairs.length
          ? html`<div class="layout">
              <ul part="pairs" class="pairs" aria-label=${reviewText(locale, 'pairs')}>
                ${pairs.map((pair) => this.pairButton(pair, pair === current, locale, percent))}
              </ul>
              ${current ? this.comparison(current, locale) : ''}
            </div>`
          : ''
      }
      ${this.actions(locale, !!current)}
      <p part="status" class="status" role="status">${this.status}</p>
    </section>`;
  }

  private pairButton(pair: DuplicatePair, selected: boolean, locale: Locale, percent: (v: number) => string) {
    const [a, b] = this.pairRecords(pair);
    return html`<li>
      <button
        part="pair"
        class="pair"
        type="button"
        aria-pressed=${selected ? 'true' : 'false'}
        @click=${() => this.select(pair)}
      >
        <span class="names"
          >${this.recordTitle(a)}<span aria-hidden="true"> ⇄ </span
          ><span class="visually-hidden"> ${reviewText(locale, 'and')} </span>${this.recordTitle(b)}</span
        >
        <span class="score"
          ><span class="visually-hidden">${reviewText(locale, 'score')} </span>${percent(pair.score)}</span
        >
      </button>
    </li>`;
  }

  private comparison(pair: DuplicatePair, locale: Locale): TemplateResult {
    const entity = this.entities.entity!;
    const records = this.pairRecords(pair);
    return html`<div class="comparison">
      ${pairComparison({
        entity,
        locale,
        records,
        scores: [this.scan.score(records[0].id, entity), this.scan.score(records[1].id, entity)],
        keep: this.keep,
        picks: this.picks,
        referenceTitle: (e, id) => this.titles?.title(e, id),
        onKeep: (id) => {
          this.keep = id;
          this.picks = defaultPicks(entity, records, id);
        },
        onPick: (field, id) => {
          this.picks = new Map(this.picks).set(field, id);
        },
      })}
    </div>`;
  }

  private actions(locale: Locale, hasPair: boolean): TemplateResult {
    return html`<div part="actions" class="actions">
      ${
        hasPair
          ? html`<button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.merge(locale)}>
                ${reviewText(locale, 'merge')}
              </button>
              <button type="button" ?disabled=${this.busy} @click=${() => this.dismiss()}>
                ${reviewText(locale, 'dismiss')}
              </button>`
          : ''
      }
      ${
        this.lastMerge
          ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.undo(locale)}>
              ${reviewText(locale, 'undo')}
            </button>`
          : ''
      }
    </div>`;
  }

  private dismiss(): void {
    this.dismissed.add(this.selected);
    this.selected = '';
    this.requestUpdate();
  }

  private async merge(locale: Locale): Promise<void> {
    const entity = this.entities.entity;
    const store = this.entities.store;
    const pair = this.pairs().find((p) => `${p.a}|${p.b}` === this.selected);
    if (!entity || !store || !pair) return;
    const records = this.pairRecords(pair);
    const other = records.find((r) => r.id !== this.keep)!;
    this.busy = true;
    this.status = reviewText(locale, 'merging');
    try {
      const result = await mergeRecords(
        store,
        entity.name,
        this.keep,
        [other.id],
        mergeChoices(entity, records, this.picks),
      );
      this.lastMerge = { survivor: this.keep, merged: [other.id] };
      this.status = reviewText(locale, 'merged', {
        merged: this.recordTitle(other),
        survivor: this.recordTitle(result.survivor),
        references: result.references.length,
      });
      this.dispatchEvent(mergeEvent('kehu-merge', { entity: entity.name, ...this.lastMerge }));
      await this.scan.rescan();
    } catch (error) {
      this.status = reviewText(locale, 'mergeFailed', { reason: String((error as Error).message ?? error) });
    } finally {
      this.busy = false;
    }
  }

  private async undo(locale: Locale): Promise<void> {
    const entity = this.entities.entity;
    const store = this.entities.store;
    const last = this.lastMerge;
    if (!entity || !store || !last) return;
    this.busy = true;
    try {
      await undoMerge(store, entity.name, last.survivor);
      this.lastMerge = undefined;
      await this.scan.rescan();
      const titles = last.merged.map((id) => {
        const record = this.scan.records.get(id);
        return record ? this.recordTitle(record) : id;
      });
      this.status = reviewText(locale, 'undone', { merged: titles.join(locale === 'zh-CN' ? '、' : ', ') });
      this.dispatchEvent(mergeEvent('kehu-merge-undo', { entity: entity.name, ...last }));
    } catch (error) {
      this.status = reviewText(locale, 'mergeFailed', { reason: String((error as Error).message ?? error) });
    } finally {
      this.busy = false;
    }
  }

  private message(text: string): TemplateResult {
    return html`<div part="base message" class="base message" role="status">${text}</div>`;
  }
}
