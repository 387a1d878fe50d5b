import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  errorReportCsv,
  fileFingerprint,
  IMPORT_JOB_ENTITY,
  importRows,
  localize,
  saveMapping,
  savedMapping,
  type ImportEncoding,
  type ImportJobRecord,
  type ImportMode,
  type ImportProgress,
  type ImportResult,
  type KehuRecord,
  type Store,
} from '@kehu/core';
import { EntityController } from '../controllers/entity-controller.js';
import { uiLocale } from '../i18n/ui-locale.js';
import { importDoneEvent, importStartEvent } from './import-events.js';
import { importText } from './import-wizard.strings.js';
import { importWizardStyles } from './import-wizard.styles.js';
import { openRows, type FileInfo } from './row-reader.js';
import { renderStep, steps, type Step, type WizardView } from './import-steps.js';

const modes: ImportMode[] = ['insert', 'update', 'upsert'];

/**
 * @summary Imports a CSV or XLSX file into any entity: file (picker or drop) → encoding and header row →
 * column mapping (auto-matched, editable, remembered per entity) → mode (insert, update, upsert by a key)
 * → dry run listing every problem by row and column → import with progress, rows/s, time left and
 * cancel → summary with an error report. Files are read in a Web Worker; an interrupted import
 * resumes after a reload when the same file is chosen again.
 *
 * @event kehu-import-start - Before anything is written; cancelable. `detail: { entity, mode, key, rows }`.
 * @event kehu-import-done - After an import finished or was cancelled. `detail: { entity, jobId, inserted, updated, unchanged, rejected, cancelled }`.
 *
 * @csspart base - The element's frame.
 * @csspart steps - The list of steps.
 * @csspart drop-zone - Where a file can be dropped.
 * @csspart table - Preview, mapping and problem tables.
 * @csspart progress - The progress bar.
 * @csspart report - The error-report download link.
 * @csspart message - Why nothing can be shown (no store, unknown entity).
 *
 * @cssproperty --kehu-import-wizard-background - Background. Default: the theme surface.
 * @cssproperty --kehu-import-wizard-color - Text colour. Default: the theme text.
 * @cssproperty --kehu-import-wizard-accent-color - Current step, primary buttons, progress, focus. Default: the theme accent.
 */
export class KehuImportWizard extends LitElement {
  static override styles = importWizardStyles;
  static override properties = {
    entity: { reflect: true },
    store: { attribute: false },
    locale: {},
    mode: {},
    key: {},
    batchSize: { attribute: 'batch-size', type: Number },
    noWorker: { attribute: 'no-worker', type: Boolean },
    view: { state: true },
  };

  /** Entity name, e.g. `customer`. */
  entity?: string;
  /** The store; when unset, the nearest `<kehu-store-provider>`'s. */
  store?: Store;
  /** UI locale (`zh-CN`, `en`); default: the nearest `lang`. */
  locale?: string;
  /** Initial mode: `insert` (default), `update` or `upsert`. */
  mode?: string;
  /** Initial key field for update/upsert (default: the entity's first unique field). */
  key?: string;
  /** Rows per atomic write; default 500. */
  batchSize?: number;
  /** Read files on the main thread (in chunks) instead of a Web Worker. */
  noWorker: boolean;
  private view: WizardView;

  private entities = new EntityController(this);
  private file?: File;
  private abort?: AbortController;
  private warnedMode?: string;
  private loadedFor?: string;

  constructor() {
    super();
    this.noWorker = false;
    this.view = { step: 'file', mode: 'insert', page: 0, mapping: [] };
  }

