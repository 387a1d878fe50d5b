export type * from './types.js';
export { diffRecords, sameValue } from './diff.js';
