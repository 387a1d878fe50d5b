// The element classes and their public types. No side effects: import `define.js` (or an
// element's own `define.js`) to register the tags.
export { KehuStoreProvider } from './store-provider/store-provider.js';
export { KehuRecordList } from './record-list/record-list.js';
export type { RecordActivateDetail, RecordActivateEvent } from './record-list/record-activate-event.js';
export { KehuRecordForm } from './record-form/record-form.js';
export type { RecordCancelDetail, RecordSaveDetail } from './record-form/record-form.js';
export { fieldWidgets, widgetFor } from './record-form/widgets/registry.js';
export { rankWith, kindOrWidget } from './record-form/widgets/testers.js';
export { control, textOf, numberOf } from './record-form/widgets/control.js';
export type { FieldWidget, WidgetContext, WidgetTester, NestedFieldOptions } from './record-form/widgets/registry.js';
export { KehuReferencePicker } from './reference-picker/reference-picker.js';
export { storeContext } from './context/store-context.js';
export { EntityController, type EntityHost } from './controllers/entity-controller.js';
export { addStrings, t } from './i18n/strings.js';
export { uiLocale } from './i18n/ui-locale.js';
export { watchLang } from './i18n/locale-observer.js';
