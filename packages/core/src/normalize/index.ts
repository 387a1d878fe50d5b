export {
  collapseSpaces,
  halfWidthAlnum,
  normalizeAddress,
  normalizeCode,
  normalizeId,
  normalizeName,
  normalizePhone,
  normalizeRules,
  normalizeValue,
  type NormalizeRule,
} from './rules.js';
export { normalizeRecord, normalizeRuleOf, hasNormalization } from './record.js';
