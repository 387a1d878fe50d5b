// The rjsf side of the peer measures (bench/README.md, rows 7 and 8): `@rjsf/core` 6 with the ajv 8
// validator on React 19, as an application would mount it. Plain JavaScript, because the repo has
// no React types; bundled by esbuild (`build.mjs`) with React's production build, never shipped.
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';

export const name = 'rjsf';
export const version = '@rjsf/core 6, @rjsf/validator-ajv8, React 19';

/**
 * Renders a form for `schema` holding `data` into `host`, with rjsf's defaults (no live
 * validation). Like the floor, the host's `onChange` keeps the latest data and nothing else.
 */
export function mount(host, { schema, data }) {
  let current = data;
  const root = createRoot(host);
  const onChange = (event) => {
    current = event.formData;
  };
  flushSync(() => root.render(createElement(Form, { schema, formData: data, validator, onChange })));
  return { data: () => current, unmount: () => root.unmount() };
}
