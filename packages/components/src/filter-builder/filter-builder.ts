import { LitElement, html, nothing, type TemplateResult } from 'lit';
import {
  filterableFields,
  isFilterGroup,
  operatorsFor,
  type FieldModel,
  type FilterCondition,
  type FilterGroup,
  type Locale,
  type Store,
} from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { conditionRow } from './condition-row.js';
import { filterChangeEvent } from './filter-change-event.js';
import { filterText } from './filter-builder.strings.js';
import { filterBuilderStyles } from './filter-builder.styles.js';

const emptyFilter = (): FilterGroup => ({ match: 'all', conditions: [] });

/**
 * @summary Builds a filter over one entity's fields: conditions per field type (text contains,
 * number and date ranges, one of several values, empty…), combined with AND or OR, one level of groups.
 * The result is plain JSON (`FilterGroup`) that `filterSelector` turns into an indexed store query.
 *
 * @event kehu-filter-change - The filter changed. `detail: { filter }`.
 *
 * @csspart base - The frame.
 * @csspart match - The "all/any" selector of a group.
 * @csspart group - A nested group of conditions.
 * @csspart condition - One condition row.
 * @csspart field - A condition's field selector.
 * @csspart operator - A condition's comparison selector.
 * @csspart value - A condition's value editor.
 * @csspart remove-button - Removes a condition or group.
 * @csspart add-button - Adds a condition or group.
 * @csspart message - Why nothing can be shown.
 */
export class KehuFilterBuilder extends LitElement {
  static override styles = filterBuilderStyles;
  static override properties = {
    entity: { reflect: true },
    store: { attribute: false },
    locale: {},
    value: { attribute: false },
  };

  /** Entity whose fields the conditions test. */
  entity?: string;
  /** The store; when unset, the nearest `<kehu-store-provider>`'s. */
  store?: Store;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** The filter being edited; set it to show a saved filter, read it (or listen) for the user's. */
  value: FilterGroup;

  private entities = new EntityController(this);

  constructor() {
    super();
    this.value = emptyFilter();
  }

  override render(): TemplateResult {
    const locale = uiLocale(this, this.locale);
    const entity = this.entities.entity;
    const problem = this.entities.problem(locale);
    if (problem || !entity) {
      return html`<div part="base" class="base"><p part="message" class="message" role="alert">${problem}</p></div>`;
    }
    // Under permissions, only fields the user reads in full: the store refuses filtering by the others.
    const permissions = this.entities.store?.permissions;
    const fields = filterableFields(entity).filter(
      (f) => !permissions?.enforced || ['read', 'write'].includes(permissions.field(entity.name, f.path)),
    );
    const filter = this.current;
    return html`<div part="base" class="base" role="group" aria-label=${filterText(locale, 'title')}>
      ${this.group(filter, [], locale, fields)}
      ${
        filter.conditions.length
          ? html`<button part="add-button" class="link" type="button" @click=${() => this.emit(emptyFilter())}>
              ${filterText(locale, 'clear')}
            </button>`
          : html`<p class="none">${filterText(locale, 'none')}</p>`
      }
    </div>`;
  }

  private group(group: FilterGroup, path: number[], locale: Locale, fields: FieldModel[]): TemplateResult {
    const nested = path.length > 0;
    const prefix = nested ? `${filterText(locale, 'group', { n: path[0] + 1 })} › ` : '';
    return html`<div part=${nested ? 'group' : 'root'} class=${nested ? 'group' : 'root'}>
      <div class="group-head">
        <select
          part="match"
          class="match"
          aria-label=${prefix + filterText(locale, 'match')}
          @change=${(e: Event) =>
            this.replace(path, { ...group, match: (e.target as HTMLSelectElement).value as FilterGroup['match'] })}
        >
          <option value="all" ?selected=${group.match !== 'any'}>${filterText(locale, 'matchAll')}</option>
          <option value="any" ?selected=${group.match === 'any'}>${filterText(locale, 'matchAny')}</option>
        </select>
        ${
          nested
            ? html`<button
                part="remove-button"
                class="remove"
                type="button"
                aria-label=${filterText(locale, 'remove', { n: filterText(locale, 'group', { n: path[0] + 1 }) })}
                @click=${() => this.replace(path, undefined)}
              >
                ×
              </button>`
            : nothing
        }
      </div>
      ${group.conditions.map((item, i) =>
        isFilterGroup(item)
          ? nested
            ? nothing // one level of groups: deeper ones from saved data still apply, but are not edited here
            : this.group(item, [...path, i], locale, fields)
          : conditionRow(item, {
              locale,
              store: this.entities.store,
              fields,
              name: prefix + filterText(locale, 'condition', { n: i + 1 }),
              change: (next: FilterCondition) => this.replace([...path, i], next),
              remove: () => this.replace([...path, i], undefined),
            }),
      )}
      <div class="actions">
        <button part="add-button" class="add" type="button" @click=${() => this.add(path, fields)}>
          + ${filterText(locale, 'add')}
        </button>
        ${
          nested
            ? nothing
            : html`<button
                part="add-button"
                class="add"
                type="button"
                @click=${() => this.replace([group.conditions.length], { match: 'any', conditions: [this.newCondition(fields)] })}
              >
                + ${filterText(locale, 'addGroup')}
              </button>`
        }
      </div>
    </div>`;
  }

  /** The value, or an empty filter when the host set something that is not one. */
  private get current(): FilterGroup {
    return this.value && Array.isArray(this.value.conditions) ? this.value : emptyFilter();
  }

  private newCondition(fields: FieldModel[]): FilterCondition {
    const field = fields[0];
    return { field: field?.key ?? '', op: field ? operatorsFor(field)[0] : 'eq' };
  }

  private add(path: number[], fields: FieldModel[]): void {
    const group = path.length ? (this.current.conditions[path[0]] as FilterGroup) : this.current;
    this.replace([...path, group.conditions.length], this.newCondition(fields));
    // Focus the new condition's value (or field) so keyboard users can go on typing.
    void this.updateComplete.then(() => {
      const rows = this.renderRoot.querySelectorAll<HTMLElement>(
        path.length ? '.group .condition' : '.root > .condition',
      );
      const row = rows[rows.length - 1];
      (row?.querySelector<HTMLElement>('.value') ?? row?.querySelector<HTMLElement>('.field'))?.focus();
    });
  }

  /** Replaces (or with `undefined` removes) the item at `path` and announces the new filter. */
  private replace(path: number[], item: FilterCondition | FilterGroup | undefined): void {
    this.emit(replaceAt(this.current, path, item));
  }

  private emit(filter: FilterGroup): void {
    this.value = filter;
    this.dispatchEvent(filterChangeEvent({ filter }));
  }
}

function replaceAt(group: FilterGroup, path: number[], item: FilterCondition | FilterGroup | undefined): FilterGroup {
  if (path.length === 0) return item && isFilterGroup(item) ? item : group;
  const [index, ...rest] = path;
  const conditions = [...group.conditions];
  if (rest.length) {
    const child = conditions[index];
    if (child && isFilterGroup(child)) conditions[index] = replaceAt(child, rest, item);
  } else if (item === undefined) conditions.splice(index, 1);
  else conditions[index] = item;
  return { ...group, conditions };
}
