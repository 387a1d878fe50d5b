import { KehuReferencePicker } from './reference-picker.js';
// No `import '../record-form/define.js'`: "New customer '…'" opens a `<kehu-record-form>` and is
// offered only where the page defines one (`InlineCreateController.available`). The picker is
// loaded by the form (or by `define.js`, which defines both), so the form is there when it counts;
// importing it here would put the whole form into the picker's lazily loaded chunk's share, which
// esbuild cuts out of the host's main chunk as one more up-front file.

if (!customElements.get('kehu-reference-picker')) customElements.define('kehu-reference-picker', KehuReferencePicker);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-reference-picker': KehuReferencePicker;
  }
}
