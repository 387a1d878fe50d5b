import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldWidget } from './registry.js';
import { control, textOf } from './control.js';
import { kindOrWidget } from './testers.js';

/** Native date and date-time pickers; values stay JSON Schema `date` and `date-time` strings. */
export const dateWidget: FieldWidget = {
  name: 'date',
  tester: kindOrWidget(['date', 'datetime'], 'date'),
  render: (ctx) => {
    const withTime = ctx.field.kind === 'datetime';
    const read = (e: Event) => {
      const text = textOf(e);
      return withTime && text ? fromLocalInput(text) : text;
    };
    const shown = typeof ctx.value === 'string' ? (withTime ? toLocalInput(ctx.value) : ctx.value) : '';
    return html`<input
      part="input"
      ${control(ctx)}
      type=${withTime ? 'datetime-local' : 'date'}
      .value=${live(shown)}
      @input=${(e: Event) => ctx.input(read(e))}
      @change=${(e: Event) => ctx.change(read(e))}
    />`;
  },
};

/** `2024-05-01T08:30:00.000Z` → `2024-05-01T16:30` in the browser's time zone, as datetime-local wants. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The other way: local wall time → RFC 3339 with a time zone, which `format: date-time` requires. */
export function fromLocalInput(local: string): string | undefined {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
