import { css } from 'lit';
import { theme } from '../styles/theme.js';
import { visuallyHidden } from '../styles/visually-hidden.js';

const ownStyles = css`
  :host {
    --_text: var(--kehu-reference-picker-text-color, var(--_kehu-text));
    --_muted: var(--kehu-reference-picker-muted-color, var(--_kehu-muted));
    --_border: var(--kehu-reference-picker-border-color, var(--_kehu-border));
    --_radius: var(--kehu-reference-picker-border-radius, var(--_kehu-radius));
    --_background: var(--kehu-reference-picker-background, var(--_kehu-surface));
    --_accent: var(--kehu-reference-picker-accent-color, var(--_kehu-accent));
    --_active: var(--kehu-reference-picker-active-background, var(--_kehu-selected));
    --_error: var(--kehu-reference-picker-error-color, var(--_kehu-danger));
    display: block;
    position: relative;
    color: var(--_text);
  }
  [part~='control'] {
    display: flex;
    align-items: stretch;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  :host([data-invalid]) [part~='control'],
  [part~='control']:has([aria-invalid='true']) {
    border-color: var(--_error);
  }
  [part~='control']:focus-within {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  [part~='scope'] {
    max-width: 40%;
    border: none;
    border-inline-end: 1px solid var(--_border);
    border-radius: var(--_radius) 0 0 var(--_radius);
    padding: 0 6px;
    background: transparent;
    font: inherit;
    color: inherit;
  }
  [part~='input'] {
    flex: 1;
    min-width: 0;
    padding: 6px 8px;
    border: none;
    background: transparent;
    font: inherit;
    color: inherit;
    outline: none;
  }
  [part~='input']:disabled,
  [part~='scope']:disabled {
    color: var(--_muted);
  }
  [part~='clear-button'] {
    border: none;
    background: none;
    padding: 0 10px;
    font: inherit;
    color: var(--_muted);
    cursor: pointer;
  }
  [part~='listbox'] {
    position: absolute;
    z-index: var(--kehu-reference-picker-z-index, 10);
    inset-inline: 0;
    top: 100%;
    margin-top: 2px;
    padding: 4px 0;
    max-height: var(--kehu-reference-picker-listbox-max-height, 16em);
    overflow-y: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    box-shadow: 0 4px 12px rgb(0 0 0 / 12%);
  }
  [part~='listbox'][hidden] {
    display: none;
  }
  [part~='group-label'] {
    padding: 4px 10px 2px;
    font-size: 0.8em;
    font-weight: 600;
    color: var(--_muted);
  }
  [part~='option'] {
    display: grid;
    padding: 4px 10px;
    cursor: pointer;
  }
  [part~='option'][aria-selected='true'] {
    background: var(--_active);
  }
  [part~='create-option'] {
    color: var(--_accent);
  }
  [part~='option-subtitle'] {
    font-size: 0.85em;
    color: var(--_muted);
  }
  [part~='match'] {
    background: var(--kehu-reference-picker-match-background, transparent);
    color: inherit;
    font-weight: 700;
  }
  [part~='status'] {
    font-size: 0.9em;
    color: var(--_muted);
  }
  [part~='status']:empty {
    display: none;
  }
  [part~='message'] {
    color: var(--_error);
  }
  [part~='dialog'] {
    width: min(40rem, calc(100vw - 2rem));
    padding: 1rem 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
  }
  [part~='dialog']::backdrop {
    background: rgb(0 0 0 / 35%);
  }
  [part~='dialog-title'] {
    margin: 0 0 0.75rem;
    font-size: 1.1em;
  }
`;

export const referencePickerStyles = [theme, visuallyHidden, ownStyles];
