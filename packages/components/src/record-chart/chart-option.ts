import type { EChartsCoreOption } from 'echarts/core';
import type { ChartModel } from './chart-model.js';
import type { ChartType } from './chart-spec.js';
import { tooltipContent, type TooltipItem } from './chart-tooltip.js';

/** Theme colours resolved from the element's CSS (ECharts draws with concrete colours, not CSS variables). */
export interface ChartColors {
  text: string;
  muted: string;
  border: string;
  surface: string;
  /** Series colours, the accent first. */
  palette: string[];
}

/** Series colours after the accent, chosen to stay apart from each other on light and on dark surfaces. */
export const lightPalette = [
  '#0f9d58',
  '#f28c28',
  '#9c4dcc',
  '#0891b2',
  '#db2777',
  '#a16207',
  '#4b5563',
  '#65a30d',
  '#dc2626',
];
export const darkPalette = [
  '#5fd38d',
  '#ffb15c',
  '#c79bf2',
  '#4fd1e8',
  '#f58bbd',
  '#e3b341',
  '#b4bcc8',
  '#a3e635',
  '#ff8a80',
];

/** Whether an `rgb(r, g, b)` colour is dark, to pick the palette that reads on it. */
export function isDark(color: string): boolean {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? ['255', '255', '255']).map(Number);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}

/**
 * The ECharts option for a chart model. Formatting stays with the caller's Intl formatters so the
 * chart, its tooltip and its table show the same numbers.
 */
export function chartOption(
  type: ChartType,
  model: ChartModel,
  colors: ChartColors,
  format: (value: number | null) => string,
  compact: (value: number | null) => string,
): EChartsCoreOption {
  const base = {
    animationDuration: 300,
    color: colors.palette,
    backgroundColor: 'transparent',
    textStyle: { color: colors.text, fontFamily: 'inherit' },
    tooltip: {
      trigger: type === 'pie' ? 'item' : 'axis',
      // DOM content and no arrow (confined): ECharts' HTML markup carries inline styles a strict CSP refuses.
      formatter: (params: TooltipItem | TooltipItem[]) => tooltipContent(params, format),
      confine: true,
      backgroundColor: colors.surface,
      borderColor: colors.border,
      textStyle: { color: colors.text },
    },
  };
  const legend = (position: 'top' | 'bottom') => ({
    type: 'scroll',
    [position]: 0,
    textStyle: { color: colors.text },
    pageTextStyle: { color: colors.muted },
    pageIconColor: colors.text,
    pageIconInactiveColor: colors.border,
  });

  if (type === 'pie') {
    const [series] = model.series;
    const data = model.categories
      .map((name, i) => ({ name, value: series?.values[i] ?? null }))
      .filter((d): d is { name: string; value: number } => d.value !== null && d.value > 0);
    return {
      ...base,
      legend: legend('bottom'),
      series: [
        {
          type: 'pie',
          name: series?.name,
          radius: ['30%', '58%'],
          center: ['50%', '45%'],
          data,
          label: { color: colors.text, formatter: '{b}\n{d}%', lineHeight: 16 },
          labelLine: { lineStyle: { color: colors.muted } },
          itemStyle: { borderColor: colors.surface, borderWidth: 2 },
        },
      ],
    };
  }

  const several = model.series.length > 1;
  return {
    ...base,
    legend: several ? legend('top') : undefined,
    // Shrink the plot so axis labels (long money values, category names) stay inside the box.
    grid: {
      left: 8,
      right: 16,
      top: several ? 40 : 16,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: {
      type: 'category',
      data: model.categories,
      axisLabel: { color: colors.muted, hideOverlap: true },
      axisLine: { lineStyle: { color: colors.border } },
      axisTick: { lineStyle: { color: colors.border } },
    },
    yAxis: {
      type: 'value',
      axisLabel: { color: colors.muted, formatter: (value: number) => compact(value) },
      splitLine: { lineStyle: { color: colors.border, type: 'dashed' } },
    },
    series: model.series.map((s) => ({
      type,
      name: s.name,
      data: s.values,
      ...(type === 'line' ? { connectNulls: false, showSymbol: s.values.length <= 60 } : { barMaxWidth: 48 }),
    })),
  };
}
