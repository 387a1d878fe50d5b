export { parseFormula, evaluateFormula, formulaNames, formulaFunctions, FormulaSyntaxError } from './expression.js';
export type { Expression, FormulaScope } from './expression.js';
export { clean, roundTo, decimalsOf } from './decimal.js';
export { recompute, recomputeFields, withComputed, hasFormulas, type RecordPath } from './computed.js';
export { formulaProblems } from './check-formulas.js';
