// Only `export *` here, never `export { … } from`: esbuild keeps a barrel with named re-exports once
// a host uses one of its names and then puts every module it names, used or not, in the host's
// up-front chunks — so lazily loaded code (permissions, sync's code blocks) would load up front.
// Named re-exports live in each folder's own barrel (`entity/index.ts`, `store/index.ts`, …).
export * from './i18n/locale.js';
export * from './entity/types.js';
export * from './store/types.js';
export * from './errors/errors.js';
export * from './entity/index.js';
export * from './store/index.js';
export * from './audit/index.js';
export * from './validation/index.js';
export * from './formula/index.js';
export * from './filter/filter.js';
export * from './import/index.js';
export * from './views/index.js';
export * from './analysis/index.js';
export * from './normalize/index.js';
export * from './dedupe/index.js';
export * from './backup/index.js';
export * from './crm/index.js';
export type * from './generated/entities.js';
export * from './permissions/index.js';
export * from './sync/index.js';
export * from './export/index.js';
