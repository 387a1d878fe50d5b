// The entity API that `../index.ts` re-exports. The root barrel only star-exports folder barrels like
// this one: a barrel with named re-exports is kept by esbuild once a host uses one of its names, and
// then puts every module it names in the host's up-front chunks, even one only loaded with import().
export { defineEntity, systemProperties, type DefineEntityOptions } from './define-entity.js';
export { checkEntitySchema, maxIndexedFields } from './check.js';
export { kehuEntityMetaSchema } from './meta-schema.js';
export {
  formatReference,
  parseReference,
  referencesTo,
  referenceTargets,
  referenceSeparator,
  type ReferenceValue,
} from './polymorphic-reference.js';
export { conditionHolds, derivedConditions } from './conditions.js';
