import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** Custom properties (or other hyphenated properties) by name; `undefined` removes one. */
export type StyleProperties = Record<string, string | undefined>;

/**
 * Sets CSS properties through the CSSOM (`style.setProperty`), on every render including the
 * first. Lit's `styleMap` writes a `style="…"` attribute on first render, which a
 * Content-Security-Policy without `'unsafe-inline'` for styles refuses (and reports); Kehu's
 * elements must run under such a policy.
 *
 * Used in element position: `<div ${styleProperties({ '--_columns': tracks })}>`.
 */
class StylePropertiesDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) {
      throw new Error('styleProperties() goes in element position: <div ${styleProperties({...})}>');
    }
  }

  render(_properties: StyleProperties): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [StyleProperties]): typeof noChange {
    const { style } = part.element as HTMLElement;
    const current = new Set<string>();
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      current.add(name);
      if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
    }
    for (const name of this.previous) if (!current.has(name)) style.removeProperty(name);
    this.previous = current;
    return noChange;
  }
}

/** CSP-safe inline CSS properties for Lit templates; see {@link StylePropertiesDirective}. */
export const styleProperties = directive(StylePropertiesDirective);
