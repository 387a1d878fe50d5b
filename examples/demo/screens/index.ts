import type { DemoScreen } from './types.js';
import { productCatalogue } from './product-catalogue.js';
import { opportunityKanban } from './opportunity-kanban.js';
import { dueListScreen } from './due-list.js';
import { dashboardScreen } from './dashboard.js';
import { customer360Screen } from './customer-360.js';
import { vehicleArchive } from './vehicle-archive.js';
import { documentEntryScreen } from './document-entry.js';
import { insuranceScreen } from './insurance.js';
import { pricesScreen } from './prices.js';
import { crmSettingsScreen } from './crm-settings.js';
import { dictionariesScreen } from './dictionaries.js';
import { customerLevelsScreen } from './customer-levels.js';
import { followUpsScreen } from './follow-ups.js';
import { lostCustomersScreen } from './lost-customers.js';
import { opportunityAnalysisScreen } from './opportunity-analysis.js';
import { importScreen } from './import.js';
import { dataQualityScreen } from './data-quality.js';
import { conflictsScreen } from './conflicts.js';

/** The demo's screens, in navigation order, after the entity archives. */
export const screens: DemoScreen[] = [
  customer360Screen,
  vehicleArchive,
  productCatalogue,
  documentEntryScreen,
  pricesScreen,
  insuranceScreen,
  opportunityKanban,
  opportunityAnalysisScreen,
  dueListScreen,
  followUpsScreen,
  lostCustomersScreen,
  customerLevelsScreen,
  dashboardScreen,
  dataQualityScreen,
  dictionariesScreen,
  importScreen,
  conflictsScreen,
  crmSettingsScreen,
];
