import { css } from 'lit';
import { theme } from '../styles/theme.js';

const ownStyles = css`
  :host {
    display: block;
    color: var(--kehu-record-timeline-color, var(--_kehu-text));
  }
  .base {
    box-sizing: border-box;
    padding: 0.75rem 1rem;
    background: var(--kehu-record-timeline-background, var(--_kehu-surface));
    border: 1px solid var(--_kehu-border);
    border-radius: var(--_kehu-radius);
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .day-heading {
    margin: 0.75rem 0 0.375rem;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--kehu-record-timeline-muted-color, var(--_kehu-muted));
  }
  .day:first-child .day-heading {
    margin-top: 0;
  }
  .items {
    border-inline-start: 2px solid var(--kehu-record-timeline-line-color, var(--_kehu-border));
    margin-inline-start: 0.3125rem;
  }
  .item {
    position: relative;
    display: flex;
    gap: 0.75rem;
    padding: 0.25rem 0 0.5rem 1rem;
  }
  .item::before {
    content: '';
    position: absolute;
    inset-inline-start: -0.375rem;
    top: 0.55rem;
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    background: var(--kehu-record-timeline-accent-color, var(--_kehu-accent));
  }
  .item.remove::before {
    background: var(--_kehu-danger);
  }
  .item.related::before {
    background: var(--_kehu-surface);
    border: 2px solid var(--kehu-record-timeline-accent-color, var(--_kehu-accent));
    box-sizing: border-box;
  }
  .time {
    flex: none;
    min-width: 3.5rem;
    color: var(--kehu-record-timeline-muted-color, var(--_kehu-muted));
    font-variant-numeric: tabular-nums;
  }
  .what {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .what p {
    margin: 0;
  }
  .detail,
  .empty,
  .message {
    color: var(--kehu-record-timeline-muted-color, var(--_kehu-muted));
    margin: 0;
  }
  .related-button {
    padding: 0;
    font: inherit;
    color: var(--kehu-record-timeline-accent-color, var(--_kehu-accent));
    background: none;
    border: none;
    text-align: start;
    cursor: pointer;
    text-decoration: underline;
  }
  .more {
    margin-top: 0.5rem;
    padding: 0.25rem 0.75rem;
    font: inherit;
    color: inherit;
    background: var(--_kehu-surface-alt);
    border: 1px solid var(--_kehu-border);
    border-radius: var(--_kehu-radius);
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--kehu-record-timeline-accent-color, var(--_kehu-accent));
    outline-offset: 2px;
  }
`;

export const recordTimelineStyles = [theme, ownStyles];
