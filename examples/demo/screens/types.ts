import type { Entity, Locale, Store } from '@kehu/core';

/** What a demo screen gets each time it is shown or the language changes. */
export interface ScreenContext {
  store: Store;
  /** The loaded entities, archives first. */
  entities: Entity[];
  locale: Locale;
  /** Route parts after the screen id: `#screen/customer-360/cus-000001` gives `['cus-000001']`. */
  params: string[];
  /** Goes to another route, e.g. `customer/cus-000001` or `screen/kanban`. */
  navigate(hash: string): void;
  /**
   * Aborted when the screen is taken down (its elements removed for another screen). Async work a
   * render starts checks it after each `await` before touching `host`, which may by then hold
   * another screen's elements. Absent where the screen is never taken down (tests).
   */
  signal?: AbortSignal;
}

/**
 * One realistic CRM screen of the demo, assembled from Kehu elements the way a host portal would.
 * Add one by writing `screens/<id>.ts` and listing it in `screens/index.ts`.
 */
export interface DemoScreen {
  /** Route id: the screen is shown at `#screen/<id>`. */
  id: string;
  /** Navigation label. */
  label: Record<Locale, string>;
  /**
   * Builds or refreshes the screen inside `host` (an empty element the first time; the same element
   * with the previous content on later calls, so a screen may keep its elements and only update them).
   */
  render(host: HTMLElement, context: ScreenContext): void;
}
