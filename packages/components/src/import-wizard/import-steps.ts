import { html, nothing, type TemplateResult } from 'lit';
import {
  importTargets,
  localize,
  type Entity,
  type ImportEncoding,
  type ImportJobRecord,
  type ImportMode,
  type ImportProgress,
  type ImportResult,
  type KehuRecord,
  type Locale,
} from '@kehu/core';
import { importText } from './import-wizard.strings.js';
import type { FileInfo } from './row-reader.js';
import type { KehuImportWizard } from './import-wizard.js';
import { problemsTable, reportLink } from './import-problems.js';

export const steps = ['file', 'source', 'mapping', 'mode', 'check', 'run', 'done'] as const;
export type Step = (typeof steps)[number];

/** Everything the wizard shows; one immutable object so each change re-renders once. */
export interface WizardView {
  step: Step;
  mode: ImportMode;
  key?: string;
  info?: FileInfo;
  fileName?: string;
  fileSize?: number;
  encoding?: ImportEncoding;
  mapping: (string | null)[];
  where?: 'worker' | 'page';
  busy?: string;
  error?: string;
  checking?: number;
  check?: ImportResult;
  page: number;
  progress?: ImportProgress;
  result?: ImportResult;
  unfinished?: KehuRecord<ImportJobRecord>;
  resumeJob?: KehuRecord<ImportJobRecord>;
}

export interface Context {
  locale: Locale;
  entity: Entity;
  wizard: KehuImportWizard;
}

const encodings: ImportEncoding[] = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

export function renderStep(view: WizardView, context: Context): TemplateResult {
  const body = { file, source, mapping, mode, check, run, done }[view.step](view, context);
  return html`${body} ${view.busy ? html`<p role="status">${view.busy}</p>` : nothing}
  ${view.error ? html`<p class="error" role="alert">${view.error}</p>` : nothing}`;
}

const size = (bytes: number, locale: Locale) =>
  new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: bytes >= 1e6 ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: 1,
  }).format(bytes >= 1e6 ? bytes / 1e6 : bytes / 1e3);
const number = (n: number, locale: Locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);

function picked(event: Event, then: (file: File) => void): void {
  const input = event.target as HTMLInputElement;
  const chosen = input.files?.[0];
  input.value = '';
  if (chosen) then(chosen);
}

function file(view: WizardView, { locale, wizard }: Context): TemplateResult {
  const over = (on: boolean) => (event: DragEvent) => {
    event.preventDefault();
    (event.currentTarget as HTMLElement).classList.toggle('over', on);
  };
  const drop = (event: DragEvent) => {
    over(false)(event);
    const dropped = event.dataTransfer?.files?.[0];
    if (dropped) void wizard.choose(dropped);
  };
  const job = view.unfinished;
  return html`${
      job
        ? html`<div class="notice" role="region" aria-label=${importText(locale, 'resumeChoose')}>
            <p>${importText(locale, 'resume', { name: job.fileName ?? '', line: job.nextLine - 1 })}</p>
            <div class="row">
              <label class="button-like">
                ${importText(locale, 'resumeChoose')}
                <input
                  type="file"
                  accept=".csv,.txt,.xlsx,text/csv"
                  @change=${(e: Event) => picked(e, (f) => wizard.resumeWith(f))}
                />
              </label>
              <button type="button" @click=${() => void wizard.discard()}>
                ${importText(locale, 'resumeDiscard')}
              </button>
            </div>
          </div>`
        : nothing
    }
    <div part="drop-zone" class="drop" @dragover=${over(true)} @dragleave=${over(false)} @drop=${drop}>
      <label for="file">${importText(locale, 'choose')}</label>
      <input
        id="file"
        type="file"
        accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        @change=${(e: Event) => picked(e, (f) => void wizard.choose(f))}
      />
      <p class="muted">${importText(locale, 'drop')}</p>
    </div>`;
}

function navigation(
  back: Step | undefined,
  next: TemplateResult | typeof nothing,
  wizard: KehuImportWizard,
  locale: Locale,
) {
  return html`<div class="actions">
    ${back ? html`<button type="button" @click=${() => wizard.go(back)}>${importText(locale, 'back')}</button>` : nothing}
    ${next}
  </div>`;
}

