/**
 * String formats for Chinese CRM master data, as pure checks.
 *
 * Each check takes the value exactly as stored: no trimming and no case folding, because the
 * normaliser runs before validation and a stored value must already be canonical.
 */

const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** ISO 3779 transliteration; I, O and Q are absent because VINs never use them. */
// prettier-ignore
const VIN_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
  '0': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7, '8': 8, '9': 9,
};

/** The check character (position 9) a VIN's other 16 characters call for, or undefined if a character is not allowed. */
export function vinCheckDigit(vin: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = VIN_VALUES[vin[i]];
    if (value === undefined) return undefined;
    sum += value * VIN_WEIGHTS[i];
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/**
 * A vehicle identification number: 17 uppercase characters without I, O or Q, whose 9th character is
 * the ISO 3779 check digit. China (GB 16735) requires the check digit, so it is always enforced.
 */
export function isVin(value: string): boolean {
  return /^[A-HJ-NPR-Z0-9]{17}$/.test(value) && vinCheckDigit(value) === value[8];
}

/** A mainland China mobile number: 11 digits starting 13–19, optionally prefixed with `+86`. */
export function isCnMobile(value: string): boolean {
  return /^(?:\+86)?1[3-9]\d{9}$/.test(value);
}

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

/** First two digits of real province-level codes (GB/T 2260), plus 83 for Taiwan residence permits. */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);

/** The check character (GB 11643) for the first 17 digits of a resident ID. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i];
  return RESIDENT_ID_CHECK[sum % 11];
}

/**
 * An 18-character mainland resident ID number (GB 11643): a real province code, a birth date that
 * exists and is not in the future, and the check character (uppercase `X` for 10).
 */
export function isCnResidentId(value: string): boolean {
  if (!/^\d{17}[\dX]$/.test(value)) return false;
  if (!PROVINCE_CODES.has(Number(value.slice(0, 2)))) return false;
  if (!isBirthDate(Number(value.slice(6, 10)), Number(value.slice(10, 12)), Number(value.slice(12, 14)))) return false;
  return residentIdCheckChar(value) === value[17];
}

function isBirthDate(year: number, month: number, day: number): boolean {
  // 1900 is the floor the issuing system accepts; anyone older has long had their ID reissued.
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return false;
  // Compared against "now" on purpose: a future birth date is a typo in every case.
  return date.getTime() <= Date.now();
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character (GB 32100-2015) for the first 17 characters of a unified social credit code. */
export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARS.indexOf(first17[i]);
    if (value < 0) return undefined;
    sum += value * USCC_WEIGHTS[i];
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31];
}

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from the code's
 * alphabet (no I, O, S, V, Z), a 6-digit administrative division code at positions 3–8, and the
 * mod-31 check character.
 */
export function isCnUscc(value: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value) && usccCheckChar(value) === value[17];
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
/** Plate serial characters: digits and letters except I and O, which read as 1 and 0. */
const SERIAL = '[A-HJ-NP-Z0-9]';
const PLATE_PATTERNS = [
  // Ordinary: 京A12345, 京AB1234.
  `^[${PROVINCES}][A-HJ-NP-Z]${SERIAL}{5}$`,
  // New energy, small car (粤BD12345) and large vehicle (粤B12345D).
  `^[${PROVINCES}][A-HJ-NP-Z][DF]${SERIAL}\\d{4}$`,
  `^[${PROVINCES}][A-HJ-NP-Z]\\d{5}[DF]$`,
  // Trailer, coach, police, Hong Kong / Macau cross-border and consulate plates: 京A1234警, 粤Z1234港.
  `^[${PROVINCES}][A-HJ-NP-Z]${SERIAL}{4}[挂学警港澳领]$`,
  // Embassy plates carry 使 and six digits (country code + serial); both printed orders occur in records.
  `^使\\d{6}$`,
  `^\\d{6}使$`,
].map((source) => new RegExp(source, 'u'));

/**
 * A mainland China licence plate: ordinary (`京A12345`), new energy (`粤BD12345`, `粤B12345D`), or a
 * special plate ending in 挂 学 警 港 澳 领, or an embassy plate with 使. Written without spaces or dots.
 */
export function isCnPlate(value: string): boolean {
  return PLATE_PATTERNS.some((pattern) => pattern.test(value));
}

/** A mainland China postal code: 6 digits, the first 0–8. */
export function isCnPostalCode(value: string): boolean {
  return /^[0-8]\d{5}$/.test(value);
}

/** Kehu's formats by the name a schema uses in `format`. */
export const kehuFormats: Record<string, (value: string) => boolean> = {
  vin: isVin,
  'cn-mobile': isCnMobile,
  'cn-resident-id': isCnResidentId,
  'cn-uscc': isCnUscc,
  'cn-plate': isCnPlate,
  'cn-postal-code': isCnPostalCode,
};

/**
 * Values each format accepts and rejects, checked by the tests; also handy as examples in docs and
 * for host apps testing their own forms. Invalid entries include single-character check-digit flips.
 */
export const formatExamples: Record<string, { valid: string[]; invalid: string[] }> = {
  vin: {
    valid: ['1M8GDM9AXKP042788', '11111111111111111', 'LSVAM4187C2184847', 'LFV2A21K6C3021349', 'LVSHCAMB7CE012345'],
    invalid: [
      '1M8GDM9A1KP042788',
      '1M8GDM9AXKP042789',
      '1m8gdm9axkp042788',
      '1M8GDM9AXKP04278',
      'IM8GDM9AXKP042788',
      '',
    ],
  },
  'cn-mobile': {
    valid: ['13812345678', '19912345678', '+8613812345678'],
    invalid: ['12812345678', '1381234567', '138123456789', '8613812345678', '+86 13812345678', '138-1234-5678'],
  },
  'cn-resident-id': {
    valid: ['11010519491231002X', '440308199901011234', '110101200002290018'],
    invalid: [
      '110105194912310021',
      '11010519491231002x',
      '990105194912310023',
      '110101190002290011',
      '110105194913310021',
      '110105299912310020',
      '1101051949123100',
    ],
  },
  'cn-uscc': {
    valid: ['91350100M000100Y43', '91110000100006833Y', '91440300MA5ABCDE1H'],
    invalid: [
      '91350100M000100Y44',
      '91350100M000100Y4',
      '91350100M000I00Y43',
      '9135A100M000100Y43',
      '91350100m000100y43',
    ],
  },
  'cn-plate': {
    valid: [
      '京A12345',
      '沪AB1234',
      '粤BD12345',
      '粤B12345D',
      '京A1234警',
      '粤Z1234港',
      '粤Z1234澳',
      '沪A1234领',
      '苏E1234挂',
      '京A1234学',
      '使014001',
    ],
    invalid: ['京A1234', '京AI2345', '港A12345', '京a12345', '粤BD123456', '京A12345警', '京 A12345'],
  },
  'cn-postal-code': {
    valid: ['100000', '518000', '010000'],
    invalid: ['900000', '10000', '1000000', '10000A'],
  },
};
