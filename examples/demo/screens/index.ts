import type { DemoScreen } from './types.js';
import { productCatalogue } from './product-catalogue.js';
import { opportunityKanban } from './opportunity-kanban.js';
import { dueListScreen } from './due-list.js';
import { dashboardScreen } from './dashboard.js';
import { customer360Screen } from './customer-360.js';

/** The demo's screens, in navigation order, after the entity archives. */
export const screens: DemoScreen[] = [
  productCatalogue,
  opportunityKanban,
  dueListScreen,
  dashboardScreen,
  customer360Screen,
];
