import { html, nothing } from 'lit';
import { localize, type Locale } from '@kehu/core';
import type { FormState } from './form-state.js';
import { formText } from './record-form.strings.js';
import { upgraded } from '../controllers/upgraded.js';

/**
 * The box at the top of the form: a store error, and the issues no field on screen can show
 * (about the record as a whole, or a hidden field). Nothing when there is neither.
 */
export function renderSummary(state: FormState, failure: string | undefined, locale: Locale): unknown {
  const all = state.allIssues();
  const loose = all.filter((entry) => !entry.onScreen);
  if (!loose.length && !failure) return nothing;
  const placed = all.length - loose.length;
  return html`<div part="summary" role="alert">
    ${failure ? html`<p>${failure}</p>` : nothing}
    ${
      loose.length
        ? html`<p>${formText(locale, 'summary')}</p>
            <ul>
              ${loose.map(({ issue }) => html`<li>${localize(issue.message, locale)}</li>`)}
            </ul>`
        : nothing
    }
    ${loose.length && placed ? html`<p>${formText(locale, 'fixFields', { count: placed })}</p>` : nothing}
  </div>`;
}

/**
 * Focuses the form's first control with a problem once its element is defined (a lazily loaded
 * picker or grid). Pickers and groups have no aria-invalid of their own (their host has no role):
 * `data-invalid` marks them, and a group's first control takes the focus.
 */
export async function focusFirstInvalid(root: ParentNode): Promise<void> {
  const first = root.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid]');
  const target = first?.matches('fieldset')
    ? first.querySelector<HTMLElement>('input, select, textarea, button, kehu-reference-picker, kehu-line-items')
    : first;
  if (target) await upgraded(target);
  target?.focus();
}
