// The JSON Forms side of the peer measures (bench/README.md, rows 7 and 8): `@jsonforms/react` with
// the vanilla renderers and cells on React 19. Plain JavaScript, because the repo has no React
// types; bundled by esbuild (`build.mjs`) with React's production build, never shipped.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { JsonForms } from '@jsonforms/react';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';

export const name = 'JSON Forms';
export const version = '@jsonforms/react 3.8 + vanilla renderers, React 19';

/**
 * Renders `schema` (with `uischema`, or JSON Forms' generated one) holding `data` into `host`, with
 * its defaults (validate and show on every change; `validationMode` overrides that, for profiling).
 * Like the floor, `onChange` keeps the latest data.
 */
export function mount(host, { schema, uischema, data, validationMode }) {
  let current = data;
  const root = createRoot(host);
  const onChange = (event) => {
    current = event.data;
  };
  flushSync(() =>
    root.render(
      createElement(JsonForms, {
        schema,
        uischema,
        data,
        renderers: vanillaRenderers,
        cells: vanillaCells,
        onChange,
        // Left to JSON Forms' default ('ValidateAndShow') by the bench; 'NoValidation' splits its cost.
        validationMode,
      }),
    ),
  );
  return { data: () => current, unmount: () => root.unmount() };
}
