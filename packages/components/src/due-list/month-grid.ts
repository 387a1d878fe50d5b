import { html, nothing, type TemplateResult } from 'lit';
import type { KehuRecord, Locale } from '@kehu/core';
import { addMonthsToDate, dayNumber, isoDate, monthGrid, weekdayIndex } from './due-dates.js';
import { dueItem, isDone, titleOf, type DueView } from './due-item.js';
import { dueText } from './due-list.strings.js';

/** Records named inside a day cell; the rest are counted, and all are listed in the day panel. */
const PER_DAY = 3;

const formatters = new Map<string, Intl.DateTimeFormat>();
function format(locale: Locale, options: Intl.DateTimeFormatOptions, day: number): string {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  return formatter.format(new Date(day * 86_400_000));
}

/** The month's name as a heading, e.g. `2026年11月`, `November 2026`. */
export function monthTitle(locale: Locale, month: string): string {
  return format(locale, { year: 'numeric', month: 'long' }, dayNumber(`${month}-01`));
}

/** A day in full, for the day panel and the cells' spoken text. */
export function dayTitle(locale: Locale, date: string): string {
  return format(locale, { dateStyle: 'full' }, dayNumber(date));
}

/** The date a key press moves grid focus to, or undefined when the key is not a grid key. */
export function dayAfterKey(key: string, focus: string): string | undefined {
  const day = dayNumber(focus);
  switch (key) {
    case 'ArrowLeft':
      return isoDate(day - 1);
    case 'ArrowRight':
      return isoDate(day + 1);
    case 'ArrowUp':
      return isoDate(day - 7);
    case 'ArrowDown':
      return isoDate(day + 7);
    case 'Home':
      return isoDate(day - weekdayIndex(day));
    case 'End':
      return isoDate(day + 6 - weekdayIndex(day));
    case 'PageUp':
      return addMonthsToDate(focus, -1);
    case 'PageDown':
      return addMonthsToDate(focus, 1);
    default:
      return undefined;
  }
}

/**
 * The month as a WAI-ARIA grid of days (Monday first): one focusable day at a time, records named
 * in their day, and below it the focused day's records in full, to open or mark done.
 */
export function monthView(
  view: DueView,
  month: string,
  focus: string,
  days: Map<string, KehuRecord[]> | undefined,
): TemplateResult {
  const { locale } = view;
  const weeks = monthGrid(month);
  const focused = days?.get(focus) ?? [];
  const countText = (n: number) =>
    n === 1 ? dueText(locale, 'dayItemsOne') : dueText(locale, 'dayItems', { count: n });
  return html`
    <table part="grid" class="grid" role="grid" aria-labelledby="month-title" aria-busy=${days ? 'false' : 'true'}>
      <thead>
        <tr>
          ${weeks[0].map(
            (day) =>
              html`<th scope="col" abbr=${format(locale, { weekday: 'long' }, day)}>
                ${format(locale, { weekday: 'short' }, day)}
              </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${weeks.map(
          (week) =>
            html`<tr>
              ${week.map((day) => {
                const date = isoDate(day);
                const records = days?.get(date) ?? [];
                const outside = date.slice(0, 7) !== month;
                const classes = ['day', outside ? 'outside' : '', date === view.today ? 'today' : ''].join(' ');
                return html`<td
                  role="gridcell"
                  part=${date === focus ? `${classes} focused` : classes}
                  class=${classes}
                  data-day=${date}
                  tabindex=${date === focus ? 0 : -1}
                  aria-selected=${date === focus ? 'true' : 'false'}
                  aria-current=${date === view.today ? 'date' : nothing}
                >
                  <span class="day-number" aria-hidden="true">${Number(date.slice(8))}</span>
                  <span class="visually-hidden">
                    ${dayTitle(locale, date)}${records.length ? `, ${countText(records.length)}` : ''}
                  </span>
                  ${records
                    .slice(0, PER_DAY)
                    .map(
                      (record) =>
                        html`<span
                          part="day-item"
                          class=${isDone(view, record) ? 'day-item done' : 'day-item'}
                          data-open=${record.id}
                          aria-hidden="true"
                          >${titleOf(view, record)}</span
                        >`,
                    )}
                  ${
                    records.length > PER_DAY
                      ? html`<span class="day-more" aria-hidden="true">
                          ${dueText(locale, 'more', { count: records.length - PER_DAY })}
                        </span>`
                      : nothing
                  }
                </td>`;
              })}
            </tr>`,
        )}
      </tbody>
    </table>
    <section part="day-panel" class="day-panel" aria-labelledby="day-title">
      <h4 id="day-title" class="day-title">
        ${dayTitle(locale, focus)}${focused.length ? ` · ${countText(focused.length)}` : ''}
      </h4>
      ${
        focused.length
          ? html`<ul class="items" role="list">
              ${focused.map((record) => dueItem(view, record))}
            </ul>`
          : html`<p part="empty" class="empty">${dueText(locale, 'dayEmpty')}</p>`
      }
    </section>
  `;
}
