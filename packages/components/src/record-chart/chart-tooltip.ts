/** The parts of an ECharts tooltip parameter the tooltip shows. */
export interface TooltipItem {
  name?: string;
  seriesName?: string;
  value?: unknown;
  color?: unknown;
  percent?: number;
}

/**
 * The tooltip's content as DOM nodes. ECharts' own tooltip markup is an HTML string full of
 * `style="…"` attributes, which a Content-Security-Policy without `'unsafe-inline'` refuses (and
 * reports); nodes built here get their few styles through the CSSOM, which CSP allows. Text is set
 * as text, so a category or series name is never read as HTML.
 */
export function tooltipContent(
  params: TooltipItem | TooltipItem[],
  format: (value: number | null) => string,
): HTMLElement {
  const items = Array.isArray(params) ? params : [params];
  const root = document.createElement('div');
  const heading = items[0]?.name;
  if (Array.isArray(params) && heading) {
    const title = root.appendChild(document.createElement('div'));
    title.textContent = heading;
    title.style.fontWeight = '600';
  }
  for (const item of items) {
    const row = root.appendChild(document.createElement('div'));
    row.style.display = 'flex';
    row.style.alignItems = 'center';
    row.style.gap = '0.5em';
    const swatch = row.appendChild(document.createElement('span'));
    swatch.setAttribute('aria-hidden', 'true');
    Object.assign(swatch.style, { width: '0.6em', height: '0.6em', borderRadius: '50%', flex: 'none' });
    if (typeof item.color === 'string') swatch.style.background = item.color;
    const label = Array.isArray(params) ? item.seriesName : item.name;
    const value = typeof item.value === 'number' ? item.value : null;
    const percent = typeof item.percent === 'number' ? ` (${item.percent}%)` : '';
    row.append(`${label ? `${label}: ` : ''}${format(value)}${percent}`);
  }
  return root;
}
