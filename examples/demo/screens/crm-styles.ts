/**
 * Layout of the CRM screens (parameters, dictionaries, follow-ups, lost customers, levels,
 * pipeline analysis, segments). The demo runs under a strict CSP (`style-src 'self'`), which
 * refuses `style` attributes in markup; a constructed stylesheet adopted by the document is
 * allowed, and keeps these screens' look next to their code.
 */
const css = `
.crm-panel { background: #fff; border: 1px solid #d9e2ec; border-radius: 6px; padding: 0.75rem 1rem; min-width: 0; }
.crm-panel-narrow { max-width: 60rem; }
.crm-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: 1rem; align-items: start; }
.crm-grid-charts { grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); }
.crm-grid-wide { grid-template-columns: repeat(auto-fit, minmax(30rem, 1fr)); }
.crm-split { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
.crm-split-form { display: grid; grid-template-columns: minmax(18rem, 2fr) minmax(0, 3fr); gap: 1rem; align-items: start; }
.crm-gap { margin-top: 1rem; }
.crm-gap-large { margin-top: 1.5rem; }
.crm-note { color: #5f6673; margin: 0 0 0.75rem; }
.crm-title { font-size: 1.25rem; margin-top: 0; }
.crm-subtitle { font-size: 1.1rem; }
.crm-toolbar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin-bottom: 0.75rem; }
.crm-actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
.crm-field { display: grid; gap: 0.25rem; margin-bottom: 0.75rem; }
.crm-number { width: 8rem; }
.crm-list { height: 28rem; }
.crm-list-short { height: 24rem; }
.crm-list-tall { height: calc(100vh - 20rem); min-height: 20rem; }
.crm-tabs { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0 0 0.75rem; }
.crm-tabs a[aria-current='page'] { font-weight: 600; }
.crm-table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
.crm-table caption { text-align: start; font-weight: 600; padding-bottom: 0.5rem; }
.crm-table th, .crm-table td { padding: 0.25rem 0.5rem; border-bottom: 1px solid #d9e2ec; text-align: end; white-space: nowrap; }
.crm-table th:first-child { text-align: start; }
.crm-table tbody th { font-weight: normal; }
.crm-bar { display: inline-block; height: 0.6rem; margin-inline-start: 0.5rem; background: #3b6fb6; vertical-align: middle; }
`;

let sheet: CSSStyleSheet | undefined;

/** Adds the CRM screens' stylesheet to the document once. */
export function adoptCrmStyles(root: Document = document): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** Sets the width of each `.crm-bar[data-share]` (0–1) through the CSSOM, which the CSP allows. */
export function sizeBars(host: ParentNode, fullWidthRem = 6): void {
  for (const bar of host.querySelectorAll<HTMLElement>('.crm-bar[data-share]')) {
    const share = Math.max(0, Math.min(1, Number(bar.dataset.share) || 0));
    bar.style.width = `${(share * fullWidthRem).toFixed(2)}rem`;
  }
}
