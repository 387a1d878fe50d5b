import { css } from 'lit';
import { theme } from '../styles/theme.js';
import { visuallyHidden } from '../styles/visually-hidden.js';

export const recordChartStyles = [
  theme,
  visuallyHidden,
  css`
    :host {
      display: block;
      --_color: var(--kehu-record-chart-color, var(--_kehu-text));
      --_muted: var(--kehu-record-chart-muted-color, var(--_kehu-muted));
      --_border: var(--kehu-record-chart-border-color, var(--_kehu-border));
      --_background: var(--kehu-record-chart-background, var(--_kehu-surface));
      --_accent: var(--kehu-record-chart-accent-color, var(--_kehu-accent));
    }
    .base {
      position: relative;
      margin: 0;
      padding: 0.75rem;
      box-sizing: border-box;
      background: var(--_background);
      color: var(--_color);
      border: 1px solid var(--_border);
      border-radius: var(--kehu-record-chart-border-radius, var(--_kehu-radius));
    }
    .header {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5rem;
      margin-bottom: 0.5rem;
    }
    .heading {
      font-weight: 600;
    }
    .toggle {
      font: inherit;
      font-size: 0.875em;
      color: var(--_color);
      background: transparent;
      border: 1px solid var(--_border);
      border-radius: var(--_kehu-radius);
      padding: 0.125rem 0.5rem;
      cursor: pointer;
    }
    .toggle[aria-pressed='true'] {
      background: var(--kehu-color-selected, var(--_kehu-selected));
    }
    .toggle:focus-visible {
      outline: 2px solid var(--kehu-record-chart-focus-color, var(--_kehu-accent));
      outline-offset: 2px;
    }
    .chart {
      height: var(--kehu-record-chart-height, 18rem);
      min-height: 8rem;
    }
    .chart.idle {
      display: none;
    }
    table {
      width: 100%;
      margin-top: 0.5rem;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 0.25rem 0.5rem;
      border-bottom: 1px solid var(--_border);
      text-align: start;
    }
    td {
      text-align: end;
    }
    thead th {
      color: var(--_muted);
      font-weight: 600;
    }
    thead th:not(:first-child) {
      text-align: end;
    }
    .empty,
    .status {
      color: var(--_muted);
      margin: 1rem 0;
      text-align: center;
    }
    .message {
      color: var(--kehu-record-chart-error-color, var(--_kehu-danger));
      margin: 0.5rem 0;
    }
    /* Resolves the theme into concrete colours for ECharts, which cannot read CSS variables. */
    .probe {
      position: absolute;
      width: 0;
      height: 0;
      overflow: hidden;
      color: var(--_color);
      background-color: var(--_background);
      border-top: 0 solid var(--_border);
      border-bottom: 0 solid var(--_muted);
      outline: 0 solid var(--_accent);
    }
  `,
];
