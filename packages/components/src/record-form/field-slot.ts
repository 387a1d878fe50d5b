import { AsyncDirective, directive } from 'lit/async-directive.js';
import type { FieldPath, FormState } from './form-state.js';

/** What a field slot needs: where the field sits and how to draw it now. */
export interface FieldSlotView {
  state: FormState;
  path: FieldPath;
  /** Shows its descendants' issues itself (see `FormState.attach`). */
  container?: boolean;
  render(): unknown;
}

/**
 * Renders one field and re-renders it on its own when the form state says so (its issues changed,
 * a row was added), so a 150-field form does not re-render as a whole for one field's change.
 */
class FieldSlot extends AsyncDirective {
  private view?: FieldSlotView;
  private detach?: () => void;

  render(view: FieldSlotView): unknown {
    const same =
      this.view && this.view.state === view.state && JSON.stringify(this.view.path) === JSON.stringify(view.path);
    this.view = view;
    if (!same || !this.detach) this.listen();
    return view.render();
  }

  private listen(): void {
    this.detach?.();
    const view = this.view;
    if (!view || !this.isConnected) return;
    this.detach = view.state.attach(
      view.path,
      () => {
        if (this.isConnected && this.view) this.setValue(this.view.render());
      },
      view.container,
    );
  }

  protected override disconnected(): void {
    this.detach?.();
    this.detach = undefined;
  }

  protected override reconnected(): void {
    this.listen();
  }
}

/** `${fieldSlot({ state, path, render })}`: a field that can re-render itself. */
export const fieldSlot = directive(FieldSlot);
