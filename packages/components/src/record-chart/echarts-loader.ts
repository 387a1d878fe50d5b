import type { EChartsType } from 'echarts/core';

/** What the chart needs from ECharts once loaded. */
export interface ECharts {
  init: typeof import('echarts/core').init;
}

let loading: Promise<ECharts> | undefined;

/**
 * Loads ECharts the first time a chart is drawn, never at import: pages that define the element but
 * show no chart do not fetch it. Only the core, the bar, line and pie charts, the grid, tooltip and
 * legend components and the SVG renderer are loaded (SVG stays sharp at any zoom and its text is
 * real DOM; the chart is hidden from assistive technology either way — the table carries the data).
 */
export function loadECharts(): Promise<ECharts> {
  loading ??= (async () => {
    const [core, bar, line, pie, grid, tooltip, legend, svg] = await Promise.all([
      import('echarts/core'),
      import('echarts/lib/chart/bar/install.js'),
      import('echarts/lib/chart/line/install.js'),
      import('echarts/lib/chart/pie/install.js'),
      import('echarts/lib/component/grid/installSimple.js'),
      import('echarts/lib/component/tooltip/install.js'),
      import('echarts/lib/component/legend/installLegendScroll.js'),
      import('echarts/lib/renderer/installSVGRenderer.js'),
    ]);
    core.use([bar.install, line.install, pie.install, grid.install, tooltip.install, legend.install, svg.install]);
    return { init: core.init };
  })();
  // A failed load (offline, blocked) may succeed on the next chart.
  loading.catch(() => (loading = undefined));
  return loading;
}

export type { EChartsType };
