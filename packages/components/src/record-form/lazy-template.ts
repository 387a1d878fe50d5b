import { nothing } from 'lit';
import { until } from 'lit/directives/until.js';

/**
 * Draws with a module loaded on first use: `placeholder` until it arrives, then what `draw` returns, and
 * from then on synchronously (the same template, so Lit updates it in place). For parts of an
 * element only some users reach (a panel, a rare widget), so hosts do not download them up front.
 * A failed load is tried again on the next draw.
 */
export function lazily<M>(load: () => Promise<M>): (draw: (module: M) => unknown, placeholder?: unknown) => unknown {
  let module: M | undefined;
  let loading: Promise<M> | undefined;
  return (draw, placeholder = nothing) => {
    if (module) return draw(module);
    loading ??= load().then(
      (loaded) => (module = loaded),
      (error: unknown) => {
        loading = undefined;
        console.warn('kehu: could not load part of an element', error);
        return Promise.reject(error);
      },
    );
    return until(
      loading.then(draw, () => placeholder),
      placeholder,
    );
  };
}