const nextButton = (label: string, onClick: () => void, disabled = false) =>
  html`<button type="button" class="primary" ?disabled=${disabled} @click=${onClick}>${label}</button>`;

function source(view: WizardView, { locale, wizard }: Context): TemplateResult {
  const info = view.info!;
  const detected = info.encoding?.encoding;
  const width = Math.max(1, ...info.preview.map((r) => r.cells.length));
  return html`<p>
      ${importText(locale, 'fileInfo', {
        name: view.fileName ?? '',
        size: size(view.fileSize ?? 0, locale),
        format: info.format.toUpperCase(),
      })}
      ${view.where === 'worker' ? html`<span class="muted">· ${importText(locale, 'worker')}</span>` : nothing}
    </p>
    <div class="row">
      ${
        info.format === 'csv'
          ? html`<label>
              ${importText(locale, 'encoding')}
              <select
                @change=${(e: Event) => {
                  const value = (e.target as HTMLSelectElement).value as ImportEncoding | '';
                  wizard.reread(value || undefined, info.headerLine);
                }}
              >
                <option value="" ?selected=${!view.encoding}>
                  ${importText(locale, 'encodingDetected', { encoding: detected ?? '' })}
                </option>
                ${encodings.map((e) => html`<option value=${e} ?selected=${view.encoding === e}>${e.toUpperCase()}</option>`)}
              </select>
            </label>`
          : nothing
      }
      <label>
        ${importText(locale, 'headerLine')}
        <select @change=${(e: Event) => wizard.reread(view.encoding, Number((e.target as HTMLSelectElement).value))}>
          ${info.preview.map((r) => html`<option value=${r.line} ?selected=${r.line === info.headerLine}>${r.line}</option>`)}
        </select>
      </label>
    </div>
    <div class="table-wrap">
      <table part="table">
        <caption class="visually-hidden">
          ${importText(locale, 'preview')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${importText(locale, 'row')}</th>
            ${Array.from({ length: width }, (_, i) => html`<th scope="col">${i + 1}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${info.preview.map(
            (r) =>
              html`<tr class=${r.line === info.headerLine ? 'header-row' : ''}>
                <td>${r.line}</td>
                ${Array.from({ length: width }, (_, i) => html`<td>${r.cells[i] ?? ''}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${navigation(
      'file',
      nextButton(importText(locale, 'next'), () => wizard.go('mapping')),
      wizard,
      locale,
    )}`;
}

function mapping(view: WizardView, { locale, entity, wizard }: Context): TemplateResult {
  const info = view.info!;
  const targets = importTargets(entity);
  const sample = info.preview.find((r) => r.line > info.headerLine);
  const count = view.mapping.filter(Boolean).length;
  const choose = (column: number, value: string) => {
    const next = view.mapping.map((m) => (m === value ? null : m));
    next[column] = value || null;
    wizard.set({ mapping: next });
  };
  return html`<p role="status">${importText(locale, 'mapped', { count, total: info.headers.length })}</p>
    <div class="table-wrap">
      <table part="table">
        <thead>
          <tr>
            <th scope="col">${importText(locale, 'column')}</th>
            <th scope="col">${importText(locale, 'sample')}</th>
            <th scope="col">${importText(locale, 'field')}</th>
          </tr>
        </thead>
        <tbody>
          ${info.headers.map(
            (header, i) =>
              html`<tr>
                <th scope="row" id="column-${i}">${header}</th>
                <td>${sample?.cells[i] ?? ''}</td>
                <td>
                  <select
                    aria-labelledby="column-${i}"
                    ?data-autofocus=${i === 0}
                    @change=${(e: Event) => choose(i, (e.target as HTMLSelectElement).value)}
                  >
                    <option value="" ?selected=${!view.mapping[i]}>${importText(locale, 'skip')}</option>
                    ${targets.map(
                      (t) =>
                        html`<option value=${t.path} ?selected=${view.mapping[i] === t.path}>
                          ${localize(t.label, locale)}
                        </option>`,
                    )}
                  </select>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${count ? nothing : html`<p class="error">${importText(locale, 'nothingMapped')}</p>`}
    ${navigation(
      'source',
      nextButton(importText(locale, 'next'), () => wizard.go('mode'), !count),
      wizard,
      locale,
    )}`;
}

function mode(view: WizardView, { locale, entity, wizard }: Context): TemplateResult {
  const mapped = importTargets(entity).filter((t) => view.mapping.includes(t.path));
  const needsKey = view.mode !== 'insert';
  const keyMissing = needsKey && !(view.key && view.mapping.includes(view.key));
  return html`<fieldset>
      <legend>${importText(locale, 'mode')}</legend>
      ${(['insert', 'update', 'upsert'] as const).map(
        (m, i) =>
          html`<label>
            <input
              type="radio"
              name="mode"
              value=${m}
              ?data-autofocus=${i === 0}
              .checked=${view.mode === m}
              @change=${() => wizard.set({ mode: m })}
            />
            ${importText(locale, `mode.${m}`)}
          </label>`,
      )}
    </fieldset>
    <label>
      ${importText(locale, 'key')}
      <select @change=${(e: Event) => wizard.set({ key: (e.target as HTMLSelectElement).value || undefined })}>
        <option value="" ?selected=${!view.key}>${importText(locale, 'keyNone')}</option>
        ${mapped.map((t) => html`<option value=${t.path} ?selected=${view.key === t.path}>${localize(t.label, locale)}</option>`)}
      </select>
    </label>
    ${keyMissing ? html`<p class="error">${importText(locale, 'keyNeeded')}</p>` : nothing}
    ${navigation(
      'mapping',
      nextButton(importText(locale, 'check'), () => void wizard.check(), keyMissing),
      wizard,
      locale,
    )}`;
}

function check(view: WizardView, context: Context): TemplateResult {
  const { locale, wizard } = context;
  const result = view.check;
  if (!result)
    return html`<p role="status">${importText(locale, 'checking', { rows: number(view.checking ?? 0, locale) })}</p>
      ${navigation('mode', nothing, wizard, locale)}`;
  const bad = result.rejected.length;
  return html`<p role="status" class=${bad ? '' : 'ok'}>
      ${importText(locale, 'checked', { rows: number(result.rows, locale), ok: number(result.rows - bad, locale), bad: number(bad, locale) })}
    </p>
    ${bad ? problemsTable(result, view.page, context) : nothing} ${reportLink(result, context)}
    ${navigation(
      'mode',
      nextButton(importText(locale, 'start'), () => void wizard.run(), result.rows === bad),
      wizard,
      locale,
    )}`;
}

function duration(seconds: number, locale: Locale): string {
  const unit = seconds >= 3600 ? 'hour' : seconds >= 60 ? 'minute' : 'second';
  const value = unit === 'hour' ? seconds / 3600 : unit === 'minute' ? seconds / 60 : seconds;
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(
    Math.ceil(value),
  );
}

function run(view: WizardView, { locale, wizard }: Context): TemplateResult {
  const p = view.progress;
  const values = { rows: number(p?.rowsDone ?? 0, locale), rate: number(p?.rowsPerSecond ?? 0, locale) };
  return html`<progress
      part="progress"
      aria-label=${importText(locale, 'progress')}
      max="1"
      .value=${p?.fraction ?? 0}
    ></progress>
    <p role="status">
      ${
        p?.secondsLeft !== undefined
          ? importText(locale, 'rate', { ...values, left: duration(p.secondsLeft, locale) })
          : importText(locale, 'rateNoEta', values)
      }
    </p>
    <div class="actions">
      <button type="button" @click=${() => wizard.cancel()}>${importText(locale, 'cancel')}</button>
    </div>`;
}

function done(view: WizardView, context: Context): TemplateResult {
  const { locale, wizard } = context;
  const r = view.result!;
  return html`${r.cancelled ? html`<p class="notice" role="status">${importText(locale, 'cancelled')}</p>` : nothing}
    <p role="status">
      ${importText(locale, 'summary', {
        inserted: number(r.inserted, locale),
        updated: number(r.updated, locale),
        unchanged: number(r.unchanged, locale),
        rejected: number(r.rejected.length, locale),
      })}
    </p>
    ${r.rejected.length ? problemsTable(r, view.page, context) : nothing} ${reportLink(r, context)}
    <div class="actions">
      <button type="button" class="primary" @click=${() => wizard.reset()}>${importText(locale, 'again')}</button>
    </div>`;
}
