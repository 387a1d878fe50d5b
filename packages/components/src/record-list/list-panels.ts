import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { localize, type FieldModel } from '@kehu/core';
import { listText } from './record-list.strings.js';
import type { ToolbarContext } from './list-toolbar.js';

// The column chooser and the save-view form, loaded the first time a user opens one of them
// (list-toolbar.ts), so lists nobody rearranges do not download them up front.

/** The save-view form: a name, save, cancel, and delete for the view shown. */
export function saveViewPanel(c: ToolbarContext): TemplateResult {
  const { locale } = c;
  const current = c.views.find((v) => v.id === c.view);
  const submit = (event: Event) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).elements.namedItem('name') as HTMLInputElement;
    const name = input.value.trim();
    if (!name) {
      input.setCustomValidity(listText(locale, 'viewNameMissing'));
      input.reportValidity();
      return;
    }
    c.saveView(name);
  };
  return html`<form id="panel" part="panel" class="panel save-view" @submit=${submit}>
    <label
      >${listText(locale, 'viewName')}
      <input
        name="name"
        maxlength="80"
        .value=${current?.name ?? ''}
        @input=${(e: Event) => (e.target as HTMLInputElement).setCustomValidity('')}
    /></label>
    <button class="tool primary" type="submit">${listText(locale, 'save')}</button>
    <button class="tool" type="button" @click=${() => c.togglePanel(undefined)}>${listText(locale, 'cancel')}</button>
    ${
      current
        ? html`<button class="tool danger" type="button" @click=${() => c.deleteView(current.id)}>
            ${listText(locale, 'deleteView', { name: current.name })}
          </button>`
        : nothing
    }
  </form>`;
}

/** The column chooser: a checkbox per field, and up/down buttons for the columns shown. */
export function columnsPanel(c: ToolbarContext): TemplateResult {
  const { locale } = c;
  const shownKeys = c.shown.map((f) => f.path.join('.'));
  const label = (f: FieldModel) => localize(f.label, locale) || f.key;
  const ordered = [...c.shown, ...c.columnChoices.filter((f) => !shownKeys.includes(f.path.join('.')))];
  const toggle = (key: string, on: boolean) =>
    c.setColumns(on ? [...shownKeys, key] : shownKeys.filter((k) => k !== key));
  const move = (key: string, by: number) => {
    const keys = [...shownKeys];
    const from = keys.indexOf(key);
    const to = from + by;
    if (from < 0 || to < 0 || to >= keys.length) return;
    [keys[from], keys[to]] = [keys[to], keys[from]];
    c.setColumns(keys);
  };
  return html`<fieldset id="panel" part="panel" class="panel columns">
    <legend>${listText(locale, 'columnsTitle')}</legend>
    <ul>
      ${ordered.map((field) => {
        const key = field.path.join('.');
        const on = shownKeys.includes(key);
        return html`<li>
          <label
            ><input
              type="checkbox"
              .checked=${live(on)}
              @change=${(e: Event) => toggle(key, (e.target as HTMLInputElement).checked)}
            />
            ${label(field)}</label
          >
          ${
            on
              ? html`<button
                    class="icon"
                    type="button"
                    aria-label=${listText(locale, 'moveUp', { column: label(field) })}
                    @click=${() => move(key, -1)}
                  >
                    ↑</button
                  ><button
                    class="icon"
                    type="button"
                    aria-label=${listText(locale, 'moveDown', { column: label(field) })}
                    @click=${() => move(key, 1)}
                  >
                    ↓
                  </button>`
              : nothing
          }
        </li>`;
      })}
    </ul>
    <button class="tool" type="button" @click=${() => c.setColumns(undefined)}>
      ${listText(locale, 'resetColumns')}
    </button>
  </fieldset>`;
}
