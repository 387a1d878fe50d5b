import { css } from 'lit';
import { theme } from '../styles/theme.js';
import { visuallyHidden } from '../styles/visually-hidden.js';

const ownStyles = css`
  :host {
    display: block;
    height: var(--kehu-record-kanban-height, 32rem);
    --_text: var(--kehu-record-kanban-color, var(--_kehu-text));
    --_muted: var(--kehu-record-kanban-muted-color, var(--_kehu-muted));
    --_border: var(--kehu-record-kanban-border-color, var(--_kehu-border));
    --_accent: var(--kehu-record-kanban-accent-color, var(--_kehu-accent));
    --_radius: var(--kehu-record-kanban-border-radius, var(--_kehu-radius));
  }

  .base {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    height: 100%;
    color: var(--_text);
    background: var(--kehu-record-kanban-background, var(--_kehu-surface));
  }

  .message {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    margin: 0 0 0.5rem;
    padding: 0.5rem 0.75rem;
    color: var(--kehu-record-kanban-error-color, var(--_kehu-danger));
    border: 1px solid currentColor;
    border-radius: var(--_radius);
  }
  .dismiss {
    margin-inline-start: auto;
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid currentColor;
    border-radius: 4px;
    cursor: pointer;
  }

  .board {
    display: flex;
    gap: 0.75rem;
    flex: 1;
    min-height: 0;
    overflow-x: auto;
    padding-bottom: 0.25rem;
  }

  .column {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    flex: 0 0 var(--kehu-record-kanban-column-width, 16rem);
    min-height: 0;
    background: var(--kehu-record-kanban-column-background, var(--_kehu-surface-alt));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .column.over {
    outline: 2px dashed var(--_accent);
    outline-offset: -2px;
  }

  .column-header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.5rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_border);
  }
  .column-label {
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .column-count,
  .column-sum {
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .column-sum {
    flex-basis: 100%;
  }

  .cards {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    margin: 0;
    padding: 0.5rem;
    list-style: none;
    overflow-y: auto;
    flex: 1;
    min-height: 2rem;
  }

  .card {
    display: flex;
    flex-direction: column;
    gap: 0.125rem;
    padding: 0.5rem 0.625rem;
    background: var(--kehu-record-kanban-card-background, var(--_kehu-surface));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: grab;
    user-select: none;
    /* Vertical swipes still scroll a column on touch screens; other moves drag the card. */
    touch-action: pan-y;
  }
  .card:hover {
    background: var(--_kehu-hover);
  }
  .card:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  .card.dragging {
    position: relative;
    z-index: 1;
    cursor: grabbing;
    box-shadow: 0 6px 16px rgb(0 0 0 / 0.2);
  }
  .card.picked {
    outline: 2px dashed var(--_accent);
    outline-offset: 1px;
    background: var(--_kehu-selected);
  }
  .card-title {
    font-weight: 500;
    overflow-wrap: anywhere;
  }
  .card-subtitle {
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }

  .empty {
    margin: 0;
    padding: 0 0.75rem 0.75rem;
    color: var(--_muted);
  }
  .show-more {
    margin: 0 0.5rem 0.5rem;
    padding: 0.375rem;
    font: inherit;
    color: var(--_accent);
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: 4px;
    cursor: pointer;
  }
  .show-more:focus-visible,
  .dismiss:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }

  @media (prefers-reduced-motion: no-preference) {
    .card:not(.dragging) {
      transition: background-color 120ms;
    }
  }
`;

export const recordKanbanStyles = [theme, visuallyHidden, ownStyles];
