import type { LocalizedText } from '../entity/types.js';
import { KehuError, KehuValidationError } from '../errors/errors.js';
import { localize, type Locale } from '../i18n/locale.js';
import type { KehuRecord, Repository, Store } from '../store/types.js';
import { IMPORT_JOB_ENTITY, type ImportJobRecord } from './import-entities.js';
import { importTargets, type ColumnMapping } from './mapping.js';
import type { PreparedRow } from './prepare.js';
import { resolveReferences, valueAt } from './references.js';

export type ImportMode = 'insert' | 'update' | 'upsert';

/** One reason a row was not imported, at its file row and column. */
export interface ImportProblem {
  /** Row number in the file, as a spreadsheet shows it. */
  line: number;
  /** Header of the column at fault; absent for problems of the whole row (a missing required column). */
  column?: string;
  /** Field path at fault, when there is one. */
  field?: string;
  message: LocalizedText;
}

/** A row that was not imported: its cells as in the file and why. */
export interface RejectedRow {
  line: number;
  cells: string[];
  problems: ImportProblem[];
}

export interface ImportProgress {
  rowsDone: number;
  rowsPerSecond: number;
  /** Share of the file read (0–1), when the file size is known. */
  fraction?: number;
  secondsLeft?: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportRunOptions {
  headers: string[];
  mapping: ColumnMapping;
  headerLine: number;
  /** `insert` (default) adds records; `update` changes the records found by `key`; `upsert` does either. */
  mode?: ImportMode;
  /** Field that finds existing records (a unique field: code, VIN, resident ID…); required for update/upsert. */
  key?: string;
  /** Check every row as the store would, write nothing. */
  dryRun?: boolean;
  /** Rows per checkpoint of the job (and per reference/key lookup); default 500. Written 50 rows per atomic write. */
  batchSize?: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Share of the file read so far, for the time left. */
  fraction?: () => number | undefined;
  /** Continue this import job from its checkpoint (its `nextLine`) instead of starting a new job. */
  resumeJob?: string;
  /** What is known of the file, kept on the job so a resume can check it is the same file. */
  file?: { name?: string; size?: number; hash?: string; encoding?: string };
  locale?: Locale;
}

export interface ImportResult {
  dryRun: boolean;
  cancelled: boolean;
  jobId?: string;
  /** Data rows read in this run. */
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: RejectedRow[];
  headers: string[];
}

const text = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/**
 * Rows per storage write within a batch: the storage's synchronous put loop (structured clone and
 * index keys of every record) is the page's longest task during an import, so it is kept short.
 */
const WRITE_SIZE = 50;

async function* rebatch(batches: AsyncIterable<PreparedRow[]>, size: number, from: number) {
  let out: PreparedRow[] = [];
  for await (const batch of batches) {
    for (const row of batch) {
      if (row.line < from) continue;
      out.push(row);
      if (out.length >= size) {
        yield out;
        out = [];
      }
    }
  }
  if (out.length) yield out;
}

/**
 * Lets the page paint and handle input (a cancel click) between batches even when storage answers
 * in microtasks only (the memory storage), where a whole import would otherwise run in one task.
 */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Merges imported values over a stored record, one level deep for object fields (a bank account). */
function merge(existing: Record<string, unknown>, values: Record<string, unknown>): Record<string, unknown> {
  const out = { ...existing };
  for (const [key, value] of Object.entries(values)) {
    const old = out[key];
    out[key] =
      value && typeof value === 'object' && old && typeof old === 'object' && !Array.isArray(old)
        ? { ...old, ...value }
        : value;
  }
  return out;
}

/**
 * Imports prepared rows into the store in batches: each batch's valid rows go through one store
 * call (one lookup of existing ids, one unique check, one bulk write of change entries) that writes
 * them in atomic storage writes of WRITE_SIZE rows (a short task each, yielding to the page in
 * between), and the job's checkpoint moves past the batch afterwards. Rows that bring `issues`
 * (checked where they were read, in the import worker) are set aside with them; the store still
 * validates every write.
 * Record ids of inserted rows are derived from the job and the file row, so re-applying a batch after
 * an interruption finds its own records and changes nothing. With `dryRun` every row is checked by
 * the same path and nothing is written.
 */
export async function importRows(
  store: Store,
  entityName: string,
  batches: AsyncIterable<PreparedRow[]>,
  options: ImportRunOptions,
): Promise<ImportResult> {
  const repository = store.entity(entityName);
  const entity = repository.entity;
  const locale = options.locale ?? store.locale;
  const mode = options.mode ?? 'insert';
  const key = options.key;
  if (mode !== 'insert' && !key) {
    throw new KehuError(
      'import-key-missing',
      text(
        '更新或合并导入需要选择匹配字段（如编码）。',
        'Update and upsert imports need a key field (such as the code).',
      ),
      locale,
    );
  }
  const targets = importTargets(entity);
  const columnOf = (path: string) => {
    const index = options.mapping.indexOf(path);
    return index >= 0 ? options.headers[index] : undefined;
  };
  const jobs = store.entity<ImportJobRecord>(IMPORT_JOB_ENTITY);
  let job: KehuRecord<ImportJobRecord> | undefined;
  if (!options.dryRun) {
    job = options.resumeJob
      ? ((await jobs.get(options.resumeJob)) ?? undefined)
      : await jobs.insert({
          entity: entityName,
          status: 'running',
          mode,
          key,
          fileName: options.file?.name,
          fileSize: options.file?.size,
          fileHash: options.file?.hash,
          encoding: options.file?.encoding,
          headerLine: options.headerLine,
          mapping: options.headers.map((header, i) => ({ header, field: options.mapping[i] ?? undefined })),
          nextLine: options.headerLine + 1,
          inserted: 0,
          updated: 0,
          unchanged: 0,
          rejected: 0,
        });
    if (!job)
      throw new KehuError(
        'import-job-missing',
        text('找不到要继续的导入任务。', 'The import job to resume no longer exists.'),
        locale,
      );
    if (job.status !== 'running') job = await jobs.patch(job.id, { status: 'running' });
  }
  const result: ImportResult = {
    dryRun: Boolean(options.dryRun),
    cancelled: false,
    jobId: job?.id,
    rows: 0,
    inserted: job?.inserted ?? 0,
    updated: job?.updated ?? 0,
    unchanged: job?.unchanged ?? 0,
    rejected: [],
    headers: options.headers,
  };
  const seen = new Map<string, Map<unknown, number>>();
  // Codes of reference columns found so far (dictionaries repeat the same few codes on every row).
  const known = new Map<string, Map<string, string>>();
  const checkedFields = [...new Set([...(key ? [key] : []), ...entity.unique])];
  const started = Date.now();
  const idFor = (line: number) => `${job?.id ?? 'dry-run'}-${line.toString(36)}`;
  try {
    for await (const batch of rebatch(batches, options.batchSize ?? 500, job?.nextLine ?? 0)) {
      if (options.signal?.aborted) {
        result.cancelled = true;
        break;
      }
      const problems = new Map<number, ImportProblem[]>();
      const add = (index: number, problem: Omit<ImportProblem, 'line'>) =>
        problems.set(index, [...(problems.get(index) ?? []), { line: batch[index].line, ...problem }]);
      const refs = await resolveReferences(store, targets, batch, known);
      for (const [index, list] of refs)
        for (const p of list) add(index, { column: columnOf(p.path), field: p.path, message: p.message });
      const existing = await findExisting(repository, key, batch);
      batch.forEach((row, index) => {
        const keyValue = key ? valueAt(row.values, key) : undefined;
        const found = existing.get(String(keyValue));
        const label = key ? (entity.field(key.split('.'))?.label ?? text(key, key)) : undefined;
        if (key && label && keyValue === undefined && mode === 'update')
          add(index, {
            column: columnOf(key),
            field: key,
            message: text(
              `${label['zh-CN']}：为空，无法找到要更新的记录。`,
              `${label.en}: empty, so there is no record to update.`,
            ),
          });
        else if (key && label && mode === 'update' && !found)
          add(index, {
            column: columnOf(key),
            field: key,
            message: text(
              `${label['zh-CN']}：找不到「${keyValue}」对应的${entity.label['zh-CN']}。`,
              `${label.en}: no ${entity.label.en.toLowerCase()} has "${keyValue}".`,
            ),
          });
        else if (key && label && mode === 'insert' && found && found.id !== idFor(row.line))
          add(index, {
            column: columnOf(key),
            field: key,
            message: text(
              `${label['zh-CN']}：「${keyValue}」已存在，仅新增模式不会修改它。`,
              `${label.en}: "${keyValue}" already exists; insert mode does not change it.`,
            ),
          });
        for (const field of checkedFields) {
          const value = valueAt(row.values, field);
          if (value === undefined) continue;
          const lines = seen.get(field) ?? new Map<unknown, number>();
          seen.set(field, lines);
          const first = lines.get(value);
          if (first === undefined) lines.set(value, row.line);
          else {
            const fieldLabel = entity.field(field.split('.'))?.label ?? text(field, field);
            add(index, {
              column: columnOf(field),
              field,
              message: text(
                `${fieldLabel['zh-CN']}：「${value}」与文件第 ${first} 行重复。`,
                `${fieldLabel.en}: "${value}" repeats row ${first} of the file.`,
              ),
            });
          }
        }
      });
      // Rows of a batch that ran before (an interruption after its write) find their own records.
      // Only a resumed job can have any: a new job's ids are new, so its batches skip the lookup.
      const replayed = new Map(
        options.resumeJob
          ? (await repository.find({ selector: { id: { $in: batch.map((row) => idFor(row.line)) } } })).map((r) => [
              r.id,
              r,
            ])
          : [],
      );
      // Rows whose only fault is an unknown reference are still checked, so every problem is reported at once.
      const unresolved = new Set([...refs.keys()].filter((i) => problems.get(i)!.length === refs.get(i)!.length));
      const checkedRows = batch
        .map((row, index) => ({ row, index }))
        .filter(({ index }) => !problems.has(index) || unresolved.has(index));
      // Rows checked while being read (in the import worker) bring their problems: they are set
      // aside here, as the store would have refused them, without a round trip through it.
      for (const { row, index } of checkedRows)
        for (const issue of row.issues ?? []) {
          const path = issue.path.filter((p) => typeof p === 'string').join('.');
          add(index, { column: path ? columnOf(path) : undefined, field: path || undefined, message: issue.message });
        }
      const all = checkedRows
        .filter(({ row }) => !row.issues?.length)
        .map(({ row, index }) => {
          const found =
            (key ? existing.get(String(valueAt(row.values, key))) : undefined) ?? replayed.get(idFor(row.line));
          const record =
            found && (mode !== 'insert' || found.id === idFor(row.line))
              ? merge(found, row.values)
              : { ...row.values, id: idFor(row.line) };
          return { index, record };
        });
      // One store call per batch: one lookup of existing ids, one unique check and one bulk write
      // of change entries for the whole batch, while the records go to storage WRITE_SIZE at a time
      // with a pause for the page between writes, so no task of the page writes a whole batch. Each
      // write is atomic; a write that ran before an interruption is found again by its records' ids
      // (above) and changes nothing when the batch is re-applied.
      let candidates = all;
      // The store's own checks (validation, unique fields) decide; rows it names are set aside and the rest retried.
      for (let attempt = 0; candidates.length; attempt++) {
        try {
          const checking = candidates.some((c) => problems.has(c.index));
          const counts = await repository.bulkUpsert(
            candidates.map((c) => c.record),
            { dryRun: options.dryRun || checking, writeSize: WRITE_SIZE },
          );
          if (checking) {
            candidates = candidates.filter((c) => !problems.has(c.index));
            continue;
          }
          result.inserted += counts.inserted;
          result.updated += counts.updated;
          result.unchanged += counts.unchanged;
          break;
        } catch (error) {
          if (!(error instanceof KehuValidationError) || attempt > 5) throw error;
          const bad = new Set<number>();
          for (const issue of error.issues) {
            const candidate = issue.row === undefined ? undefined : candidates[issue.row];
            if (!candidate) throw error;
            const path = issue.path.filter((p) => typeof p === 'string').join('.');
            add(candidate.index, {
              column: path ? columnOf(path) : undefined,
              field: path || undefined,
              message: issue.message,
            });
            bad.add(issue.row!);
          }
          candidates = candidates.filter((_, i) => !bad.has(i));
        }
      }
      for (const [index, list] of problems)
        result.rejected.push({ line: batch[index].line, cells: batch[index].cells, problems: list });
      result.rows += batch.length;
      if (job)
        job = await jobs.patch(job.id, {
          nextLine: batch[batch.length - 1].line + 1,
          inserted: result.inserted,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: job.rejected + problems.size,
        });
      await yieldToEventLoop();
      const seconds = (Date.now() - started) / 1000;
      const fraction = options.fraction?.();
      options.onProgress?.({
        rowsDone: result.rows,
        rowsPerSecond: seconds > 0 ? result.rows / seconds : 0,
        fraction,
        secondsLeft: fraction && fraction > 0 && fraction < 1 ? (seconds * (1 - fraction)) / fraction : undefined,
        inserted: result.inserted,
        updated: result.updated,
        unchanged: result.unchanged,
        rejected: result.rejected.length,
      });
    }
    if (options.signal?.aborted) result.cancelled = true;
    if (job)
      await jobs.patch(
        job.id,
        result.cancelled ? { status: 'cancelled' } : { status: 'done', finishedAt: new Date().toISOString() },
      );
  } catch (error) {
    if (job) await jobs.patch(job.id, { status: 'failed' }).catch(() => undefined);
    throw error;
  }
  result.rejected.sort((a, b) => a.line - b.line);
  return result;
}

/** Stored records by key value (text), one indexed query per 500 values. */
async function findExisting(
  repository: Repository,
  key: string | undefined,
  rows: PreparedRow[],
): Promise<Map<string, KehuRecord>> {
  const out = new Map<string, KehuRecord>();
  if (!key) return out;
  const values = [...new Set(rows.map((r) => valueAt(r.values, key)).filter((v) => v !== undefined))];
  for (let i = 0; i < values.length; i += 500) {
    const chunk = values.slice(i, i + 500);
    for (const record of await repository.find({ selector: { [key]: { $in: chunk } } }))
      out.set(String(valueAt(record, key)), record);
  }
  return out;
}

/** A problem's message in one locale, prefixed by its row and column, as the error table shows it. */
export function problemText(problem: ImportProblem, locale: Locale): string {
  const where =
    locale === 'en'
      ? `Row ${problem.line}${problem.column ? `, column "${problem.column}"` : ''}`
      : `第 ${problem.line} 行${problem.column ? `「${problem.column}」列` : ''}`;
  return `${where}: ${localize(problem.message, locale)}`;
}