  private get locale_() {
    return uiLocale(this, this.locale);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') || changed.has('key')) {
      const mode = modes.includes(this.mode as ImportMode) ? (this.mode as ImportMode) : 'insert';
      if (this.mode && mode !== this.mode && this.warnedMode !== this.mode) {
        this.warnedMode = this.mode;
        console.warn(importText('en', 'badMode', { value: this.mode }));
      }
      this.view = { ...this.view, mode, key: this.key ?? this.view.key };
    }
    const entity = this.entities.entity;
    const tag = entity ? `${entity.name}` : undefined;
    if (tag && tag !== this.loadedFor && this.entities.store) {
      this.loadedFor = tag;
      this.view = { ...this.view, key: this.view.key ?? entity!.unique[0] };
      void this.findUnfinished();
    }
  }

  override render(): TemplateResult {
    const locale = this.locale_;
    const problem = this.entities.problem(locale);
    const entity = this.entities.entity;
    if (problem || !entity)
      return html`<div part="base" class="base"><p part="message" role="status">${problem ?? ''}</p></div>`;
    const current = this.view.step;
    return html`<section part="base" class="base" aria-labelledby="title">
      <h2 id="title">${importText(locale, 'title', { entity: localize(entity.pluralLabel, locale) })}</h2>
      <ol part="steps" class="steps" aria-label=${importText(locale, 'steps')}>
        ${steps.map(
          (s) => html`<li aria-current=${s === current ? 'step' : nothing}>${importText(locale, `step.${s}`)}</li>`,
        )}
      </ol>
      ${renderStep(this.view, { locale, entity, wizard: this })}
    </section>`;
  }

  /** Moves to a step (the steps' buttons call it). */
  go(step: Step): void {
    this.view = { ...this.view, step, error: undefined };
    if (step === 'mapping' || step === 'mode') void this.updateComplete.then(() => this.focusStep());
  }

  private focusStep(): void {
    this.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
  }

  /** Changes part of the view state. */
  set(patch: Partial<WizardView>): void {
    this.view = { ...this.view, ...patch };
  }

  /** A file was chosen or dropped: read its start (encoding, header, mapping). */
  async choose(file: File, encoding?: ImportEncoding, headerLine?: number): Promise<void> {
    const resume = this.view.resumeJob;
    this.file = file;
    this.set({ busy: importText(this.locale_, 'reading', { name: file.name }), error: undefined });
    try {
      if (resume && !(await this.sameFile(file, resume))) {
        this.set({ busy: undefined, error: importText(this.locale_, 'notSameFile') });
        return;
      }
      const entity = this.entities.entity!;
      const reader = await openRows(
        file,
        entity,
        {
          encoding: encoding ?? (resume?.encoding as ImportEncoding | undefined),
          headerLine: headerLine ?? resume?.headerLine,
          locale: this.locale_,
        },
        !this.noWorker,
      );
      reader.close();
      const info: FileInfo = reader.info;
      const mapping = resume
        ? info.headers.map((_, i) => resume.mapping[i]?.field ?? null)
        : await savedMapping(this.entities.store!, entity.name, info.headers);
      this.set({
        busy: undefined,
        info,
        mapping,
        where: reader.where,
        encoding,
        fileName: file.name,
        fileSize: file.size,
        check: undefined,
        result: undefined,
      });
      if (resume) {
        this.set({ mode: resume.mode, key: resume.key });
        await this.run();
      } else if (this.view.step === 'file') this.go('source');
    } catch (error) {
      this.set({ busy: undefined, error: importText(this.locale_, 'readFailed', { reason: messageOf(error) }) });
    }
  }

  /** Reads the file again with another encoding or header row. */
  reread(encoding: ImportEncoding | undefined, headerLine: number | undefined): void {
    if (this.file) void this.choose(this.file, encoding, headerLine);
  }

  private async sameFile(file: File, job: KehuRecord<ImportJobRecord>): Promise<boolean> {
    return file.name === job.fileName && file.size === job.fileSize && (await fileFingerprint(file)) === job.fileHash;
  }

  private options() {
    const { info, encoding } = this.view;
    // `validate`: rows are checked where they are read (the worker), so the page only sets them aside.
    return {
      encoding,
      headerLine: info!.headerLine,
      mapping: this.view.mapping,
      locale: this.locale_,
      validate: this.view.mode,
    };
  }

  /** Dry run: every row through the store's checks, nothing written. */
  async check(): Promise<void> {
    const store = this.entities.store!;
    const entity = this.entities.entity!;
    await saveMapping(store, entity.name, this.view.info!.headers, this.view.mapping);
    this.set({ step: 'check', check: undefined, page: 0, checking: 0, error: undefined });
    try {
      const reader = await openRows(this.file!, entity, this.options(), !this.noWorker);
      const check = await importRows(store, entity.name, reader.batches(), {
        headers: reader.info.headers,
        mapping: this.view.mapping,
        headerLine: reader.info.headerLine,
        mode: this.view.mode,
        key: this.view.mode === 'insert' ? undefined : this.view.key,
        dryRun: true,
        batchSize: this.batchSize,
        locale: this.locale_,
        onProgress: (p) => this.set({ checking: p.rowsDone }),
      });
      this.set({ check, checking: undefined });
    } catch (error) {
      this.set({ checking: undefined, error: importText(this.locale_, 'failed', { reason: messageOf(error) }) });
    }
  }

  /** The import itself, from the start or from an unfinished job's checkpoint. */
  async run(): Promise<void> {
    const store = this.entities.store!;
    const entity = this.entities.entity!;
    const { mode, key, resumeJob, check } = this.view;
    const rows = check ? check.rows - check.rejected.length : 0;
    const usedKey = mode === 'insert' ? undefined : key;
    if (!this.dispatchEvent(importStartEvent({ entity: entity.name, mode, key: usedKey, rows }))) return;
    this.abort = new AbortController();
    this.set({ step: 'run', progress: undefined, result: undefined, error: undefined });
    try {
      const reader = await openRows(this.file!, entity, this.options(), !this.noWorker);
      const total = this.file!.size;
      const result = await importRows(store, entity.name, reader.batches(), {
        headers: reader.info.headers,
        mapping: this.view.mapping,
        headerLine: reader.info.headerLine,
        mode,
        key: usedKey,
        batchSize: this.batchSize,
        signal: this.abort.signal,
        locale: this.locale_,
        resumeJob: resumeJob?.id,
        file: {
          name: this.file!.name,
          size: total,
          hash: await fileFingerprint(this.file!),
          encoding: reader.info.encoding?.encoding,
        },
        fraction: () => (total ? reader.bytesRead() / total : undefined),
        onProgress: (progress: ImportProgress) => this.set({ progress }),
      });
      this.finish(result);
    } catch (error) {
      this.set({ error: importText(this.locale_, 'failed', { reason: messageOf(error) }) });
    }
  }

  private finish(result: ImportResult): void {
    const entity = this.entities.entity!;
    this.set({ step: 'done', result, resumeJob: undefined, unfinished: undefined });
    this.dispatchEvent(
      importDoneEvent({
        entity: entity.name,
        jobId: result.jobId,
        inserted: result.inserted,
        updated: result.updated,
        unchanged: result.unchanged,
        rejected: result.rejected.length,
        cancelled: result.cancelled,
      }),
    );
  }

  /** Stops after the batch in flight; what was written stays and the job can be resumed. */
  cancel(): void {
    this.abort?.abort();
  }

  /** The rejected rows as CSV text, ready to fix and import again. */
  report(result: ImportResult): string {
    return errorReportCsv(result.headers, result.rejected, this.locale_);
  }

  /** Starts over with a new file. */
  reset(): void {
    this.file = undefined;
    this.view = { step: 'file', mode: this.view.mode, key: this.view.key, page: 0, mapping: [] };
    void this.findUnfinished();
  }

  private async findUnfinished(): Promise<void> {
    const store = this.entities.store;
    const entity = this.entities.entity;
    if (!store || !entity || !store.has(IMPORT_JOB_ENTITY)) return;
    try {
      const jobs = await store
        .entity<ImportJobRecord>(IMPORT_JOB_ENTITY)
        .find({ selector: { entity: entity.name, status: { $in: ['running', 'cancelled'] } } });
      const unfinished = jobs.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
      this.set({ unfinished });
    } catch {
      // Without permission to read jobs there is nothing to offer; the import itself still works.
    }
  }

  /** Offers to continue the unfinished job: the user chooses the same file again. */
  resumeWith(file: File): void {
    this.set({ resumeJob: this.view.unfinished });
    void this.choose(file);
  }

  /** Drops the unfinished job (what it wrote stays). */
  async discard(): Promise<void> {
    const job = this.view.unfinished;
    if (!job) return;
    await this.entities.store!.entity(IMPORT_JOB_ENTITY).patch(job.id, { status: 'failed' });
    this.set({ unfinished: undefined });
  }
}

const messageOf = (error: unknown) => String((error as Error)?.message ?? error);
