import type { ValidationIssue } from '@kehu/core';

/** A key chain from the record root, e.g. `['lines', 2, 'quantity']`. */
export type FieldPath = (string | number)[];

/** The listener key of everything that shows issue counts (tab badges). */
export const ISSUES = '["#issues"]';

/** One string per path, for maps and listeners. */
export function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

/** A DOM id for the input at `path`, stable across renders so `aria-describedby` keeps pointing right. */
export function fieldId(path: FieldPath): string {
  return 'field-' + path.map((segment) => String(segment).replace(/[^\w-]/g, '_')).join('-');
}

/** The value at `path`, or undefined. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let node: unknown = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Sets (or, for `undefined`, removes) the value at `path`, creating objects and arrays on the way. */
export function setValueAt(root: Record<string, unknown>, path: FieldPath, value: unknown): void {
  let node: Record<string | number, unknown> = root;
  for (let i = 0; i < path.length - 1; i++) {
    const segment = path[i];
    let next = node[segment];
    if (next === null || typeof next !== 'object') {
      next = typeof path[i + 1] === 'number' ? [] : {};
      node[segment] = next;
    }
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = value;
}

/**
 * The record as it goes to validation and the store: a deep copy without absent values, so an
 * emptied optional input is missing rather than `''`, and an emptied nested object disappears.
 */
export function candidateOf(value: unknown): unknown {
  // An added but empty list entry is not a value; empty line-item rows stay `{}` so their required cells complain.
  if (Array.isArray(value)) return value.map(candidateOf).filter((item) => item !== undefined);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const clean = candidateOf(child);
      if (clean !== undefined) out[key] = clean;
    }
    return out;
  }
  return value;
}

/**
 * What the form is editing: the values in a plain object (no re-render on a keystroke), the issues
 * per field, and listeners so a single field can re-render itself when its own issues change.
 */
export class FormState {
  /** The record being edited. Inputs write here directly. */
  values: Record<string, unknown> = {};
  private issues = new Map<string, ValidationIssue[]>();
  /** Fields that have shown an error: they re-validate on every change. */
  private shown = new Set<string>();
  private listeners = new Map<string, Set<() => void>>();
  /** Paths that have a field on screen, so issues elsewhere go to the summary. */
  private rendered = new Map<string, number>();
  /** Paths of fields that show their descendants' issues themselves (line items). */
  private containers = new Map<string, number>();

  /** Starts over with `values` (copied) and no issues. */
  reset(values: Record<string, unknown>): void {
    this.values = structuredClone(values);
    this.issues.clear();
    this.shown.clear();
  }

  get(path: FieldPath): unknown {
    return valueAt(this.values, path);
  }

  set(path: FieldPath, value: unknown): void {
    setValueAt(this.values, path, value);
  }

  /** The issues shown under the field at `path`. */
  issuesAt(path: FieldPath): ValidationIssue[] {
    return this.issues.get(pathKey(path)) ?? [];
  }

  /** Whether the field at `path` has shown an error since the last reset. */
  hasShownError(path: FieldPath): boolean {
    return this.shown.has(pathKey(path));
  }

  /** Replaces every issue; re-renders only the fields whose issues changed. */
  setIssues(issues: ValidationIssue[]): void {
    const next = new Map<string, ValidationIssue[]>();
    for (const issue of issues) {
      const key = pathKey(issue.path);
      next.set(key, [...(next.get(key) ?? []), issue]);
    }
    const changed = new Set([...this.issues.keys(), ...next.keys()]);
    this.issues = next;
    for (const key of next.keys()) this.shown.add(key);
    this.notifyChanged(changed);
  }

  /** Re-renders the fields whose issues changed, the fields holding them, and the issue badges. */
  private notifyChanged(keys: Iterable<string>): void {
    const all = new Set<string>();
    for (const key of keys) {
      const path = JSON.parse(key) as FieldPath;
      for (let i = 1; i <= path.length; i++) all.add(pathKey(path.slice(0, i)));
    }
    for (const key of all) this.notify(key);
    this.notify(ISSUES);
  }

  /** Issues below `path` (not at it), with paths relative to it: `[2, 'quantity']` under `['lines']`. */
  issuesUnder(path: FieldPath): { path: FieldPath; message: ValidationIssue['message'] }[] {
    const prefix = pathKey(path).slice(0, -1) + ',';
    return [...this.issues.entries()]
      .filter(([key]) => key.startsWith(prefix))
      .flatMap(([, list]) => list.map((issue) => ({ path: issue.path.slice(path.length), message: issue.message })));
  }

  /** Every issue's path. */
  issuePaths(): FieldPath[] {
    return [...this.issues.keys()].map((key) => JSON.parse(key) as FieldPath);
  }

  /** Replaces the issues of one field, keeping everyone else's. */
  setIssuesAt(path: FieldPath, issues: ValidationIssue[]): void {
    const key = pathKey(path);
    if (issues.length) {
      this.issues.set(key, issues);
      this.shown.add(key);
    } else this.issues.delete(key);
    this.notifyChanged([key]);
  }

  /** Drops the issues at `path` and below (rows moved: their issues no longer point right). */
  clearIssuesUnder(path: FieldPath): void {
    const prefix = pathKey(path).slice(0, -1);
    for (const key of [...this.issues.keys()]) {
      if (key.startsWith(prefix)) {
        this.issues.delete(key);
        this.shown.delete(key);
      }
    }
  }

  /** Every issue, in order, and whether a field on screen shows it. */
  allIssues(): { issue: ValidationIssue; onScreen: boolean }[] {
    return [...this.issues.entries()].flatMap(([key, list]) =>
      list.map((issue) => ({ issue, onScreen: key !== '[]' && this.isOnScreen(issue.path) })),
    );
  }

  private isOnScreen(path: FieldPath): boolean {
    if ((this.rendered.get(pathKey(path)) ?? 0) > 0) return true;
    for (let i = 1; i < path.length; i++) if ((this.containers.get(pathKey(path.slice(0, i))) ?? 0) > 0) return true;
    return false;
  }

  /**
   * A field at `path` is on screen until the returned function is called. A `container` shows the
   * issues of everything below it itself (line items), so those do not go to the summary.
   */
  attach(path: FieldPath, listener: () => void, container = false): () => void {
    const key = pathKey(path);
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    const counts = container ? this.containers : this.rendered;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return () => {
      set.delete(listener);
      counts.set(key, (counts.get(key) ?? 1) - 1);
    };
  }

  /** Re-renders the field at `path` (and only it). */
  notify(key: string | FieldPath): void {
    const k = typeof key === 'string' ? key : pathKey(key);
    for (const listener of this.listeners.get(k) ?? []) listener();
  }
}
