export {
  createValidator,
  canGenerateCode,
  setValidationMode,
  type RecordValidator,
  type ValidationMode,
  type ValidatorOptions,
} from './validator.js';
export {
  schemaFingerprint,
  validationRuntime,
  type PrecompiledValidator,
  type PrecompiledValidators,
  type ValidationRuntime,
} from './precompiled.js';
export type { FormatDefinition, ValidateFunctionLike } from './interpret.js';
export { isMultipleOf } from './multiple-of.js';
export { messageFor } from './messages.js';
export {
  kehuFormats,
  formatExamples,
  isVin,
  isCnMobile,
  isCnResidentId,
  isCnUscc,
  isCnPlate,
  isCnPostalCode,
  vinCheckDigit,
  residentIdCheckChar,
  usccCheckChar,
} from './formats.js';
