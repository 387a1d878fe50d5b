import { css } from 'lit';
import { theme } from '../styles/theme.js';
import { visuallyHidden } from '../styles/visually-hidden.js';

const ownStyles = css`
  :host {
    display: block;
    --_border: var(--kehu-record-attachments-border-color, var(--_kehu-border));
    --_accent: var(--kehu-record-attachments-accent-color, var(--_kehu-accent));
    --_muted: var(--kehu-record-attachments-muted-color, var(--_kehu-muted));
    --_error: var(--kehu-record-attachments-error-color, var(--_kehu-danger));
    --_radius: var(--kehu-record-attachments-border-radius, var(--_kehu-radius));
    --_background: var(--kehu-record-attachments-background, var(--_kehu-surface));
    --_tile: var(--kehu-record-attachments-tile-size, 8rem);
  }
  [part~='base'] {
    box-sizing: border-box;
    display: grid;
    gap: 0.75rem;
    padding: 0.75rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }
  [part~='dragging'] {
    border-color: var(--_accent);
    border-style: solid;
    background: var(--_kehu-hover);
  }
  [part~='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
  }
  [part~='drop-hint'],
  [part~='meta'],
  [part~='empty'],
  [part~='count'] {
    color: var(--_muted);
  }
  [part~='count'] {
    margin-inline-start: auto;
    font-variant-numeric: tabular-nums;
  }
  button,
  [part~='download-link'] {
    font: inherit;
    padding: 0.3rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_kehu-surface);
    color: inherit;
    cursor: pointer;
    text-decoration: none;
  }
  [part~='upload-button'],
  [part~='download-link'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_kehu-on-accent);
  }
  [part~='delete-button'],
  [part~='confirm-button'] {
    color: var(--_error);
  }
  [part~='confirm-button'] {
    border-color: var(--_error);
  }
  button:focus-visible,
  a:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  [part~='uploads'],
  [part~='gallery'] {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='uploads'] li {
    display: grid;
    gap: 0.25rem;
  }
  progress {
    width: 100%;
    accent-color: var(--_accent);
  }
  [part~='error'] {
    color: var(--_error);
  }
  [part~='error'] p {
    margin: 0 0 0.25rem;
  }
  [part~='gallery'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(var(--_tile), 1fr));
    gap: 0.75rem;
  }
  [part~='item'] {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
  }
  [part~='open-button'] {
    display: grid;
    place-items: center;
    aspect-ratio: 1;
    padding: 0;
    overflow: hidden;
    background: var(--_kehu-surface-alt);
  }
  [part~='thumbnail'] {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  [part~='icon'] {
    font-weight: 600;
    font-size: 1.1rem;
    letter-spacing: 0.05em;
    color: var(--_muted);
  }
  [part~='name'] {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  [part~='meta'] {
    font-size: 0.85em;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
  }
  [part~='actions'] button {
    padding: 0.15rem 0.5rem;
    font-size: 0.85em;
  }
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_kehu-surface);
    color: var(--_kehu-text);
    padding: 1rem;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }
  [part~='preview'] {
    width: min(60rem, 92vw);
  }
  [part~='preview-header'],
  [part~='preview-footer'],
  [part~='confirm-actions'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  [part~='preview-footer'] {
    justify-content: flex-end;
    margin-top: 0.75rem;
  }
  [part~='preview-title'] {
    flex: 1;
    margin: 0;
    font-size: 1rem;
    overflow-wrap: anywhere;
  }
  [part~='preview-body'] {
    display: grid;
    place-items: center;
    min-height: 10rem;
    margin-top: 0.75rem;
  }
  [part~='preview-image'] {
    max-width: 100%;
    max-height: 70vh;
    object-fit: contain;
  }
  [part~='preview-frame'] {
    width: 100%;
    height: 70vh;
    border: 0;
  }
  [part~='message'] {
    margin: 0;
    color: var(--_muted);
  }
  [role='alert'][part~='message'] {
    color: var(--_error);
  }
`;

export const recordAttachmentsStyles = [theme, visuallyHidden, ownStyles];
