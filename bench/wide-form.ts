/**
 * Element measure: typing into a 150-field form. Kehu: `<kehu-record-form>` on the stored record of
 * the 150-field entity, its middle long text field focused. Baseline, the floor: one lit-html
 * template of 150 plain labelled controls holding the same values, whose `input` handler stores the
 * value in a plain object.
 */
import { html, render } from 'lit';
import { localize, type Entity, type FieldModel, type Store } from '@kehu/core';
import type { KehuRecordForm } from '../packages/components/src/record-form/record-form.js';
import { fieldId } from '../packages/components/src/record-form/form-state.js';
import { frames, nextFrame } from './frames.js';
import { freshStage } from './stage.js';
import { MIDDLE_TEXT_FIELD, WIDE, WIDE_ID, wideRecord } from './wide-schema.js';

/** Puts the caret at the end of `input`, centred in view. */
async function focusAtEnd(input: HTMLInputElement): Promise<void> {
  input.scrollIntoView({ block: 'center' });
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
  await frames(10);
}

/** Kehu: the form on the stored record, once its middle text input shows. */
export async function openWideForm(store: Store): Promise<Element[]> {
  const form = document.createElement('kehu-record-form') as KehuRecordForm;
  form.store = store;
  form.entity = WIDE;
  form.recordId = WIDE_ID;
  freshStage().append(form);
  const start = performance.now();
  let input: HTMLInputElement | null = null;
  while (!(input = form.shadowRoot!.querySelector<HTMLInputElement>(`#${fieldId([MIDDLE_TEXT_FIELD])}`))) {
    if (performance.now() - start > 60_000) throw new Error('the 150-field form did not show within a minute');
    await nextFrame();
  }
  const fields = form.shadowRoot!.querySelectorAll('[part~="field"]').length;
  if (fields < 150) throw new Error(`the form shows ${fields} fields, expected 150`);
  await focusAtEnd(input);
  return [form];
}

function control(field: FieldModel, value: unknown, onInput: (event: Event) => void) {
  const id = `f-${field.key}`;
  const label = html`<label for=${id}>${localize(field.label, 'zh-CN')}</label>`;
  if (field.options)
    return html`${label}<select id=${id} @input=${onInput}>
        ${field.options.map((o) => html`<option value=${String(o.value)} ?selected=${o.value === value}>${localize(o.label, 'zh-CN')}</option>`)}
      </select>`;
  if (field.type === 'boolean')
    return html`${label}<input id=${id} type="checkbox" .checked=${value === true} @input=${onInput} />`;
  const type = field.kind === 'date' ? 'date' : field.type === 'number' || field.type === 'integer' ? 'number' : 'text';
  return html`${label}<input
      id=${id}
      type=${type}
      .value=${value === undefined ? '' : String(value)}
      @input=${onInput}
    />`;
}

/** Baseline: 150 plain controls with the same values; typing stores the text and nothing else. */
export async function openBareForm(entity: Entity): Promise<Element[]> {
  const host = freshStage();
  const values = wideRecord();
  const onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    values[target.id.slice(2)] = target.type === 'checkbox' ? target.checked : target.value;
  };
  render(
    html`<form>${entity.fields.map((field) => html`<div>${control(field, values[field.key], onInput)}</div>`)}</form>`,
    host,
  );
  const inputs = host.querySelectorAll('input, select').length;
  if (inputs !== 150) throw new Error(`the bare form shows ${inputs} controls, expected 150`);
  await focusAtEnd(host.querySelector<HTMLInputElement>(`#f-${MIDDLE_TEXT_FIELD}`)!);
  return [host];
}
