import { css } from 'lit';
import { theme } from '../styles/theme.js';

const ownStyles = css`
  :host {
    display: inline-block;
    --_text: var(--kehu-sync-status-color, var(--_kehu-text));
    --_muted: var(--kehu-sync-status-muted-color, var(--_kehu-muted));
  }
  .base {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    color: var(--_text);
    background: var(--kehu-sync-status-background, transparent);
  }
  .state {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    font-weight: 600;
  }
  .dot {
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-radius: 50%;
    background: var(--_muted);
  }
  :host([state='idle']) .dot {
    background: var(--kehu-sync-status-idle-color, var(--_kehu-success));
  }
  :host([state='syncing']) .dot {
    background: var(--kehu-sync-status-syncing-color, var(--_kehu-accent));
  }
  :host([state='error']) .dot {
    background: var(--kehu-sync-status-error-color, var(--_kehu-danger));
  }
  .pending {
    color: var(--kehu-sync-status-pending-color, var(--_kehu-warning));
  }
  .time {
    color: var(--_muted);
  }
  .error {
    color: var(--kehu-sync-status-error-color, var(--_kehu-danger));
    flex-basis: 100%;
  }
`;

export const syncStatusStyles = [theme, ownStyles];
