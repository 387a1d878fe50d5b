import { css } from 'lit';
import { theme } from '../styles/theme.js';
import { visuallyHidden } from '../styles/visually-hidden.js';

const ownStyles = css`
  :host {
    display: block;
    --_row-height: var(--kehu-line-items-row-height, 2.25rem);
    --_border: var(--kehu-line-items-border-color, var(--_kehu-border));
    --_focus: var(--kehu-line-items-focus-color, var(--_kehu-accent));
    --_error: var(--kehu-line-items-error-color, var(--_kehu-danger));
    --_head: var(--kehu-line-items-header-background, var(--_kehu-surface-alt));
  }
  .base {
    display: grid;
    gap: 6px;
    justify-items: start;
  }
  .scroll {
    width: 100%;
    overflow-x: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_kehu-radius);
    background: var(--kehu-line-items-background, var(--_kehu-surface));
  }
  .table {
    min-width: max-content;
    width: 100%;
  }
  .row {
    display: grid;
    grid-template-columns: var(--_columns);
    min-height: var(--_row-height);
    border-bottom: 1px solid var(--_border);
    width: 100%;
  }
  .header,
  .footer {
    background: var(--_head);
    font-weight: 600;
  }
  .footer {
    border-bottom: 0;
    border-top: 1px solid var(--_border);
  }
  .body {
    display: block;
    height: min(var(--kehu-line-items-height, 20rem), calc(var(--_rows) * (var(--_row-height) + 1px)));
    width: 100%;
  }
  [role='columnheader'],
  [role='gridcell'],
  [role='rowheader'] {
    box-sizing: border-box;
    padding: 4px 8px;
    display: flex;
    flex-direction: column;
    justify-content: center;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    border-inline-end: 1px solid var(--_border);
  }
  .num {
    text-align: end;
    align-items: flex-end;
    font-variant-numeric: tabular-nums;
  }
  .row-number {
    color: var(--_kehu-muted);
    text-align: end;
    align-items: flex-end;
  }
  [role='gridcell']:focus {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  [role='gridcell'][aria-invalid='true'] {
    box-shadow: inset 0 0 0 1px var(--_error);
  }
  [part~='computed'] {
    color: var(--_kehu-muted);
  }
  .cell-error {
    color: var(--_error);
    font-size: 0.8em;
    white-space: normal;
  }
  [part~='required-mark'] {
    color: var(--_error);
    margin-inline-start: 2px;
  }
  [data-editor] {
    box-sizing: border-box;
    width: 100%;
    font: inherit;
    color: inherit;
    background: var(--_kehu-surface);
    border: 1px solid var(--_focus);
    border-radius: 3px;
    padding: 2px 4px;
  }
  .actions {
    flex-direction: row;
    align-items: center;
    gap: 2px;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_kehu-surface);
    border: 1px solid var(--_border);
    border-radius: var(--_kehu-radius);
    padding: 2px 8px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--_focus);
  }
  [part~='remove-button'] {
    color: var(--_error);
  }
  .empty {
    color: var(--_kehu-muted);
    padding: 12px;
  }
  .keys {
    margin: 0;
    color: var(--_kehu-muted);
    font-size: 0.85em;
  }
  .report:empty {
    display: none;
  }
  .report p,
  .report ul {
    margin: 0;
  }
  dialog {
    color: inherit;
    background: var(--_kehu-surface);
    border: 1px solid var(--_border);
    border-radius: var(--_kehu-radius);
    max-width: min(60rem, 95vw);
    width: 100%;
  }
  dialog h2 {
    font-size: 1.05em;
    margin: 0 0 8px;
  }
`;

export const lineItemsStyles = [theme, visuallyHidden, ownStyles];
