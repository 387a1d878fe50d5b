/**
 * Deterministic demo data for the dealer CRM: dictionaries, customers, vehicles, products,
 * business documents, opportunities and activities, valid against the shipped schemas and
 * consistent with each other (every reference points at an existing record, document totals add
 * up, plates match owners' cities).
 */
import { generateActivities } from './activities.js';
import { generateCustomers } from './customers.js';
import { CUSTOMER_CLASSES, CUSTOMER_LEVELS, INSURERS, PRICE_TIERS } from './dictionaries.js';
import { generateDocuments } from './documents.js';
import {
  CRM_SETTINGS,
  EVALUATION_CATEGORIES,
  FOLLOW_UP_METHODS,
  FOLLOW_UP_QUESTIONS,
  generateFollowUps,
  generateLevelChanges,
} from './follow-ups.js';
import { extractPolicies, generateClaims } from './insurance.js';
import { generateOpportunities } from './opportunities.js';
import { generatePeriodPrices, trackingPrices } from './prices.js';
import { CATALOGUE_SIZE, generateProducts } from './products.js';
import { createRandom, dayNumber } from './random.js';
import { plantDuplicates } from './duplicates.js';
import { generateVehicles } from './vehicles.js';

export interface SeedOptions {
  /** Same seed, same data. Default 20240501. */
  seed?: number;
  /** Number of customers; about two in three are consumers, each owning a vehicle. Default 1,000. */
  customers?: number;
  /** Number of products, services included; at most `CATALOGUE_SIZE`. Default 240. */
  products?: number;
  /** Number of business documents. Default 600. */
  documents?: number;
  /** Number of sales opportunities. Default 400. */
  opportunities?: number;
  /** Number of customer activities (visits, calls, follow-ups), due around `today`. Default 600. */
  activities?: number;
  /**
   * The demo's "today" (`YYYY-MM-DD`): dates and insurance terms are laid out before it. Fixed by
   * default so output never changes; pass the real date to get live expiry reminders in the demo.
   */
  today?: string;
}

export const DEFAULT_SEED_OPTIONS: Required<SeedOptions> = {
  seed: 20240501,
  customers: 1000,
  products: 240,
  documents: 600,
  opportunities: 400,
  activities: 600,
  today: '2026-11-01',
};

export { CATALOGUE_SIZE };

/**
 * Records per entity name (`customer`, `vehicle`, …), each with a stable `id` such as
 * `cus-000001`, plus `createdAt`/`updatedAt` laid out over the years before `today`.
 */
export function generateSeed(options: SeedOptions = {}): Record<string, Record<string, unknown>[]> {
  // `??` rather than a spread, so `{ seed: undefined }` still means the default seed.
  const seed = options.seed ?? DEFAULT_SEED_OPTIONS.seed;
  const customerCount = options.customers ?? DEFAULT_SEED_OPTIONS.customers;
  const productCount = options.products ?? DEFAULT_SEED_OPTIONS.products;
  const documentCount = options.documents ?? DEFAULT_SEED_OPTIONS.documents;
  const opportunityCount = options.opportunities ?? DEFAULT_SEED_OPTIONS.opportunities;
  const activityCount = options.activities ?? DEFAULT_SEED_OPTIONS.activities;
  const todayDate = options.today ?? DEFAULT_SEED_OPTIONS.today;
  const today = dayNumber(todayDate);
  if (Number.isNaN(today)) throw new RangeError(`today must be a YYYY-MM-DD date, got ${todayDate}`);
  if (documentCount > 0 && (customerCount < 1 || productCount < 1)) {
    throw new RangeError('documents need at least one customer and one product');
  }

  const customers = generateCustomers(createRandom(seed, 'customer'), customerCount, today);
  const vehicles = generateVehicles(createRandom(seed, 'vehicle'), customers, today);
  const products = generateProducts(createRandom(seed, 'product'), productCount, today);
  const documents = generateDocuments(
    createRandom(seed, 'document'),
    documentCount,
    customers,
    vehicles,
    products,
    today,
  );
  // Policies become records of their own once the documents (whose remarks name the insurer) exist.
  const policies = extractPolicies(vehicles);
  const claims = generateClaims(createRandom(seed, 'insurance-claim'), documents, policies, today);
  const opportunities = generateOpportunities(
    createRandom(seed, 'opportunity'),
    opportunityCount,
    customers,
    products,
    today,
  );
  const activities = generateActivities(
    createRandom(seed, 'activity'),
    activityCount,
    customers,
    vehicles,
    opportunities,
    today,
  );

  // A few customers keyed in twice (data-quality screen); one vehicle of each original moves to its copy.
  const duplicates = plantDuplicates(
    customers.map((c) => c.record),
    vehicles,
    [...documents, ...activities],
  );

  return {
    'customer-class': CUSTOMER_CLASSES.map((entry) => ({ ...entry })),
    'customer-level': CUSTOMER_LEVELS.map((entry) => ({ ...entry })),
    insurer: INSURERS.map((entry) => ({ ...entry })),
    'price-tier': PRICE_TIERS.map((entry) => ({ ...entry })),
    customer: [...customers.map((c) => c.record), ...duplicates.customers],
    vehicle: duplicates.vehicles,
    product: products,
    document: documents,
    opportunity: opportunities,
    activity: activities,
    'crm-settings': [{ ...CRM_SETTINGS }],
    'follow-up-method': FOLLOW_UP_METHODS.map((entry) => ({ ...entry })),
    'evaluation-category': EVALUATION_CATEGORIES.map((entry) => ({ ...entry })),
    'follow-up-question': FOLLOW_UP_QUESTIONS.map((entry) => ({ ...entry })),
    'level-change': generateLevelChanges(createRandom(seed, 'level-change'), customers, today),
    'follow-up': generateFollowUps(createRandom(seed, 'follow-up'), documents, today),
    'insurance-policy': policies,
    'insurance-claim': claims,
    'period-price': generatePeriodPrices(createRandom(seed, 'period-price'), customers, products, today),
    'tracking-price': trackingPrices(documents),
  };
}
