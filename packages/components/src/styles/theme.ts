import { css } from 'lit';

/**
 * The shared theme every Kehu element starts from. Hosts restyle all elements at once through the
 * global `--kehu-color-*` / `--kehu-radius` / `--kehu-font-*` tokens, one element through its own
 * `--kehu-<element>-*` properties, and single pieces through `::part`. Light and dark come from the
 * host page's `color-scheme` (`light-dark()`), so `:root { color-scheme: light dark }` follows the
 * user's system and `color-scheme: dark` forces dark.
 *
 * Elements read the resolved tokens as private `--_kehu-*` properties, e.g.
 * `background: var(--kehu-record-list-background, var(--_kehu-surface));`.
 *
 * @cssproperty --kehu-color-surface - Element background. Light #fff, dark #1b1e23.
 * @cssproperty --kehu-color-surface-alt - Headers, toolbars, zebra rows. Light #f5f6f8, dark #23272e.
 * @cssproperty --kehu-color-text - Text. Light #1f2328, dark #e6e8eb.
 * @cssproperty --kehu-color-muted - Secondary text (counts, hints, placeholders). Light #5f6673, dark #9aa3af.
 * @cssproperty --kehu-color-border - Frames, rules, inputs. Light #d0d5dd, dark #3a404a.
 * @cssproperty --kehu-color-accent - Primary buttons, focus rings, selection. Light #2563eb, dark #6b9cff.
 * @cssproperty --kehu-color-on-accent - Text on the accent colour. #fff, dark #0b1020.
 * @cssproperty --kehu-color-hover - Row or item under the pointer. Light #f0f4ff, dark #2a3242.
 * @cssproperty --kehu-color-selected - Selected rows and items. Light #dbe7ff, dark #243a66.
 * @cssproperty --kehu-color-danger - Errors and destructive actions. Light #b42318, dark #ff8a80.
 * @cssproperty --kehu-color-success - Saved, done. Light #067647, dark #6fd39b.
 * @cssproperty --kehu-color-warning - Due soon, pending. Light #b54708, dark #f5b35c.
 * @cssproperty --kehu-radius - Corner radius of frames and inputs. Default 6px.
 * @cssproperty --kehu-font-family - Font; default inherits the host page's.
 * @cssproperty --kehu-font-size - Base font size; default inherits.
 */
export const theme = css`
  :host {
    --_kehu-surface: var(--kehu-color-surface, light-dark(#fff, #1b1e23));
    --_kehu-surface-alt: var(--kehu-color-surface-alt, light-dark(#f5f6f8, #23272e));
    --_kehu-text: var(--kehu-color-text, light-dark(#1f2328, #e6e8eb));
    --_kehu-muted: var(--kehu-color-muted, light-dark(#5f6673, #9aa3af));
    --_kehu-border: var(--kehu-color-border, light-dark(#d0d5dd, #3a404a));
    --_kehu-accent: var(--kehu-color-accent, light-dark(#2563eb, #6b9cff));
    --_kehu-on-accent: var(--kehu-color-on-accent, light-dark(#fff, #0b1020));
    --_kehu-hover: var(--kehu-color-hover, light-dark(#f0f4ff, #2a3242));
    --_kehu-selected: var(--kehu-color-selected, light-dark(#dbe7ff, #243a66));
    --_kehu-danger: var(--kehu-color-danger, light-dark(#b42318, #ff8a80));
    --_kehu-success: var(--kehu-color-success, light-dark(#067647, #6fd39b));
    --_kehu-warning: var(--kehu-color-warning, light-dark(#b54708, #f5b35c));
    --_kehu-radius: var(--kehu-radius, 6px);
    font-family: var(--kehu-font-family, inherit);
    font-size: var(--kehu-font-size, inherit);
    color: var(--_kehu-text);
  }
  :host([hidden]) {
    display: none !important;
  }
`;
