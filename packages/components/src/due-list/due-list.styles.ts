import { css } from 'lit';
import { theme } from '../styles/theme.js';
import { visuallyHidden } from '../styles/visually-hidden.js';

const ownStyles = css`
  :host {
    display: block;
    --_text: var(--kehu-due-list-color, var(--_kehu-text));
    --_muted: var(--kehu-due-list-muted-color, var(--_kehu-muted));
    --_border: var(--kehu-due-list-border-color, var(--_kehu-border));
    --_accent: var(--kehu-due-list-accent-color, var(--_kehu-accent));
    --_overdue: var(--kehu-due-list-overdue-color, var(--_kehu-danger));
  }
  .base {
    color: var(--_text);
    background: var(--kehu-due-list-background, var(--_kehu-surface));
  }
  button {
    font: inherit;
    color: inherit;
  }
  button:focus-visible,
  input:focus-visible,
  [role='gridcell']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-bottom: 0.75rem;
  }
  .views {
    display: inline-flex;
  }
  .view-button,
  .month-nav button,
  .show-more {
    padding: 0.25rem 0.75rem;
    background: transparent;
    border: 1px solid var(--_border);
    cursor: pointer;
  }
  .view-button:first-child {
    border-radius: var(--_kehu-radius) 0 0 var(--_kehu-radius);
  }
  .view-button:last-child {
    border-radius: 0 var(--_kehu-radius) var(--_kehu-radius) 0;
    border-inline-start: none;
  }
  .view-button[aria-pressed='true'] {
    color: var(--_kehu-on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .month-nav {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .month-nav button {
    border-radius: var(--_kehu-radius);
  }
  .month-title {
    min-width: 8em;
    margin: 0;
    font-size: 1.05em;
    text-align: center;
  }

  .message {
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
    color: var(--_kehu-danger);
    border: 1px solid currentColor;
    border-radius: var(--_kehu-radius);
  }

  .group + .group {
    margin-top: 1rem;
  }
  .group-heading {
    display: flex;
    gap: 0.5rem;
    margin: 0 0 0.25rem;
    font-size: 1em;
  }
  .group.overdue .group-heading,
  .item-meta.late {
    color: var(--_overdue);
  }
  .group-count {
    color: var(--_muted);
    font-weight: normal;
  }
  .items {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .item {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    padding: 0.375rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .done-checkbox {
    margin: 0.25rem 0 0;
    accent-color: var(--_accent);
  }
  .open {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    flex: 1;
    min-width: 0;
    padding: 0;
    text-align: start;
    background: transparent;
    border: none;
    cursor: pointer;
  }
  .item-title {
    overflow-wrap: anywhere;
  }
  .item-meta {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .item.done .item-title,
  .day-item.done {
    text-decoration: line-through;
    color: var(--_muted);
  }
  .empty {
    margin: 0.25rem 0;
    color: var(--_muted);
  }
  .show-more {
    margin-top: 0.5rem;
    color: var(--_accent);
    border-radius: var(--_kehu-radius);
  }

  .grid {
    width: 100%;
    table-layout: fixed;
    border-collapse: collapse;
  }
  .grid th {
    padding: 0.25rem;
    color: var(--_muted);
    font-weight: normal;
  }
  .day {
    height: var(--kehu-due-list-day-height, 5.5rem);
    padding: 0.25rem;
    vertical-align: top;
    border: 1px solid var(--_border);
    cursor: pointer;
    overflow: hidden;
  }
  .day.outside .day-number {
    color: var(--_muted);
  }
  .day.today .day-number {
    color: var(--_kehu-on-accent);
    background: var(--_accent);
    border-radius: 999px;
    padding: 0 0.35em;
  }
  .day[aria-selected='true'] {
    background: var(--_kehu-selected);
  }
  .day-item,
  .day-more {
    display: block;
    font-size: 0.8em;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .day-more {
    color: var(--_muted);
  }
  .day-panel {
    margin-top: 0.75rem;
  }
  .day-title {
    margin: 0 0 0.25rem;
    font-size: 1em;
  }
`;

export const dueListStyles = [theme, visuallyHidden, ownStyles];
