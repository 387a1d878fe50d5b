/** What a key does to an open or closed picker list. */
export type KeyAction =
  | { type: 'open' }
  | { type: 'move'; to: number }
  | { type: 'choose'; index: number }
  | { type: 'close' }
  | { type: 'cancel' };

/**
 * The WAI-ARIA combobox keys: arrows open the list and move the highlight, Enter picks, Escape
 * closes and restores the text. With an option highlighted, Home/End go to the first and last
 * option; otherwise they stay with the text box (caret to the start or end). Undefined: not ours.
 */
export function keyAction(key: string, open: boolean, active: number, count: number): KeyAction | undefined {
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return open ? { type: 'move', to: Math.min(active + 1, last) } : { type: 'open' };
    case 'ArrowUp':
      return open ? { type: 'move', to: Math.min(Math.max(active - 1, 0), last) } : { type: 'open' };
    case 'Home':
      return open && active >= 0 ? { type: 'move', to: 0 } : undefined;
    case 'End':
      return open && active >= 0 ? { type: 'move', to: last } : undefined;
    case 'Enter':
      if (!open) return undefined;
      return active >= 0 ? { type: 'choose', index: active } : { type: 'close' };
    case 'Escape':
      return open ? { type: 'cancel' } : undefined;
    default:
      return undefined;
  }
}
