import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defineEntity } from '../entity/define-entity.js';
import { cleanBoolean, cleanCell, cleanDate, cleanMobile, cleanNumber, excelSerialDate } from './clean.js';
import { schema } from './test-support/fixtures.js';

const customer = defineEntity(schema('customer'));
const vehicle = defineEntity(schema('vehicle'));
const field = (entity: typeof customer, key: string) => entity.field(key)!;

describe('cleaning imported cells', () => {
  it('reads the date spellings whose meaning is certain', () => {
    for (const value of [
      '2024/3/5',
      '2024-3-5',
      '2024.3.5',
      '2024年3月5日',
      '２０２４年３月５日',
      ' 2024-03-05 ',
      '20240305',
      '2024/3/5 0:00',
    ])
      assert.equal(cleanDate(value), '2024-03-05', value);
    assert.equal(cleanDate(new Date(Date.UTC(2024, 2, 5))), '2024-03-05');
  });

  it('reads Excel serial dates, as numbers (XLSX) or as text (CSV), in date fields only', () => {
    assert.equal(excelSerialDate(45356), '2024-03-05');
    assert.equal(excelSerialDate(1), '1900-01-01');
    assert.equal(cleanDate(45356), '2024-03-05');
    assert.equal(cleanDate('45356'), '2024-03-05');
    assert.equal(cleanCell('45356', field(vehicle, 'purchaseDate')), '2024-03-05');
    assert.equal(cleanCell('45356', field(customer, 'remark')), '45356');
  });

  it('leaves ambiguous or impossible dates as written for the validator to reject', () => {
    assert.equal(cleanDate('3/5/2024'), '3/5/2024');
    assert.equal(cleanDate('05.03.24'), '05.03.24');
    assert.equal(cleanDate('2024/2/30'), '2024/2/30');
    assert.equal(cleanDate('next tuesday'), 'next tuesday');
  });

  it('reads numbers with thousands separators, currency signs and full-width digits', () => {
    assert.equal(cleanNumber('1,234,567.89'), 1234567.89);
    assert.equal(cleanNumber('¥ 12,000'), 12000);
    assert.equal(cleanNumber('１２３４'), 1234);
    assert.equal(cleanNumber('-0.5'), -0.5);
    assert.equal(cleanNumber('1,5'), '1,5');
    assert.equal(cleanNumber('12,34'), '12,34');
    assert.equal(cleanCell('50,000', field(customer, 'creditLimit')), 50000);
  });

  it('reads booleans in both languages and leaves other words alone', () => {
    assert.deepEqual(['是', '否', 'Yes', 'NO', '1', '0', 'true'].map(cleanBoolean), [
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
    assert.equal(cleanBoolean('maybe'), 'maybe');
  });

  it('normalises mobile numbers only when eleven digits starting with 1 remain', () => {
    assert.equal(cleanMobile('+86 138-0013-8000'), '13800138000');
    assert.equal(cleanMobile('0086 13800138000'), '13800138000');
    assert.equal(cleanMobile('１３８ ００１３ ８０００'), '13800138000');
    assert.equal(cleanMobile('138-0013-800'), '138-0013-800');
    assert.equal(cleanCell('+86 139 1234 5678', field(customer, 'mobile')), '13912345678');
  });

  it('maps enum labels in either language to the stored value', () => {
    const type = field(customer, 'type');
    assert.equal(cleanCell('个人', type), 'consumer');
    assert.equal(cleanCell(' Business ', type), 'b2b');
    assert.equal(cleanCell('CHANNEL', type), 'channel');
    assert.equal(cleanCell('外星人', type), '外星人');
  });

  it('tidies spaces and full-width letters in text but keeps Chinese punctuation and markup as text', () => {
    const name = field(customer, 'name');
    assert.equal(cleanCell('  张　三   有限公司 ', name), '张 三 有限公司');
    assert.equal(cleanCell('ＡＢＣ贸易（北京），分公司', name), 'ABC贸易（北京），分公司');
    assert.equal(cleanCell('<script>alert(1)</script>', name), '<script>alert(1)</script>');
    assert.equal(cleanCell('=HYPERLINK("http://x","y")', name), '=HYPERLINK("http://x","y")');
    assert.equal(cleanCell("'=1+1", name), '=1+1');
    assert.equal(cleanCell('   ', name), undefined);
    assert.equal(cleanCell(null, name), undefined);
  });

  it('makes codes and patterned values half-width throughout', () => {
    assert.equal(cleanCell('ＫＨ－００１', field(customer, 'code')), 'KH-001');
    assert.equal(cleanCell(' LSVＡＭ4187C2184847 ', field(vehicle, 'vin')), 'LSVAM4187C2184847');
  });
});
