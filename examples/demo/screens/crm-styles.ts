/**
 * Layout of the demo's screens (archives, documents, prices, insurance, pipeline, dashboards, CRM
 * parameters, dictionaries, follow-ups, lost customers, levels, segments, import, data quality).
 * The demo runs under a strict CSP (`style-src 'self'`, no `unsafe-inline`), which refuses `style`
 * attributes in markup; a constructed stylesheet adopted by the document is allowed, and keeps the
 * screens' look next to their code (and in their browser tests, which load no demo.css). Values
 * known only at run time go through the CSSOM (`el.style.x = …`), which the CSP allows too.
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
.crm-stack { display: grid; gap: 1rem; min-width: 0; }
.crm-split-entry { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 5fr); gap: 1rem; align-items: start; }
.crm-split-side { display: grid; grid-template-columns: minmax(0, 2fr) minmax(18rem, 1fr); gap: 1rem; align-items: start; }
.crm-grid-due { grid-template-columns: repeat(auto-fit, minmax(26rem, 1fr)); }
.crm-grid-insurance { grid-template-columns: repeat(auto-fit, minmax(28rem, 1fr)); }
.crm-page-title { font-size: 1.375rem; margin: 0 0 0.75rem; }
.crm-heading { font-size: 1.25rem; }
.crm-heading-small { font-size: 1.125rem; }
.crm-heading-minor { font-size: 1rem; }
.crm-side-heading { font-size: 1.125rem; margin: 0 0 0.5rem; }
.crm-flush { margin: 0; }
.crm-line { margin: 0 0 0.5rem; }
.crm-inline-note { margin: 0; color: #5f6673; }
.crm-hint { color: #52606d; margin-top: 0; }
.crm-price-note { margin: 0 0 0.5rem; color: #52606d; }
.crm-gap-small { margin-top: 0.5rem; }
.crm-result { margin-top: 0.75rem; }
.crm-picker-bar { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; margin-bottom: 1rem; }
.crm-picker-wide { min-width: 22rem; }
.crm-heading-bar { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1rem; }
.crm-fields { display: flex; gap: 1rem; flex-wrap: wrap; align-items: end; }
.crm-query { display: flex; gap: 0.75rem; flex-wrap: wrap; align-items: end; }
.crm-form-stack { display: grid; gap: 0.75rem; }
.crm-label { display: grid; gap: 0.25rem; }
.crm-inline-label { display: flex; gap: 0.5rem; align-items: center; }
.crm-buttons { display: flex; gap: 0.5rem; }
.crm-days { width: 6rem; }
.crm-claim-fields { display: grid; gap: 0.5rem; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); }
.crm-moves { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
.crm-reopen { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
.crm-workflow-bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin: 0 0 0.75rem; }
.crm-reason { display: grid; gap: 0.125rem; flex: 1 1 14rem; }
.crm-steps { margin: 0; padding-left: 1.25rem; }
.crm-kanban { --kehu-record-kanban-height: 34rem; margin-top: 0.75rem; }
.crm-list-vehicles { height: calc(100vh - 12rem); }
.crm-list-documents { height: calc(100vh - 14rem); }
.crm-list-prices { height: 22rem; }
.crm-list-claims { height: 18rem; }
.crm-list-tracking { height: 14rem; }
.crm-results { width: 100%; border-collapse: collapse; }
.crm-results td { border-top: 1px solid #d9e2ec; padding: 0.25rem; }
.crm-data-table { border-collapse: collapse; width: 100%; }
.crm-data-table th, .crm-data-table td { padding: 0.25rem 0.5rem; border-bottom: 1px solid #e5e9f0; text-align: start; }
.crm-price { font-size: 1.5rem; margin: 0; }
.crm-rule { margin: 0.25rem 0; }
.crm-explanation { margin: 0.25rem 0; color: #52606d; }
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
