import { css } from 'lit';
import { theme } from '../styles/theme.js';
import { visuallyHidden } from '../styles/visually-hidden.js';

const ownStyles = css`
  :host {
    display: block;
    color: var(--kehu-duplicate-review-color, var(--_kehu-text));
    --_accent: var(--kehu-duplicate-review-accent-color, var(--_kehu-accent));
  }
  .base {
    box-sizing: border-box;
    padding: 0.75rem 1rem;
    background: var(--kehu-duplicate-review-background, var(--_kehu-surface));
    border: 1px solid var(--_kehu-border);
    border-radius: var(--_kehu-radius);
  }
  h2 {
    margin: 0 0 0.25rem;
    font-size: 1.1em;
  }
  .muted,
  .score,
  .empty {
    color: var(--kehu-duplicate-review-muted-color, var(--_kehu-muted));
  }
  .header p {
    margin: 0 0 0.75rem;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(12rem, 18rem) 1fr;
    gap: 1rem;
    align-items: start;
  }
  @container (max-width: 40rem) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
  .pairs {
    list-style: none;
    margin: 0;
    padding: 0;
    max-height: 28rem;
    overflow: auto;
  }
  .pair {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    width: 100%;
    padding: 0.375rem 0.5rem;
    border: 1px solid transparent;
    border-radius: var(--_kehu-radius);
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .pair:hover {
    background: var(--_kehu-hover);
  }
  .pair[aria-pressed='true'] {
    background: var(--_kehu-selected);
    border-color: var(--_accent);
  }
  .names {
    overflow-wrap: anywhere;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .comparison {
    overflow-x: auto;
  }
  .table {
    border-collapse: collapse;
    width: 100%;
  }
  .table th,
  .table td {
    padding: 0.375rem 0.5rem;
    border-bottom: 1px solid var(--_kehu-border);
    text-align: start;
    vertical-align: top;
  }
  .table thead th {
    font-weight: 600;
  }
  .record-title {
    display: block;
    overflow-wrap: anywhere;
  }
  .table thead .muted {
    display: block;
    font-weight: normal;
    font-size: 0.875em;
  }
  .keep {
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
    font-weight: normal;
  }
  tr.differ td {
    background: var(--kehu-duplicate-review-differ-background, var(--_kehu-surface-alt));
  }
  .pick {
    display: flex;
    gap: 0.375rem;
    align-items: baseline;
    cursor: pointer;
  }
  .value {
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin-top: 0.75rem;
  }
  .progress,
  .cancelled {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin: 0 0 0.75rem;
  }
  .progress progress {
    display: block;
    inline-size: min(16rem, 40vw);
    accent-color: var(--_accent);
  }
  .progress .muted {
    font-variant-numeric: tabular-nums;
  }
  .actions button,
  .progress button,
  .cancelled button {
    padding: 0.375rem 0.875rem;
    border: 1px solid var(--_kehu-border);
    border-radius: var(--_kehu-radius);
    background: var(--_kehu-surface);
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  .actions button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_kehu-on-accent);
  }
  .actions button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .status {
    margin: 0.5rem 0 0;
    min-height: 1.25em;
  }
  .message {
    color: var(--kehu-duplicate-review-muted-color, var(--_kehu-muted));
  }
`;

export const duplicateReviewStyles = [theme, visuallyHidden, ownStyles];
