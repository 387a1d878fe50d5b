import { css } from 'lit';
import { theme } from '../styles/theme.js';
import { visuallyHidden } from '../styles/visually-hidden.js';

const ownStyles = css`
  :host {
    display: block;
    --_text: var(--kehu-conflict-picker-color, var(--_kehu-text));
    --_muted: var(--kehu-conflict-picker-muted-color, var(--_kehu-muted));
    --_border: var(--kehu-conflict-picker-border-color, var(--_kehu-border));
    --_accent: var(--kehu-conflict-picker-accent-color, var(--_kehu-accent));
  }
  .base {
    color: var(--_text);
    background: var(--kehu-conflict-picker-background, var(--_kehu-surface));
  }
  .message {
    color: var(--_muted);
    margin: 0;
  }
  .conflict {
    border: 1px solid var(--_border);
    border-radius: 0.375rem;
    padding: 0.75rem 1rem;
    margin-block-end: 1rem;
  }
  h3 {
    margin: 0;
    font-size: 1rem;
  }
  h3:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .meta,
  .base-value,
  .who,
  .note {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .meta {
    margin: 0.25rem 0 0.75rem;
  }
  fieldset {
    border: 0;
    border-block-start: 1px solid var(--_border);
    margin: 0;
    padding: 0.5rem 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
  }
  .choices {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: 0.5rem;
    margin-block-start: 0.375rem;
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.125rem 0.5rem;
    align-items: start;
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
    padding: 0.375rem 0.5rem;
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .choice:has(input:disabled) {
    cursor: not-allowed;
    opacity: 0.7;
  }
  .choice input {
    grid-row: span 3;
    margin: 0.2rem 0 0;
    accent-color: var(--_accent);
  }
  .side {
    font-weight: 600;
  }
  .value {
    overflow-wrap: anywhere;
  }
  .value table {
    border-collapse: collapse;
  }
  .value th,
  .value td {
    padding: 0 0.375rem;
    text-align: start;
  }
  .value dl {
    margin: 0;
  }
  .value dt {
    color: var(--_muted);
  }
  .value dd {
    margin: 0 0 0.25rem;
  }
  .note {
    margin: 0.25rem 0 0;
  }
  .actions {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin-block-start: 0.5rem;
  }
  button {
    font: inherit;
    padding: 0.375rem 1rem;
    border-radius: 0.25rem;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_kehu-on-accent);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .error {
    color: var(--kehu-conflict-picker-error-color, var(--_kehu-danger));
    margin: 0;
  }
`;

export const conflictPickerStyles = [theme, visuallyHidden, ownStyles];
