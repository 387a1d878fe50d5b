import { css } from 'lit';
import { visuallyHidden } from '../styles/visually-hidden.js';

const ownStyles = css`
  :host {
    display: block;
    position: relative;
    font: inherit;
    color: var(--kehu-reference-picker-text-color, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  [part~='control'] {
    display: flex;
    align-items: stretch;
    border: 1px solid var(--kehu-reference-picker-border-color, #d0d7de);
    border-radius: var(--kehu-reference-picker-border-radius, 6px);
    background: var(--kehu-reference-picker-background, #fff);
  }
  :host([data-invalid]) [part~='control'],
  [part~='control']:has([aria-invalid='true']) {
    border-color: var(--kehu-reference-picker-error-color, #b3261e);
  }
  [part~='control']:focus-within {
    outline: 2px solid var(--kehu-reference-picker-accent-color, #0b5cad);
    outline-offset: 1px;
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
  [part~='input']:disabled {
    color: #57606a;
  }
  [part~='clear-button'] {
    border: none;
    background: none;
    padding: 0 10px;
    font: inherit;
    color: var(--kehu-reference-picker-muted-color, #57606a);
    cursor: pointer;
  }
  [part~='listbox'] {
    position: absolute;
    z-index: var(--kehu-reference-picker-z-index, 10);
    inset-inline: 0;
    top: 100%;
    margin: 2px 0 0;
    padding: 4px 0;
    list-style: none;
    max-height: var(--kehu-reference-picker-listbox-max-height, 16em);
    overflow-y: auto;
    border: 1px solid var(--kehu-reference-picker-border-color, #d0d7de);
    border-radius: var(--kehu-reference-picker-border-radius, 6px);
    background: var(--kehu-reference-picker-background, #fff);
    box-shadow: 0 4px 12px rgb(0 0 0 / 12%);
  }
  [part~='option'] {
    display: grid;
    padding: 4px 10px;
    cursor: pointer;
  }
  [part~='option'][aria-selected='true'] {
    background: var(--kehu-reference-picker-active-background, #ddf4ff);
  }
  [part~='option-subtitle'] {
    font-size: 0.85em;
    color: var(--kehu-reference-picker-muted-color, #57606a);
  }
  [part~='status'] {
    font-size: 0.9em;
    color: var(--kehu-reference-picker-muted-color, #57606a);
  }
  [part~='status']:empty {
    display: none;
  }
  [part~='message'] {
    color: var(--kehu-reference-picker-error-color, #b3261e);
  }
`;

export const referencePickerStyles = [visuallyHidden, ownStyles];
