import { css } from 'lit';
import { theme } from '../styles/theme.js';
import { visuallyHidden } from '../styles/visually-hidden.js';

const ownStyles = css`
  :host {
    display: block;
    color: var(--kehu-record-detail-color, var(--_kehu-text));
  }
  .base {
    box-sizing: border-box;
    padding: 0.75rem 1rem;
    background: var(--kehu-record-detail-background, var(--_kehu-surface));
    border: 1px solid var(--kehu-record-detail-border-color, var(--_kehu-border));
    border-radius: var(--_kehu-radius);
  }
  .kind {
    margin: 0;
    color: var(--kehu-record-detail-muted-color, var(--_kehu-muted));
    font-size: 0.875em;
  }
  h2 {
    margin: 0.125rem 0 0.5rem;
    font-size: 1.375em;
    overflow-wrap: anywhere;
  }
  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 1em;
    padding-bottom: 0.25rem;
    border-bottom: 1px solid var(--kehu-record-detail-border-color, var(--_kehu-border));
  }
  h4 {
    margin: 0.75rem 0 0.375rem;
    font-size: 0.9375em;
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr));
    gap: 0.25rem 1.5rem;
  }
  dl.nested {
    grid-template-columns: 1fr;
  }
  .entry {
    display: grid;
    grid-template-columns: var(--kehu-record-detail-label-width, 9rem) 1fr;
    gap: 0.5rem;
    min-width: 0;
  }
  dt {
    color: var(--kehu-record-detail-muted-color, var(--_kehu-muted));
  }
  dd {
    margin: 0;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .empty,
  .count,
  .none {
    color: var(--kehu-record-detail-muted-color, var(--_kehu-muted));
  }
  .none {
    margin: 0;
  }
  table.rows {
    border-collapse: collapse;
    font-size: 0.9375em;
  }
  .rows th,
  .rows td {
    padding: 0.125rem 0.5rem;
    text-align: start;
    border-bottom: 1px solid var(--kehu-record-detail-border-color, var(--_kehu-border));
  }
  .related-list {
    --kehu-record-list-height: var(--kehu-record-detail-related-height, 14rem);
  }
  .message {
    margin: 0;
    color: var(--kehu-record-detail-muted-color, var(--_kehu-muted));
  }
`;

export const recordDetailStyles = [theme, visuallyHidden, ownStyles];
