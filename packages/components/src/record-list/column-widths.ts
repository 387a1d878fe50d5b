import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FieldModel } from '@kehu/core';
import type { ResizeHandle } from './column-header.js';

/** What a column shows as its width before its header has been laid out once. */
const UNMEASURED = 120;

const keyOf = (field: FieldModel) => field.path.join('.');

/**
 * Column widths for the headers' resize handles: the width the user set, else the header's width as
 * a ResizeObserver last reported it. Measuring a header while rendering (`getBoundingClientRect`)
 * forced a synchronous style and layout of the whole list in every render — 7–9 ms once a new
 * list's first rows were in. The observer reports after the browser's own layout, and the list
 * renders again only when a handle's rounded width changed.
 */
export class ColumnWidths implements ReactiveController {
  private measured = new Map<string, number>();
  private observer: ResizeObserver | undefined;
  private observed = new WeakSet<Element>();

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    private widths: () => Record<string, number>,
    private setWidths: (widths: Record<string, number>) => void,
  ) {
    host.addController(this);
  }

  /** The handle each header's resize control reads and sets. */
  readonly handle: ResizeHandle = {
    width: (field) => this.widths()[keyOf(field)] || this.measured.get(keyOf(field)) || UNMEASURED,
    setWidth: (field, width) => this.setWidths({ ...this.widths(), [keyOf(field)]: width }),
  };

  hostUpdated(): void {
    const headers = this.host.shadowRoot?.querySelectorAll<HTMLElement>('[role="columnheader"][data-key]') ?? [];
    for (const header of headers) {
      if (this.observed.has(header)) continue;
      this.observed.add(header);
      (this.observer ??= new ResizeObserver((entries) => this.resized(entries))).observe(header);
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.observed = new WeakSet();
  }

  private resized(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      const key = (entry.target as HTMLElement).dataset.key;
      if (key === undefined || !entry.target.isConnected) continue;
      // The observer's own border-box size: no layout query (older engines without it measure).
      const width = entry.borderBoxSize?.[0]?.inlineSize ?? entry.target.getBoundingClientRect().width;
      if (Math.round(width) !== Math.round(this.measured.get(key) ?? -1)) changed = true;
      this.measured.set(key, width);
    }
    if (changed) this.host.requestUpdate();
  }
}
