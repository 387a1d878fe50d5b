import type { DemoScreen } from './types.js';
import { productCatalogue } from './product-catalogue.js';
import { opportunityKanban } from './opportunity-kanban.js';
import { dueListScreen } from './due-list.js';
import { dashboardScreen } from './dashboard.js';
import { customer360Screen } from './customer-360.js';
import { vehicleArchive } from './vehicle-archive.js';
import { documentEntryScreen } from './document-entry.js';

/** The demo's screens, in navigation order, after the entity archives. */
export const screens: DemoScreen[] = [
  customer360Screen,
  vehicleArchive,
  productCatalogue,
  documentEntryScreen,
  opportunityKanban,
  dueListScreen,
  dashboardScreen,
];
