import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { localize, type Entity, type KehuRecord, type Locale } from '@kehu/core';
import { highlight } from './highlight.js';
import { recordSubtitle, recordTitle } from './record-title.js';
import type { SearchTarget } from './record-search.js';
import { pickerText } from './reference-picker.strings.js';

/** One option of the list: a record, or "New <entity> '<text>'". */
export type PickerItem =
  | { kind: 'record'; entity: Entity; record: KehuRecord; recent: boolean }
  | { kind: 'create'; entity: Entity; text: string };

export interface OptionsView {
  items: PickerItem[];
  hidden: boolean;
  /** Accessible name of the listbox. */
  label: string;
  /** Index of the highlighted option, -1 for none. */
  active: number;
  /** Text the matches were found for; its words are marked in titles. */
  query: string;
  locale: Locale;
  /** Group records by entity (a polymorphic picker over all its targets). */
  grouped: boolean;
  busy: boolean;
  choose: (item: PickerItem) => void;
}

interface Group {
  key: string;
  label: string;
  items: { item: PickerItem; index: number }[];
}

/** Consecutive items under one heading: recent picks, then one group per entity when grouped. */
function groupsOf(view: OptionsView): Group[] {
  const groups: Group[] = [];
  view.items.forEach((item, index) => {
    const key =
      item.kind === 'record' && item.recent ? 'recent' : view.grouped ? `entity:${item.entity.name}` : 'matches';
    let group = groups[groups.length - 1];
    if (!group || group.key !== key) {
      const label =
        key === 'recent' ? pickerText(view.locale, 'recent') : localize(item.entity.pluralLabel, view.locale);
      groups.push((group = { key, label, items: [] }));
    }
    group.items.push({ item, index });
  });
  return groups;
}

function renderOption(view: OptionsView, item: PickerItem, index: number) {
  const selected = index === view.active ? 'true' : 'false';
  if (item.kind === 'create') {
    const entity = localize(item.entity.label, view.locale);
    return html`<div
      part="option create-option"
      id="option-${index}"
      role="option"
      aria-selected=${selected}
      @click=${() => view.choose(item)}
    >
      <span part="option-title">${pickerText(view.locale, 'create', { entity, text: item.text })}</span>
    </div>`;
  }
  const subtitle = recordSubtitle(item.entity, item.record, view.locale);
  return html`<div
    part="option"
    id="option-${index}"
    role="option"
    aria-selected=${selected}
    @click=${() => view.choose(item)}
  >
    <span part="option-title">${highlight(recordTitle(item.entity, item.record, view.locale), view.query)}</span>
    ${subtitle ? html`<span part="option-subtitle">${highlight(subtitle, view.query)}</span>` : nothing}
  </div>`;
}

/**
 * The listbox of a picker. Options are flat when there is one kind of match; with recent picks or
 * several entities they sit in labelled `role="group"`s. Ids are `option-<index>` over all items,
 * which is what the input's `aria-activedescendant` names.
 */
export function renderOptions(view: OptionsView) {
  const groups = groupsOf(view);
  const flat = groups.length <= 1 && groups[0]?.key !== 'recent' && !view.grouped;
  return html`<div
    part="listbox"
    id="listbox"
    role="listbox"
    aria-label=${view.label}
    aria-busy=${view.busy ? 'true' : 'false'}
    ?hidden=${view.hidden}
    @mousedown=${(e: Event) => e.preventDefault()}
  >
    ${
      flat
        ? (groups[0]?.items ?? []).map(({ item, index }) => renderOption(view, item, index))
        : groups.map(
            (group, g) =>
              html`<div part="group" role="group" aria-labelledby="group-${g}">
                <div part="group-label" id="group-${g}" role="presentation">${group.label}</div>
                ${group.items.map(({ item, index }) => renderOption(view, item, index))}
              </div>`,
          )
    }
  </div>`;
}

/** The type chooser of a polymorphic picker: all targets (`''`) or one of them. */
export function renderScope(
  targets: SearchTarget[],
  scope: string,
  locale: Locale,
  disabled: boolean,
  change: (event: Event) => void,
) {
  return html`<select
    part="scope"
    aria-label=${pickerText(locale, 'scope')}
    ?disabled=${disabled}
    .value=${live(scope)}
    @change=${change}
  >
    <option value="">${pickerText(locale, 'allTargets')}</option>
    ${targets.map(
      ({ entity }) =>
        html`<option value=${entity.name} ?selected=${entity.name === scope}>
          ${localize(entity.label, locale)}
        </option>`,
    )}
  </select>`;
}
