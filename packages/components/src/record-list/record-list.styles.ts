import { css } from 'lit';
import { visuallyHidden } from '../styles/visually-hidden.js';
import { theme } from '../styles/theme.js';

const ownStyles = css`
  :host {
    display: block;
    height: var(--kehu-record-list-height, 24rem);
    color: var(--kehu-record-list-color, var(--_kehu-text));
    font: inherit;
  }

  .base {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    height: 100%;
    border: 1px solid var(--kehu-record-list-border-color, var(--_kehu-border));
    border-radius: var(--kehu-record-list-border-radius, var(--_kehu-radius));
    background: var(--kehu-record-list-background, var(--_kehu-surface));
    overflow: hidden;
  }

  .toolbar {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--kehu-record-list-border-color, var(--_kehu-border));
  }
  .search {
    flex: 1;
    min-width: 0;
    max-width: 24rem;
    padding: 0.375rem 0.5rem;
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--kehu-record-list-border-color, var(--_kehu-border));
    border-radius: 4px;
  }
  .count {
    margin-inline-start: auto;
    color: var(--kehu-record-list-muted-color, var(--_kehu-muted));
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  .table {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  .table:not(:has(.body)) {
    flex: none;
  }
  .header,
  .body {
    /* Same gutter on both, so header columns line up with cells beside the rows' scrollbar. */
    scrollbar-gutter: stable;
  }
  .header {
    overflow: hidden;
    background: var(--kehu-record-list-header-background, var(--_kehu-surface-alt));
    border-bottom: 1px solid var(--kehu-record-list-border-color, var(--_kehu-border));
  }
  .header-row,
  .row {
    display: grid;
    grid-template-columns: var(--kehu-record-list-columns, var(--kehu-record-list-default-columns));
    align-items: center;
  }
  .header-cell {
    min-width: 0;
    font-weight: 600;
  }
  .header-cell:not(:has(button)) {
    padding: 0.5rem 0.75rem;
  }
  .sort-button {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    width: 100%;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: inherit;
    text-align: start;
    background: none;
    border: 0;
    cursor: pointer;
  }
  .sort-button .label {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .sort-indicator {
    font-size: 0.7em;
  }

  .body {
    flex: 1;
    min-height: 0;
  }
  .row {
    box-sizing: border-box;
    width: 100%;
    height: var(--kehu-record-list-row-height, 2.5rem);
    border-bottom: 1px solid var(--kehu-record-list-border-color, var(--_kehu-border));
    cursor: pointer;
  }
  .row:hover {
    background: var(--kehu-record-list-row-hover-background, var(--_kehu-hover));
  }
  .row.placeholder {
    cursor: progress;
  }
  .sort-button:focus-visible,
  .search:focus-visible,
  .row:focus-visible {
    outline: 2px solid var(--kehu-record-list-focus-color, var(--_kehu-accent));
    outline-offset: -2px;
  }
  .row {
    align-items: stretch;
  }
  .cell {
    min-width: 0;
    /* A line as tall as the row puts every cell's text on one baseline, whatever fonts the
       Latin and Chinese glyphs fall back to (centring each cell's box would not). */
    line-height: calc(var(--kehu-record-list-row-height, 2.5rem) - 1px);
    padding: 0 0.75rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .cell[data-kind='number'],
  .cell[data-kind='integer'],
  .cell[data-kind='money'] {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .cell[data-kind='boolean'] {
    text-align: center;
  }
  .skeleton {
    display: inline-block;
    vertical-align: middle;
    height: 0.75em;
    width: 60%;
    border-radius: 3px;
    background: var(--kehu-record-list-muted-color, var(--_kehu-muted));
    opacity: 0.15;
  }

  .tool,
  .views {
    padding: 0.3rem 0.65rem;
    font: inherit;
    color: inherit;
    background: var(--_kehu-surface);
    border: 1px solid var(--kehu-record-list-border-color, var(--_kehu-border));
    border-radius: 4px;
    cursor: pointer;
    white-space: nowrap;
  }
  .tool[aria-expanded='true'] {
    background: var(--_kehu-selected);
  }
  .tool.primary {
    background: var(--_kehu-accent);
    border-color: var(--_kehu-accent);
    color: var(--_kehu-on-accent);
  }
  .tool.danger {
    color: var(--_kehu-danger);
  }
  .tool:focus-visible,
  .views:focus-visible,
  .panel :is(input, button, select):focus-visible,
  .bulk :is(input, button, select):focus-visible,
  .resize-handle:focus-visible,
  .select-cell input:focus-visible {
    outline: 2px solid var(--kehu-record-list-focus-color, var(--_kehu-accent));
    outline-offset: 1px;
  }
  .toolbar {
    flex-wrap: wrap;
  }
  .panel {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 0;
    border-bottom: 1px solid var(--kehu-record-list-border-color, var(--_kehu-border));
    max-height: 40%;
    overflow: auto;
  }
  .panel.save-view {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }
  .panel input:not([type='checkbox']) {
    font: inherit;
    padding: 0.3rem 0.5rem;
    margin-inline-start: 0.4rem;
    border: 1px solid var(--kehu-record-list-border-color, var(--_kehu-border));
    border-radius: 4px;
    background: var(--_kehu-surface);
    color: inherit;
  }
  .panel.columns ul {
    list-style: none;
    margin: 0 0 0.5rem;
    padding: 0;
    columns: 14rem auto;
  }
  .panel.columns li {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    break-inside: avoid;
  }
  .panel.columns label {
    flex: 1;
  }
  .icon {
    padding: 0 0.35rem;
    font: inherit;
    background: none;
    border: 1px solid transparent;
    border-radius: 4px;
    color: inherit;
    cursor: pointer;
  }
  .bulk {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.4rem 0.75rem;
    background: var(--_kehu-selected);
    border-bottom: 1px solid var(--kehu-record-list-border-color, var(--_kehu-border));
  }
  .export-progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.4rem 0.75rem;
    border-bottom: 1px solid var(--kehu-record-list-border-color, var(--_kehu-border));
  }
  .export-progress progress {
    display: block;
    inline-size: min(16rem, 40vw);
    accent-color: var(--kehu-record-list-focus-color, var(--_kehu-accent));
  }
  .export-text {
    font-variant-numeric: tabular-nums;
  }
  .bulk .set-field {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3rem;
  }
  .bulk select,
  .bulk input {
    font: inherit;
    padding: 0.25rem 0.4rem;
    border: 1px solid var(--kehu-record-list-border-color, var(--_kehu-border));
    border-radius: 4px;
    background: var(--_kehu-surface);
    color: inherit;
  }
  .header-cell {
    position: relative;
  }
  .resize-handle {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0;
    width: 6px;
    cursor: col-resize;
    touch-action: none;
  }
  .resize-handle:hover {
    background: var(--_kehu-accent);
    opacity: 0.4;
  }
  .plain-label {
    display: block;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .select-cell {
    display: flex;
    align-items: center;
    justify-content: center;
    padding: 0;
  }
  .header-cell.select-cell {
    padding: 0;
  }
  .row[aria-selected='true'] {
    background: var(--_kehu-selected);
  }

  .cell:focus-visible {
    outline: 2px solid var(--kehu-record-list-focus-color, var(--_kehu-accent));
    outline-offset: -2px;
  }
  .row:has(.editing) {
    z-index: 1;
  }
  .cell.editing {
    position: relative;
    overflow: visible;
    padding: 0 0.25rem;
  }
  .inline-editor :is(input:not([type='checkbox']), select) {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    color: inherit;
    padding: 0.2rem 0.4rem;
    background: var(--_kehu-surface);
    border: 2px solid var(--kehu-record-list-focus-color, var(--_kehu-accent));
    border-radius: 4px;
  }
  .inline-editor [aria-invalid='true'] {
    border-color: var(--_kehu-danger);
  }
  .inline-error {
    position: absolute;
    inset-inline-start: 0;
    top: 100%;
    z-index: 2;
    width: max-content;
    max-width: 22rem;
    padding: 0.25rem 0.5rem;
    line-height: 1.4;
    white-space: normal;
    color: #fff;
    background: var(--_kehu-danger);
    border-radius: 4px;
  }
  .window-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.4rem 0.75rem;
    border-top: 1px solid var(--kehu-record-list-border-color, var(--_kehu-border));
    color: var(--kehu-record-list-muted-color, var(--_kehu-muted));
  }
  .window-range {
    font-variant-numeric: tabular-nums;
  }
  .tool:disabled {
    opacity: 0.5;
    cursor: default;
  }

  .empty,
  .message {
    margin: 0;
    padding: 1.5rem 0.75rem;
    text-align: center;
  }
  .empty {
    color: var(--kehu-record-list-muted-color, var(--_kehu-muted));
  }
  .message {
    color: var(--kehu-record-list-error-color, var(--_kehu-danger));
  }
`;

export const recordListStyles = [theme, visuallyHidden, ownStyles];
