import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { localize, type Entity, type FieldModel, type KehuRecord, type Locale, type Store } from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { ReferenceTitles } from '../record-list/reference-titles.js';
import '../record-list/define.js';
import { fieldEntry, type ValueContext } from './detail-values.js';
import { detailText } from './record-detail.strings.js';
import { recordDetailStyles } from './record-detail.styles.js';
import { RecordWatch } from './record-watch.js';
import { RelatedCounts } from './related-counts.js';
import { relatedReferences, relatedSelector, type RelatedReference } from './related-references.js';

/**
 * @summary A read-only view of one record, laid out by its entity's form sections, with the records
 * of every entity that points at it (a customer's vehicles, documents, activities). Live. Fields and
 * related lists the user's role may not see are left out.
 *
 * @event kehu-record-activate - A related record's row was clicked or Enter was pressed on it (from the
 * inner `<kehu-record-list>`; bubbles and crosses shadow roots). `detail: { id, record, entity }`.
 *
 * @csspart base - The element's frame.
 * @csspart heading - The record's title.
 * @csspart section - One form section (and one related-records section).
 * @csspart section-heading - A section's title.
 * @csspart entry - One field: label and value.
 * @csspart label - A field's label.
 * @csspart value - A field's value.
 * @csspart related - The related-records area.
 * @csspart related-list - The compact list of one related entity.
 * @csspart count - The number of related records.
 * @csspart message - Why nothing can be shown (no store, unknown entity, not found, deleted).
 *
 * @cssproperty --kehu-record-detail-background - Background. Default: the theme surface.
 * @cssproperty --kehu-record-detail-color - Text colour. Default: the theme text.
 * @cssproperty --kehu-record-detail-muted-color - Labels, counts, empty values. Default: the theme muted.
 * @cssproperty --kehu-record-detail-border-color - Section rules. Default: the theme border.
 * @cssproperty --kehu-record-detail-label-width - Width of the label column. Default 9rem.
 * @cssproperty --kehu-record-detail-related-height - Height of each related list. Default 14rem.
 */
export class KehuRecordDetail extends LitElement {
  static override styles = recordDetailStyles;
  static override properties = {
    entity: { reflect: true },
    recordId: { attribute: 'record-id', reflect: true },
    store: { attribute: false },
    locale: {},
  };

  /** Entity name, e.g. `customer`. */
  entity?: string;
  /** Id of the record to show. */
  recordId?: string;
  /** The store; when unset, the nearest `<kehu-store-provider>`'s. */
  store?: Store;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;

  private entities = new EntityController(this);
  private watch = new RecordWatch(this);
  private counts = new RelatedCounts(this);
  private titles?: ReferenceTitles;
  private titlesStore?: Store;

  /** The record shown, once loaded; undefined while loading, missing or deleted. */
  get record(): KehuRecord | undefined {
    return this.watch.state.status === 'found' ? this.watch.state.record : undefined;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.titles?.dispose();
    this.titles = this.titlesStore = undefined;
  }

  protected override willUpdate(): void {
    const store = this.entities.store;
    const entity = this.entities.entity;
    const id = typeof this.recordId === 'string' && this.recordId.trim() ? this.recordId : undefined;
    this.watch.update(entity && store, entity?.name, id);
    const related = store && entity ? this.related(store, entity) : [];
    this.counts.update(
      store,
      entity && id ? related.map((r) => ({ ...r, selector: relatedSelector(r, entity.name, id) })) : [],
    );
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
    const state = this.watch.state;
    switch (state.status) {
      case 'idle':
        return this.message(detailText(locale, 'noRecord'));
      case 'loading':
        return html`<div part="base" class="base" aria-busy="true"></div>`;
      case 'missing':
        return this.message(detailText(locale, 'notFound', { id: this.recordId ?? '' }));
      case 'deleted':
        return this.message(detailText(locale, 'deleted'));
      case 'error':
        return this.message(
          detailText(locale, 'loadFailed', { reason: String((state.error as Error)?.message ?? state.error) }),
        );
      default:
        return this.detail(locale, entity, state.record);
    }
  }

