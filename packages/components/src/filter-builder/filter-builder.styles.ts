import { css } from 'lit';
import { theme } from '../styles/theme.js';

export const filterBuilderStyles = [
  theme,
  css`
    :host {
      display: block;
    }
    .base {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      padding: 0.5rem 0.75rem;
      background: var(--kehu-filter-builder-background, var(--_kehu-surface-alt));
      border: 1px solid var(--_kehu-border);
      border-radius: var(--_kehu-radius);
    }
    .root,
    .group {
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
    }
    .group {
      margin-inline-start: 1rem;
      padding: 0.4rem 0.6rem;
      border-inline-start: 3px solid var(--_kehu-accent);
      background: var(--_kehu-surface);
      border-radius: var(--_kehu-radius);
    }
    .group-head,
    .condition,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.4rem;
    }
    select,
    input,
    button,
    kehu-reference-picker {
      font: inherit;
      color: inherit;
    }
    select,
    input {
      padding: 0.25rem 0.4rem;
      background: var(--_kehu-surface);
      border: 1px solid var(--_kehu-border);
      border-radius: 4px;
      min-width: 0;
    }
    .value {
      flex: 1 1 8rem;
      max-width: 16rem;
    }
    button {
      padding: 0.2rem 0.6rem;
      background: transparent;
      border: 1px solid var(--_kehu-border);
      border-radius: 4px;
      cursor: pointer;
    }
    button.remove {
      border-color: transparent;
      color: var(--_kehu-danger);
      font-size: 1.1rem;
      line-height: 1;
    }
    button.link {
      align-self: flex-start;
      border-color: transparent;
      color: var(--_kehu-accent);
      padding-inline: 0;
    }
    :is(select, input, button):focus-visible {
      outline: 2px solid var(--_kehu-accent);
      outline-offset: 1px;
    }
    .none {
      margin: 0;
      color: var(--_kehu-muted);
    }
    .message {
      margin: 0;
      color: var(--_kehu-danger);
    }
  `,
];
