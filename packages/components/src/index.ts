// The element classes and their public types. No side effects: import `define.js` (or an
// element's own `define.js`) to register the tags.
export { KehuStoreProvider } from './store-provider/store-provider.js';
export { KehuRecordList } from './record-list/record-list.js';
export { KehuRecordDetail } from './record-detail/record-detail.js';
export { relatedReferences, type RelatedReference } from './record-detail/related-references.js';
export { KehuRecordTimeline } from './record-timeline/record-timeline.js';
export type { RecordActivateDetail, RecordActivateEvent } from './record-list/record-activate-event.js';
export type { RecordExportDetail, RecordExportEvent } from './record-list/record-export-event.js';
export { KehuFilterBuilder } from './filter-builder/filter-builder.js';
export type { FilterChangeDetail, FilterChangeEvent } from './filter-builder/filter-change-event.js';
export { KehuRecordForm } from './record-form/record-form.js';
export type { RecordCancelDetail, RecordSaveDetail, DirtyChangeDetail, FormMode } from './record-form/record-form.js';
export { KehuLineItems } from './line-items/line-items.js';
export type { LineItemIssue, LineItemsChangeDetail } from './line-items/line-items.js';
export { parseTsv } from './line-items/tsv.js';
export { parseCell, parseNumber, parseDate } from './line-items/cell-value.js';
export { fieldWidgets, widgetFor } from './record-form/widgets/registry.js';
export { rankWith, kindOrWidget } from './record-form/widgets/testers.js';
export { control, textOf, numberOf } from './record-form/widgets/control.js';
export type { FieldWidget, WidgetContext, WidgetTester, NestedFieldOptions } from './record-form/widgets/registry.js';
export { KehuReferencePicker } from './reference-picker/reference-picker.js';
export { KehuRecordAttachments } from './record-attachments/record-attachments.js';
export type {
  AttachmentAddEvent,
  AttachmentEventDetail,
  AttachmentRemoveEvent,
} from './record-attachments/attachment-events.js';
export { RecentRecords } from './reference-picker/recent-records.js';
export { KehuRecordKanban } from './record-kanban/record-kanban.js';
export type { RecordMoveDetail, RecordMoveEvent } from './record-kanban/record-move-event.js';
export { KehuDueList } from './due-list/due-list.js';
export { KehuImportWizard } from './import-wizard/import-wizard.js';
export type {
  ImportDoneDetail,
  ImportDoneEvent,
  ImportStartDetail,
  ImportStartEvent,
} from './import-wizard/import-events.js';
export { KehuRecordChart } from './record-chart/record-chart.js';
export { KehuDuplicateReview } from './duplicate-review/duplicate-review.js';
export type { MergeEvent, MergeEventDetail } from './duplicate-review/duplicate-merge-event.js';
export { KehuSyncStatus, type SyncStatusSource } from './sync-status/sync-status.js';
export { KehuConflictPicker } from './conflict-picker/conflict-picker.js';
export type { ConflictResolveDetail, ConflictResolveEvent } from './conflict-picker/conflict-resolve-event.js';
export { storeContext } from './context/store-context.js';
export { EntityController, type EntityHost } from './controllers/entity-controller.js';
export { addStrings, t } from './i18n/strings.js';
export { uiLocale } from './i18n/ui-locale.js';
export { watchLang } from './i18n/locale-observer.js';
