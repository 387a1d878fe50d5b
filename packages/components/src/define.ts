// Defines every Kehu element. Import this once (or the per-element define modules you need).
import './store-provider/define.js';
import './reference-picker/define.js';
import './record-form/define.js';
import './line-items/define.js';
import './record-list/define.js';
import './record-detail/define.js';
import './record-timeline/define.js';
import './record-chart/define.js';
import './record-kanban/define.js';
import './due-list/define.js';
import './import-wizard/define.js';
import './filter-builder/define.js';
import './record-attachments/define.js';
import './duplicate-review/define.js';
import './sync-status/define.js';
import './conflict-picker/define.js';
