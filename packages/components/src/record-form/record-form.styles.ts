import { css } from 'lit';
import { visuallyHidden } from '../styles/visually-hidden.js';
import { theme } from '../styles/theme.js';

const ownStyles = css`
  :host {
    display: block;
    font: var(--kehu-record-form-font, 14px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif);
    color: var(--kehu-record-form-text-color, var(--_kehu-text));
  }
  [part~='base'],
  form {
    display: grid;
    gap: var(--kehu-record-form-gap, 12px);
  }
  [part~='section'],
  [part~='group'] {
    display: grid;
    gap: var(--kehu-record-form-gap, 12px);
    margin: 0;
    padding: 12px 16px 16px;
    border: 1px solid var(--kehu-record-form-border-color, var(--_kehu-border));
    border-radius: var(--kehu-record-form-border-radius, 6px);
    min-width: 0;
  }
  [part~='section-label'] {
    font-weight: 600;
    padding: 0 4px;
  }
  [part~='field'] {
    display: grid;
    gap: 4px;
    min-width: 0;
  }
  [part~='label'] {
    font-weight: 500;
  }
  legend[part~='label'] {
    padding: 0 4px;
  }
  [part~='required-mark'] {
    color: var(--kehu-record-form-error-color, var(--_kehu-danger));
    margin-inline-start: 2px;
  }
  input:not([type='checkbox']),
  select,
  textarea,
  kehu-reference-picker {
    box-sizing: border-box;
    width: 100%;
    min-width: 6em;
    font: inherit;
    color: inherit;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    padding: 6px 8px;
    border: 1px solid var(--kehu-record-form-border-color, var(--_kehu-border));
    border-radius: var(--kehu-record-form-border-radius, 6px);
    background: var(--kehu-record-form-input-background, var(--_kehu-surface));
  }
  input[type='checkbox'] {
    justify-self: start;
    width: 18px;
    height: 18px;
    margin: 0;
  }
  :is(input, select, textarea, button):focus-visible {
    outline: 2px solid var(--kehu-record-form-accent-color, var(--_kehu-accent));
    outline-offset: 1px;
  }
  [aria-invalid='true'] {
    border-color: var(--kehu-record-form-error-color, var(--_kehu-danger)) !important;
  }
  :disabled {
    background: var(--_kehu-surface-alt);
    color: var(--_kehu-muted);
  }
  [part~='money'] {
    display: flex;
    align-items: center;
    gap: 4px;
  }
  [part~='help'] {
    color: var(--kehu-record-form-muted-color, var(--_kehu-muted));
    font-size: 0.9em;
  }
  [part~='error'] {
    color: var(--kehu-record-form-error-color, var(--_kehu-danger));
    font-size: 0.9em;
  }
  [part~='summary'] {
    padding: 8px 12px;
    border: 1px solid var(--kehu-record-form-error-color, var(--_kehu-danger));
    border-radius: var(--kehu-record-form-border-radius, 6px);
    color: var(--kehu-record-form-error-color, var(--_kehu-danger));
  }
  [part~='summary'] p,
  [part~='summary'] ul {
    margin: 4px 0;
  }
  [part~='message'] {
    padding: 12px;
    color: var(--kehu-record-form-muted-color, var(--_kehu-muted));
  }
  [part~='message'][role='alert'] {
    color: var(--kehu-record-form-error-color, var(--_kehu-danger));
  }
  .table-scroll {
    overflow-x: auto;
  }
  [part~='table'] {
    border-collapse: collapse;
    width: 100%;
  }
  [part~='table'] th,
  [part~='table'] td {
    border-bottom: 1px solid var(--kehu-record-form-border-color, var(--_kehu-border));
    padding: 4px 6px;
    text-align: start;
    vertical-align: top;
  }
  [part~='table'] th {
    font-weight: 500;
    white-space: nowrap;
  }
  .in-cell[part~='group'] {
    padding: 4px 8px 8px;
  }
  [part~='list'] {
    display: grid;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='list-item'] {
    display: flex;
    gap: 6px;
    align-items: start;
  }
  [part~='list-item'] > :first-child {
    flex: 1;
  }
  button {
    font: inherit;
    padding: 6px 14px;
    border: 1px solid var(--kehu-record-form-border-color, var(--_kehu-border));
    border-radius: var(--kehu-record-form-border-radius, 6px);
    background: var(--_kehu-surface-alt);
    color: inherit;
    cursor: pointer;
  }
  [part~='add-button'] {
    justify-self: start;
  }
  [part~='remove-button'] {
    padding: 4px 8px;
    white-space: nowrap;
  }
  [part~='actions'] {
    display: flex;
    gap: 8px;
    align-items: center;
  }
  [part~='save-button'] {
    background: var(--kehu-record-form-accent-color, var(--_kehu-accent));
    border-color: var(--kehu-record-form-accent-color, var(--_kehu-accent));
    color: var(--_kehu-on-accent);
  }
  [part~='status'] {
    color: var(--_kehu-success);
  }
  [part~='tabs'] {
    display: flex;
    gap: 2px;
    border-bottom: 1px solid var(--kehu-record-form-border-color, var(--_kehu-border));
    overflow-x: auto;
  }
  [part~='tab'] {
    border: 1px solid transparent;
    border-bottom: 0;
    border-radius: var(--kehu-record-form-border-radius, 6px) var(--kehu-record-form-border-radius, 6px) 0 0;
    background: transparent;
    display: inline-flex;
    gap: 6px;
    align-items: center;
    white-space: nowrap;
  }
  [part~='tab'][aria-selected='true'] {
    border-color: var(--kehu-record-form-border-color, var(--_kehu-border));
    background: var(--kehu-record-form-input-background, var(--_kehu-surface));
    font-weight: 600;
    margin-bottom: -1px;
  }
  [part~='tab-badge'] {
    min-width: 1.4em;
    padding: 0 5px;
    border-radius: 999px;
    background: var(--kehu-record-form-error-color, var(--_kehu-danger));
    color: #fff;
    font-size: 0.8em;
    text-align: center;
  }
  [part~='tab-panel'][hidden] {
    display: none;
  }
  [part~='tab-panel']:focus-visible {
    outline: 2px solid var(--kehu-record-form-accent-color, var(--_kehu-accent));
  }
  [part~='value'] {
    min-height: 1.5em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part~='leave-dialog'] {
    border: 1px solid var(--kehu-record-form-border-color, var(--_kehu-border));
    border-radius: var(--kehu-record-form-border-radius, 6px);
    max-width: 28rem;
  }
  [part~='leave-actions'] {
    display: flex;
    gap: 8px;
    justify-content: flex-end;
  }
`;

export const recordFormStyles = [theme, visuallyHidden, ownStyles];
