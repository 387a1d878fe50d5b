import { nothing, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';
import type { WidgetContext } from './registry.js';

/**
 * `<input ${control(ctx)}>`: puts the attributes every field control carries — id (for the
 * label), required, disabled, placeholder, aria-invalid, aria-describedby — on the element, so each
 * widget does not repeat them.
 */
class ControlAttributes extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('control() goes on an element: <input ${control(ctx)}>');
  }

  render(_ctx: WidgetContext) {
    return nothing;
  }

  override update(part: ElementPart, [ctx]: [WidgetContext]) {
    const el = part.element;
    el.id = ctx.id;
    toggle(el, 'required', ctx.field.required ? '' : undefined);
    toggle(el, 'aria-required', ctx.field.required ? 'true' : undefined);
    toggle(el, 'disabled', ctx.disabled ? '' : undefined);
    toggle(el, 'placeholder', ctx.placeholder || undefined);
    toggle(el, 'aria-invalid', ctx.invalid ? 'true' : undefined);
    toggle(el, 'aria-describedby', ctx.describedBy);
    return nothing;
  }
}

function toggle(el: Element, name: string, value: string | undefined): void {
  if (value === undefined) el.removeAttribute(name);
  else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

export const control = directive(ControlAttributes);

/** Reads a text control: an empty input is an absent value, not `''`. */
export function textOf(event: Event): string | undefined {
  const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  return value === '' ? undefined : value;
}

/** Reads a number control: a number, or undefined when empty. */
export function numberOf(event: Event): number | undefined {
  const input = event.target as HTMLInputElement;
  if (input.value === '') return undefined;
  const n = Number(input.value);
  return Number.isNaN(n) ? undefined : n;
}
