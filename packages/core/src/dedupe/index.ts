export * from './similarity.js';
export {
  detectDuplicates,
  DuplicateScanner,
  matchRules,
  type DetectOptions,
  type DuplicatePair,
  type MatchKind,
  type MatchRule,
} from './detect.js';
export { findDuplicates } from './find.js';
export {
  canUndoMerge,
  mergedValues,
  mergeRecords,
  undoMerge,
  type MergeChoices,
  type MergeResult,
  type UndoMergeResult,
} from './merge.js';
export * from './completeness.js';
