import { KehuImportWizard } from './import-wizard.js';
import './import-events.js';

if (!customElements.get('kehu-import-wizard')) customElements.define('kehu-import-wizard', KehuImportWizard);

declare global {
  interface HTMLElementTagNameMap {
    'kehu-import-wizard': KehuImportWizard;
  }
}
