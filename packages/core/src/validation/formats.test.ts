import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatExamples,
  isCnMobile,
  isCnPlate,
  isCnPostalCode,
  isCnResidentId,
  isCnUscc,
  isVin,
  kehuFormats,
  residentIdCheckChar,
  usccCheckChar,
  vinCheckDigit,
} from './formats.js';

/** A small deterministic generator (mulberry32), so property-style loops fail the same way every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (next: () => number, chars: string) => chars[Math.floor(next() * chars.length)];
const replaceAt = (value: string, index: number, char: string) => value.slice(0, index) + char + value.slice(index + 1);

const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function randomVin(next: () => number): string {
  let body = '';
  for (let i = 0; i < 17; i++) body += pick(next, VIN_CHARS);
  return replaceAt(body, 8, vinCheckDigit(body)!);
}

function randomResidentId(next: () => number): string {
  const province = ['11', '13', '22', '31', '37', '44', '51', '65', '81'][Math.floor(next() * 9)];
  const birth = new Date(Date.UTC(1930 + Math.floor(next() * 90), 0, 1) + Math.floor(next() * 365) * 86_400_000);
  const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
  let first17 = province + '0105' + date;
  for (let i = 0; i < 3; i++) first17 += pick(next, '0123456789');
  return first17 + residentIdCheckChar(first17);
}

function randomUscc(next: () => number): string {
  let first17 = pick(next, '159Y') + pick(next, '123');
  for (let i = 0; i < 6; i++) first17 += pick(next, '0123456789');
  for (let i = 0; i < 9; i++) first17 += pick(next, USCC_CHARS);
  return first17 + usccCheckChar(first17)!;
}

describe('kehuFormats', () => {
  it('maps every format name a schema can use to its check', () => {
    assert.deepEqual(Object.keys(kehuFormats).sort(), [
      'cn-mobile',
      'cn-plate',
      'cn-postal-code',
      'cn-resident-id',
      'cn-uscc',
      'vin',
    ]);
    assert.equal(kehuFormats.vin, isVin);
    assert.equal(kehuFormats['cn-resident-id'], isCnResidentId);
  });

  for (const [format, { valid, invalid }] of Object.entries(formatExamples)) {
    describe(`the ${format} examples`, () => {
      for (const value of valid) {
        it(`should accept ${JSON.stringify(value)}`, () => assert.equal(kehuFormats[format](value), true));
      }
      for (const value of invalid) {
        it(`should reject ${JSON.stringify(value)}`, () => assert.equal(kehuFormats[format](value), false));
      }
    });
  }
});

describe('isVin', () => {
  it('should accept the classic example and a Chinese VIN', () => {
    assert.equal(isVin('1M8GDM9AXKP042788'), true);
    assert.equal(isVin('LSVAM4187C2184847'), true);
  });

  it('should compute X when the remainder is 10', () => {
    assert.equal(vinCheckDigit('1M8GDM9A0KP042788'), 'X');
  });

  it('should reject lowercase, because stored VINs are normalised to uppercase first', () => {
    assert.equal(isVin('lsvam4187c2184847'), false);
  });

  it('should reject I, O and Q anywhere', () => {
    for (const char of 'IOQ') assert.equal(isVin(replaceAt('1M8GDM9AXKP042788', 3, char)), false);
  });

  it('should reject every other check character for generated VINs', () => {
    const next = random(3779);
    for (let n = 0; n < 200; n++) {
      const vin = randomVin(next);
      assert.equal(isVin(vin), true, vin);
      for (const char of '0123456789X') {
        if (char !== vin[8]) assert.equal(isVin(replaceAt(vin, 8, char)), false, replaceAt(vin, 8, char));
      }
    }
  });

  it('should detect any single character changed to one with another value', () => {
    const next = random(16735);
    for (let n = 0; n < 500; n++) {
      const vin = randomVin(next);
      const index = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16][Math.floor(next() * 16)];
      const char = pick(next, VIN_CHARS);
      const changed = replaceAt(vin, index, char);
      // Transliteration maps several letters to one value (A, J and 1 all count 1); those stay valid.
      if (vinCheckDigit(changed) === vinCheckDigit(vin)) continue;
      assert.equal(isVin(changed), false, `${vin} → ${changed}`);
    }
  });
});

describe('isCnResidentId', () => {
  it('should accept the GB 11643 example with a check character X', () => {
    assert.equal(isCnResidentId('11010519491231002X'), true);
  });

  it('should reject every other check character for generated IDs', () => {
    const next = random(11643);
    for (let n = 0; n < 200; n++) {
      const id = randomResidentId(next);
      assert.equal(isCnResidentId(id), true, id);
      for (const char of '0123456789X') {
        if (char !== id[17]) assert.equal(isCnResidentId(replaceAt(id, 17, char)), false);
      }
    }
  });

  it('should detect any single digit typed wrong', () => {
    const next = random(2260);
    for (let n = 0; n < 500; n++) {
      const id = randomResidentId(next);
      const index = Math.floor(next() * 17);
      const digit = String((Number(id[index]) + 1 + Math.floor(next() * 9)) % 10);
      assert.equal(isCnResidentId(replaceAt(id, index, digit)), false, `${id} → ${replaceAt(id, index, digit)}`);
    }
  });

  it('should reject birth dates that do not exist or lie in the future', () => {
    const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
    assert.equal(isCnResidentId(withCheck('11010120000229001')), true, '2000 is a leap year');
    assert.equal(isCnResidentId(withCheck('11010119000229001')), false, '1900 is not');
    assert.equal(isCnResidentId(withCheck('11010119800431001')), false);
    assert.equal(isCnResidentId(withCheck('11010119801301001')), false);
    assert.equal(isCnResidentId(withCheck('11010129991231001')), false);
  });

  it('should reject region codes that are not provinces', () => {
    const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
    for (const region of ['00', '10', '16', '24', '38', '47', '55', '66', '72', '84', '91']) {
      assert.equal(isCnResidentId(withCheck(`${region}010519491231002`)), false, region);
    }
    for (const region of ['11', '15', '23', '37', '46', '54', '65', '71', '81', '82', '83']) {
      assert.equal(isCnResidentId(withCheck(`${region}010519491231002`)), true, region);
    }
  });

  it('should reject a lowercase x', () => {
    assert.equal(isCnResidentId('11010519491231002x'), false);
  });
});

describe('isCnUscc', () => {
  it('should accept the GB 32100 example', () => {
    assert.equal(isCnUscc('91350100M000100Y43'), true);
  });

  it('should reject every other check character and any single changed character for generated codes', () => {
    const next = random(32100);
    for (let n = 0; n < 300; n++) {
      const code = randomUscc(next);
      assert.equal(isCnUscc(code), true, code);
      const wrongCheck = replaceAt(
        code,
        17,
        USCC_CHARS[(USCC_CHARS.indexOf(code[17]) + 1 + Math.floor(next() * 30)) % 31],
      );
      assert.equal(isCnUscc(wrongCheck), false, wrongCheck);
      const index = Math.floor(next() * 17);
      const changed = replaceAt(
        code,
        index,
        USCC_CHARS[(USCC_CHARS.indexOf(code[index]) + 1 + Math.floor(next() * 30)) % 31],
      );
      assert.equal(isCnUscc(changed), false, `${code} → ${changed}`);
    }
  });

  it('should reject letters the code alphabet leaves out', () => {
    for (const char of 'IOSVZ') assert.equal(isCnUscc(replaceAt('91350100M000100Y43', 9, char)), false, char);
  });
});

describe('isCnMobile', () => {
  it('should accept 13–19 prefixes with or without +86', () => {
    for (const prefix of '3456789') assert.equal(isCnMobile(`1${prefix}812345678`), true);
    assert.equal(isCnMobile('+8619912345678'), true);
  });

  it('should reject 10 and 12 prefixes, wrong lengths and separators', () => {
    for (const value of [
      '10812345678',
      '12812345678',
      '1381234567',
      '138123456789',
      '138 1234 5678',
      '86 13812345678',
    ]) {
      assert.equal(isCnMobile(value), false, value);
    }
  });
});

describe('isCnPlate', () => {
  it('should accept every province abbreviation on an ordinary plate', () => {
    for (const province of '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼') {
      assert.equal(isCnPlate(`${province}A12345`), true, province);
    }
  });

  it('should accept new-energy plates for small cars and large vehicles', () => {
    assert.equal(isCnPlate('粤BD12345'), true);
    assert.equal(isCnPlate('粤BFA1234'), true);
    assert.equal(isCnPlate('粤B12345D'), true);
    assert.equal(isCnPlate('粤BA12345'), false, 'a six-character serial must start with D or F');
    assert.equal(isCnPlate('粤B12345A'), false, 'or end with D or F');
  });

  it('should accept each special suffix', () => {
    for (const suffix of '挂学警港澳领') assert.equal(isCnPlate(`粤Z1234${suffix}`), true, suffix);
    assert.equal(isCnPlate('使014001'), true);
  });

  it('should reject I and O in the serial, which read as 1 and 0', () => {
    assert.equal(isCnPlate('京A1234I'), false);
    assert.equal(isCnPlate('京AO2345'), false);
  });
});

describe('isCnPostalCode', () => {
  it('should accept six digits starting 0–8 and nothing else', () => {
    assert.equal(isCnPostalCode('100000'), true);
    assert.equal(isCnPostalCode('010010'), true);
    assert.equal(isCnPostalCode('900000'), false);
    assert.equal(isCnPostalCode(' 100000'), false);
  });
});
