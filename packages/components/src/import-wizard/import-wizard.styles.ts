import { css } from 'lit';
import { theme } from '../styles/theme.js';
import { visuallyHidden } from '../styles/visually-hidden.js';

const ownStyles = css`
  :host {
    display: block;
    color: var(--kehu-import-wizard-color, var(--_kehu-text));
  }
  .base {
    box-sizing: border-box;
    padding: 1rem;
    background: var(--kehu-import-wizard-background, var(--_kehu-surface));
    border: 1px solid var(--_kehu-border);
    border-radius: var(--_kehu-radius);
    display: grid;
    gap: 0.875rem;
  }
  h2 {
    margin: 0;
    font-size: 1.125em;
  }
  .steps {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    list-style: none;
    margin: 0;
    padding: 0;
    font-size: 0.875em;
    color: var(--_kehu-muted);
  }
  .steps [aria-current='step'] {
    color: var(--kehu-import-wizard-accent-color, var(--_kehu-accent));
    font-weight: 600;
  }
  .drop {
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    padding: 1.5rem;
    border: 2px dashed var(--_kehu-border);
    border-radius: var(--_kehu-radius);
  }
  .drop.over {
    border-color: var(--kehu-import-wizard-accent-color, var(--_kehu-accent));
    background: var(--_kehu-hover);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
  .muted {
    color: var(--_kehu-muted);
  }
  .table-wrap {
    max-height: 24rem;
    overflow: auto;
    border: 1px solid var(--_kehu-border);
    border-radius: var(--_kehu-radius);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.875em;
  }
  th,
  td {
    text-align: start;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_kehu-border);
    vertical-align: top;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  th {
    background: var(--_kehu-surface-alt);
    position: sticky;
    top: 0;
  }
  tr.header-row td {
    font-weight: 600;
    background: var(--_kehu-selected);
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button,
  select {
    padding: 0.3rem 0.75rem;
    border: 1px solid var(--_kehu-border);
    border-radius: var(--_kehu-radius);
    background: var(--_kehu-surface);
    cursor: pointer;
  }
  button.primary {
    background: var(--kehu-import-wizard-accent-color, var(--_kehu-accent));
    border-color: transparent;
    color: var(--_kehu-on-accent);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  :focus-visible {
    outline: 2px solid var(--kehu-import-wizard-accent-color, var(--_kehu-accent));
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
  }
  progress {
    width: 100%;
    height: 1rem;
    accent-color: var(--kehu-import-wizard-accent-color, var(--_kehu-accent));
  }
  .error,
  .problem {
    color: var(--_kehu-danger);
  }
  .ok {
    color: var(--_kehu-success);
  }
  .notice {
    padding: 0.5rem 0.75rem;
    border-radius: var(--_kehu-radius);
    background: var(--_kehu-surface-alt);
  }
  fieldset {
    border: 1px solid var(--_kehu-border);
    border-radius: var(--_kehu-radius);
    display: grid;
    gap: 0.25rem;
  }
`;

export const importWizardStyles = [theme, visuallyHidden, ownStyles];
