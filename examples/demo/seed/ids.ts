/**
 * Check digits for the identifiers the demo data carries: resident IDs (GB 11643), unified social
 * credit codes (GB 32100 with the GB 11714 organisation code inside), VINs (ISO 3779) and EAN-13.
 *
 * The canonical validators live in `@kehu/core` (`validation/formats.ts`); these are written
 * independently so the seed and the validators check each other.
 */
import type { Random } from './random.js';

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character of a resident ID for its first 17 digits. */
export function residentIdCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

/** A resident ID for someone registered in `areaCode`, born on `birthDate`; the 17th digit is odd for men. */
export function residentId(areaCode: string, birthDate: string, male: boolean, random: Random): string {
  const order = random.int(0, 49) * 2 + (male ? 1 : 0);
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${random.int(0, 9)}${String(order).padStart(2, '0')}`;
  return first17 + residentIdCheck(first17);
}

/** Whether `value` is an 18-character resident ID with a real calendar birth date and a matching check character. */
export function isResidentId(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const date = new Date(`${birth}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birth) return false;
  return residentIdCheck(value.slice(0, 17)) === value[17];
}

/** The USCC alphabet: digits and capitals without I, O, S, V, Z. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** The 18th character of a unified social credit code for its first 17. */
export function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/** The 9th character of an organisation code (GB 11714) for its first 8; letters count 10–35. */
export function orgCodeCheck(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i], 36) * ORG_CODE_WEIGHTS[i];
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A company's credit code: 9 (market regulator) + 1 (enterprise) + division code + organisation
 * code + check. Companies registered since 2015 carry `MA…` organisation codes, older ones digits.
 */
export function uscc(areaCode: string, random: Random): string {
  const body = random.chance(0.6)
    ? `MA${random.chars('123456789', 1)}${random.chars('0123456789ABCDEFGHJKLMNPQRTUWXY', 5)}`
    : random.chars('0123456789', 8);
  const first17 = `91${areaCode}${body}${orgCodeCheck(body)}`;
  return first17 + usccCheck(first17);
}

/** Whether `value` is a credit code with a matching check character. */
export function isUscc(value: string): boolean {
  if (!/^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/.test(value)) return false;
  return usccCheck(value.slice(0, 17)) === value[17];
}

const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
const VIN_LETTER_VALUES = 'A1B2C3D4E5F6G7H8J1K2L3M4N5P7R9S2T3U4V5W6X7Y8Z9';

function vinValue(char: string): number {
  if (char >= '0' && char <= '9') return Number(char);
  const at = VIN_LETTER_VALUES.indexOf(char);
  return at >= 0 && at % 2 === 0 ? Number(VIN_LETTER_VALUES[at + 1]) : NaN;
}

/** The 9th character of a VIN for the other 16 (the 9th position's own value is ignored). */
export function vinCheck(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) if (i !== 8) sum += vinValue(vin[i]) * VIN_WEIGHTS[i];
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** Model-year codes, a 30-year cycle starting 1980 (A) and again 2010 (A); I, O, Q, U, Z and 0 are never used. */
const MODEL_YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/** A VIN from its parts: 3-char manufacturer id, 5-char descriptor, model year, plant and 6-char serial. */
export function vin(wmi: string, descriptor: string, modelYear: number, plant: string, serial: string): string {
  const draft = `${wmi}${descriptor}0${MODEL_YEAR_CODES[(((modelYear - 1980) % 30) + 30) % 30]}${plant}${serial}`;
  return draft.slice(0, 8) + vinCheck(draft) + draft.slice(9);
}

/** Whether `value` is a 17-character VIN with a matching check digit. */
export function isVin(value: string): boolean {
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(value) && vinCheck(value) === value[8];
}

/** The 13th digit of an EAN-13 barcode for its first 12. */
export function ean13Check(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}

export function isCnMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/** Ordinary plates (粤A12345) and small new-energy plates (粤BD12345 / 粤BF12345). */
export function isCnPlate(value: string): boolean {
  return new RegExp(`^[${PLATE_PROVINCES}][A-HJ-NP-Z]([A-HJ-NP-Z0-9]{5}|[DF][A-HJ-NP-Z0-9]\\d{4})$`, 'u').test(value);
}

export function isCnPostalCode(value: string): boolean {
  return /^[0-8]\d{5}$/.test(value);
}

/** The seed's own format checks, by the names schemas use in `format`. */
export const seedFormats: Record<string, (value: string) => boolean> = {
  vin: isVin,
  'cn-mobile': isCnMobile,
  'cn-resident-id': isResidentId,
  'cn-uscc': isUscc,
  'cn-plate': isCnPlate,
  'cn-postal-code': isCnPostalCode,
};