  private message(text: string): TemplateResult {
    return html`<div part="base" class="base"><p part="message" class="message" role="status">${text}</p></div>`;
  }

  private detail(locale: Locale, entity: Entity, record: KehuRecord): TemplateResult {
    const context: ValueContext = {
      locale,
      referenceTitle: (name, id) => this.titles?.title(name, id),
    };
    const title = record[entity.titleField];
    const heading =
      title === undefined || title === null || title === '' ? detailText(locale, 'untitled') : String(title);
    const store = this.entities.store!;
    const related = this.related(store, entity);
    const seen = (path: string[]) => store.permissions.field(entity.name, path) !== 'none';
    return html`<article part="base" class="base" aria-labelledby="heading">
      <header class="header">
        <p class="kind">${localize(entity.label, locale)}</p>
        <h2 part="heading" id="heading">${heading}</h2>
      </header>
      ${entity.sections.map((section) => {
        const fields = section.fields.filter((f) => !f.hidden && seen([f.key])).map((f) => permitted(f, [f.key], seen));
        if (!fields.length) return nothing;
        return html`<section part="section" class="section" aria-labelledby="section-${section.id}">
          <h3 part="section-heading" id="section-${section.id}">${localize(section.label, locale)}</h3>
          <dl>${fields.map((field) => fieldEntry(field, record, context))}</dl>
        </section>`;
      })}
      ${
        related.length
          ? html`<section part="related" class="related" aria-labelledby="related-heading">
              <h3 part="section-heading" id="related-heading">${detailText(locale, 'related')}</h3>
              ${related.map((r, i) => this.relatedSection(locale, entity, record, r, related, i))}
            </section>`
          : nothing
      }
    </article>`;
  }

  /**
   * Entities pointing at this one that the user may list, through a field they may see: under role
   * permissions the store would refuse the others' queries.
   */
  private related(store: Store, entity: Entity): RelatedReference[] {
    const all = relatedReferences(store.entities.values(), entity.name);
    if (!store.permissions.enforced) return all;
    return all.filter(
      (r) =>
        store.permissions.can(r.entity.name, 'query') &&
        ['read', 'write'].includes(store.permissions.field(r.entity.name, r.field.path)),
    );
  }

  private relatedSection(
    locale: Locale,
    entity: Entity,
    record: KehuRecord,
    related: RelatedReference,
    all: RelatedReference[],
    index: number,
  ): TemplateResult {
    const plural = localize(related.entity.pluralLabel, locale) || related.entity.name;
    // Name the field only when one entity points here in more than one way.
    const twice = all.filter((r) => r.entity === related.entity).length > 1;
    const label = twice
      ? detailText(locale, 'relatedVia', { entity: plural, field: localize(related.field.label, locale) })
      : plural;
    const count = this.counts.count(index);
    const id = `related-${index}`;
    return html`<section part="section" class="related-section" aria-labelledby=${id}>
      <h4 part="section-heading" id=${id}>
        ${label} <span part="count" class="count">${count === undefined ? '' : `(${count})`}</span>
      </h4>
      ${
        count === 0
          ? html`<p class="none">${detailText(locale, 'none')}</p>`
          : html`<kehu-record-list
              part="related-list"
              class="related-list"
              minimal
              entity=${related.entity.name}
              .store=${this.entities.store}
              .locale=${this.locale}
              .selector=${relatedSelector(related, entity.name, record.id)}
            ></kehu-record-list>`
      }
    </section>`;
  }
}

/** The field with the children the user may not see marked hidden (nested objects, rows). */
function permitted(field: FieldModel, path: string[], seen: (path: string[]) => boolean): FieldModel {
  if (!field.children) return field;
  const children = field.children.map((child) =>
    seen([...path, child.key]) ? permitted(child, [...path, child.key], seen) : { ...child, hidden: true },
  );
  return children.every((c, i) => c === field.children![i]) ? field : { ...field, children };
}
