import { nothing } from 'lit';
import { until } from 'lit/directives/until.js';
import { loadOnce } from './load-once.js';

/**
 * Draws with a module loaded on first use: `placeholder` until it arrives, then what `draw` returns, and
 * from then on synchronously (the same template, so Lit updates it in place). For parts of an
 * element only some users reach (a panel, a rare widget), so hosts do not download them up front.
 * A failed load is tried again on the next draw.
 */
export function lazily<M>(load: () => Promise<M>): (draw: (module: M) => unknown, placeholder?: unknown) => unknown {
  let module: M | undefined;
  const loaded = loadOnce(() => load().then((m) => (module = m)), 'part of an element');
  return (draw, placeholder = nothing) => {
    if (module) return draw(module);
    return until(
      loaded().then(draw, () => placeholder),
      placeholder,
    );
  };
}
