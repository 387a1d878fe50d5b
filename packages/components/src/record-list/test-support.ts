import { waitUntil } from '@open-wc/testing';
import type { KehuRecordList } from './record-list.js';

/** Test helpers shared by the list's browser tests: what a user sees in the list. */
export const root = (el: KehuRecordList) => el.shadowRoot!;

/** The first cell of every record row in view, in row order. */
export const names = (el: KehuRecordList) =>
  [...root(el).querySelectorAll<HTMLElement>('[part~="row"]:not([part~="placeholder"])')]
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
    .map((row) => row.querySelectorAll<HTMLElement>('[part~="cell"]:not(.select-cell)')[0].textContent!.trim());

/** Waits until the rows show exactly `expected`. */
export const showing = (el: KehuRecordList, expected: string[]) =>
  waitUntil(
    () => JSON.stringify(names(el)) === JSON.stringify(expected),
    `expected ${expected.join(', ')}; saw ${names(el).join(', ')} (${el.locale})`,
  );

/** The list's button whose text matches. */
export const button = (el: KehuRecordList, text: RegExp) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text.test(b.textContent!.trim()))!;

/** Picks `value` in a select as a user would. */
export function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}
