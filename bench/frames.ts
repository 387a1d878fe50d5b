/**
 * Frame timing for the element measures: frame-to-frame times while scrolling, and per key the time
 * from the key event to the painted frame that shows its effect.
 */

/** The `p`th percentile (0–100) of some samples, nearest-rank; NaN without samples. */
export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Resolves at the start of the next frame (in its `requestAnimationFrame` callbacks). */
export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** Checks `find` once per frame until it returns something; throws naming `what` after `timeoutMs`. */
export async function until<T>(find: () => T | null | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (performance.now() - start > timeoutMs) throw new Error(`${what} did not appear within ${timeoutMs} ms`);
    await nextFrame();
  }
}

/**
 * Called in a `requestAnimationFrame` callback: resolves in the first task after that frame, i.e.
 * once its style, layout and paint are done (a message posted now runs after the rendering steps).
 */
export function endOfFrame(): Promise<void> {
  return new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });
}

/** Resolves once the next frame has been painted. */
export async function afterPaint(): Promise<void> {
  await nextFrame();
  await endOfFrame();
}

/** Waits `frames` frames. */
export async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await nextFrame();
}

/**
 * Records the time between consecutive animation frames while running: a frame that took longer
 * than the display's interval (16.7 ms at 60 Hz) means the main thread was busy — scrolling jank.
 */
export class FrameRecorder {
  readonly deltas: number[] = [];
  private last: number | undefined;
  private running = true;
  private readonly onFrame?: () => void;

  /** `onFrame` runs in every frame (e.g. to count rows in the DOM); keep it cheap: it is inside the measure. */
  constructor(onFrame?: () => void) {
    this.onFrame = onFrame;
    requestAnimationFrame(this.tick);
  }

  private tick = (time: number): void => {
    if (!this.running) return;
    if (this.last !== undefined) this.deltas.push(time - this.last);
    this.last = time;
    this.onFrame?.();
    requestAnimationFrame(this.tick);
  };

  stop(): number[] {
    this.running = false;
    return this.deltas;
  }
}

/** One key's times, in milliseconds from the key event's own timestamp. */
export interface KeyTiming {
  key: string;
  /** To the end of its handlers and the element updates they caused, with style and layout forced. */
  work: number;
  /** To the end of the next painted frame after those updates. */
  frame: number;
}

/**
 * Times every key the harness sends (puppeteer's `keyboard.press`, i.e. real key events through the
 * DevTools protocol). Starts at `keydown.timeStamp`, so time the event waited for a busy main
 * thread counts. `work` ends in a window-level bubbling `keydown`/`input` listener, which runs after
 * the element's own handlers and the microtasks they queued (Lit updates), with layout then forced;
 * `frame` ends after the next frame once `settle()` says every element is up to date.
 */
export class KeyTimer {
  private pending: Promise<KeyTiming> | undefined;
  private workEnd = 0;
  private start = 0;

  constructor(
    /** The elements that may update after a key; awaited before the frame is counted. */
    private readonly elements: () => Element[],
  ) {
    window.addEventListener('keydown', this.onKeyStart, { capture: true });
    window.addEventListener('keydown', this.onHandled);
    window.addEventListener('input', this.onHandled);
  }

  private onKeyStart = (event: KeyboardEvent): void => {
    this.start = event.timeStamp;
    this.workEnd = performance.now();
    const key = event.key;
    this.pending = (async () => {
      // Registered during the key's task, so it runs after every handler and microtask of that task.
      await nextFrame();
      await this.settled();
      await endOfFrame();
      return { key, work: this.workEnd - this.start, frame: performance.now() - this.start };
    })();
  };

  /** After the element's handlers (and the Lit updates they queued, drained before this listener). */
  private onHandled = (): void => {
    for (const element of this.elements()) element.getBoundingClientRect();
    this.workEnd = performance.now();
  };

  /** In a frame's callbacks: waits for updates still pending, a frame at a time (normally none are). */
  private async settled(): Promise<void> {
    for (let round = 0; round < 10; round++) {
      const busy = this.elements().filter((e) => (e as Partial<{ isUpdatePending: boolean }>).isUpdatePending);
      if (!busy.length) return;
      await Promise.all(busy.map((e) => (e as unknown as { updateComplete: Promise<unknown> }).updateComplete));
      await nextFrame();
    }
  }

  /** The timing of the last key sent; rejects if no key arrived. */
  async last(): Promise<KeyTiming> {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) throw new Error('no keydown reached the page: is an element focused?');
    return pending;
  }

  dispose(): void {
    window.removeEventListener('keydown', this.onKeyStart, { capture: true });
    window.removeEventListener('keydown', this.onHandled);
    window.removeEventListener('input', this.onHandled);
  }
}
