// ECharts ships types for its entry points only. The chart loads single install modules instead of
// `echarts/charts` and `echarts/components`, so unbundled hosts (the dev server, import maps) fetch
// just the bar, line and pie code rather than every chart type; each module exports one installer
// (ECharts' `EChartsExtensionInstaller`, which its entry points do not export by name).
declare module 'echarts/lib/*/install.js' {
  export const install: Extract<Parameters<typeof import('echarts/core').use>[0], (...args: never[]) => unknown>;
}
declare module 'echarts/lib/component/grid/installSimple.js' {
  export const install: Extract<Parameters<typeof import('echarts/core').use>[0], (...args: never[]) => unknown>;
}
declare module 'echarts/lib/component/legend/installLegendScroll.js' {
  export const install: Extract<Parameters<typeof import('echarts/core').use>[0], (...args: never[]) => unknown>;
}
declare module 'echarts/lib/renderer/installSVGRenderer.js' {
  export const install: Extract<Parameters<typeof import('echarts/core').use>[0], (...args: never[]) => unknown>;
}
