import { css } from 'lit';
import { visuallyHidden } from '../styles/visually-hidden.js';

const ownStyles = css`
  :host {
    display: block;
    height: var(--kehu-record-list-height, 24rem);
    color: var(--kehu-record-list-color, #1f2328);
    font: inherit;
  }
  :host([hidden]) {
    display: none;
  }

  .base {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    height: 100%;
    border: 1px solid var(--kehu-record-list-border-color, #d0d5dd);
    border-radius: var(--kehu-record-list-border-radius, 6px);
    background: var(--kehu-record-list-background, #fff);
    overflow: hidden;
  }

  .toolbar {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--kehu-record-list-border-color, #d0d5dd);
  }
  .search {
    flex: 1;
    min-width: 0;
    max-width: 24rem;
    padding: 0.375rem 0.5rem;
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid var(--kehu-record-list-border-color, #d0d5dd);
    border-radius: 4px;
  }
  .count {
    margin-inline-start: auto;
    color: var(--kehu-record-list-muted-color, #5f6673);
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
    background: var(--kehu-record-list-header-background, #f5f6f8);
    border-bottom: 1px solid var(--kehu-record-list-border-color, #d0d5dd);
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
    border-bottom: 1px solid var(--kehu-record-list-border-color, #d0d5dd);
    cursor: pointer;
  }
  .row:hover {
    background: var(--kehu-record-list-row-hover-background, #f0f4ff);
  }
  .row.placeholder {
    cursor: progress;
  }
  .sort-button:focus-visible,
  .search:focus-visible,
  .row:focus-visible {
    outline: 2px solid var(--kehu-record-list-focus-color, #2563eb);
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
    background: var(--kehu-record-list-muted-color, #5f6673);
    opacity: 0.15;
  }

  .empty,
  .message {
    margin: 0;
    padding: 1.5rem 0.75rem;
    text-align: center;
  }
  .empty {
    color: var(--kehu-record-list-muted-color, #5f6673);
  }
  .message {
    color: var(--kehu-record-list-error-color, #b42318);
  }
`;

export const recordListStyles = [visuallyHidden, ownStyles];
