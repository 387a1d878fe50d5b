// Defines every Kehu element. Import this once (or the per-element define modules you need).
import './store-provider/define.js';
import './reference-picker/define.js';
import './record-form/define.js';
import './record-list/define.js';
