export { createValidator, type RecordValidator, type ValidatorOptions } from './validator.js';
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
