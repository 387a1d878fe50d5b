// CRM functions part 2: parameters, levels, follow-ups, lost customers, segments, interactions.
// Re-exported by `../index.ts` (see `../entity/index.ts` for why a folder barrel).
export * from './settings.js';
export { addDays, localToday } from './settings-days.js';
export * from './levels.js';
export * from './follow-up.js';
export * from './lost.js';
export * from './segments.js';
export * from './interactions.js';
export * from './pricing.js';
export * from './pricing-store.js';
export * from './documents.js';
export * from './insurance.js';
export * from './claims.js';
export * from './claims-query.js';
