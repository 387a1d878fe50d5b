import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonSchema, ValidationIssue } from '../entity/types.js';
import type { LocalizedText } from '../i18n/locale.js';
import { createValidator, type ValidationMode } from './validator.js';

const labels: Record<string, LocalizedText> = {
  name: { en: 'Name', 'zh-CN': '客户名称' },
  mobile: { en: 'Mobile', 'zh-CN': '手机' },
  contacts: { en: 'Contacts', 'zh-CN': '联系人' },
  type: { en: 'Type', 'zh-CN': '客户类型' },
};

/** Labels as the entity layer builds them: one per key, rows numbered from 1, joined by ›. */
function labelOf(path: (string | number)[]): LocalizedText {
  const parts = path.map((key) =>
    typeof key === 'number'
      ? { en: `Row ${key + 1}`, 'zh-CN': `第${key + 1}行` }
      : (labels[key] ?? { en: key, 'zh-CN': key }),
  );
  return { en: parts.map((p) => p.en).join(' › '), 'zh-CN': parts.map((p) => p['zh-CN']).join(' › ') };
}

const customer: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'customer',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'type'],
  'x-kehu': { label: { 'zh-CN': '客户档案', en: 'Customer' }, titleField: 'name', unique: ['code'] },
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 20, 'x-kehu': { label: { 'zh-CN': '客户名称', en: 'Name' } } },
    type: { type: 'string', enum: ['consumer', 'b2b'], 'x-kehu': { widget: 'radio' } },
    mobile: { type: 'string', format: 'cn-mobile', 'x-kehu': { label: { 'zh-CN': '手机', en: 'Mobile' } } },
    contacts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, mobile: { type: 'string', format: 'cn-mobile' } },
      },
    },
  },
};

const validCustomer = { name: '张三', type: 'consumer', mobile: '13812345678', contacts: [{ name: '李四' }] };

/** Every case runs against both paths, so the interpreter cannot drift from the compiled code. */
const modes: ValidationMode[] = ['compiled', 'interpreted'];

for (const mode of modes) {
  describe(`createValidator (${mode})`, () => {
    /** A validator with the test labels. */
    const validatorFor = (schema: JsonSchema) => createValidator(schema, { labelOf, mode });
    const validateCustomer = validatorFor(customer);
    /** Each issue as `path keyword`, for compact comparisons. */
    const summary = (issues: ValidationIssue[]) => issues.map((i) => `${i.path.join('.')} ${i.keyword}`);

    /** The first issue of validating `value` against `{ properties: { field: schema } }`. */
    function issueFor(schema: JsonSchema, value: unknown) {
      const issues = validatorFor({ type: 'object', properties: { field: schema } })({ field: value });
      assert.equal(issues.length, 1, JSON.stringify(issues));
      return issues[0];
    }

    describe('when the record is valid', () => {
      it('should return the same empty array every time', () => {
        const first = validateCustomer(validCustomer);
        assert.deepEqual(first, []);
        assert.equal(validateCustomer({ ...validCustomer, name: '王五' }), first);
      });
    });

    describe('when a field is invalid', () => {
      it('should name the field and say what to enter, in both locales', () => {
        const [issue] = validateCustomer({ ...validCustomer, mobile: '1381234567' });
        assert.deepEqual(issue.path, ['mobile']);
        assert.deepEqual(issue.label, { en: 'Mobile', 'zh-CN': '手机' });
        assert.deepEqual(issue.message, {
          en: 'Mobile: enter an 11-digit mainland mobile number, e.g. 13812345678.',
          'zh-CN': '手机：请输入 11 位中国大陆手机号，例如 13812345678。',
        });
        assert.equal(issue.keyword, 'format');
        assert.deepEqual(issue.params, { format: 'cn-mobile' });
      });

      it('should point into arrays with numeric indexes', () => {
        const issues = validateCustomer({
          ...validCustomer,
          contacts: [{ name: '李四' }, { name: '王五', mobile: '12345' }],
        });
        assert.deepEqual(issues[0].path, ['contacts', 1, 'mobile']);
        assert.equal(issues.length, 1);
        assert.equal(
          issues[0].message['zh-CN'],
          '联系人 › 第2行 › 手机：请输入 11 位中国大陆手机号，例如 13812345678。',
        );
      });

      it('should label a missing field by its own label, not its parent', () => {
        const issues = validateCustomer({ type: 'b2b', contacts: [{}] });
        assert.deepEqual(
          issues.map((i) => [i.path, i.message.en]),
          [
            [['name'], 'Name: this field is required; fill it in.'],
            [['contacts', 0, 'name'], 'Contacts › Row 1 › Name: this field is required; fill it in.'],
          ],
        );
        assert.equal(issues[0].message['zh-CN'], '客户名称：此项必填，请填写。');
      });

      it('should name an unexpected property and ask to remove it', () => {
        const [issue] = validateCustomer({ ...validCustomer, nickname: '小张' });
        assert.deepEqual(issue.path, ['nickname']);
        assert.equal(issue.keyword, 'additionalProperties');
        assert.equal(issue.message.en, 'nickname: this field is not part of this record; remove it.');
        assert.equal(issue.message['zh-CN'], 'nickname：此字段不属于此记录，请删除。');
      });

      it('should list the allowed values of an enum', () => {
        const [issue] = validateCustomer({ ...validCustomer, type: 'vip' });
        assert.equal(issue.message.en, 'Type: choose one of: consumer, b2b.');
        assert.equal(issue.message['zh-CN'], '客户类型：请从以下选项中选择：consumer、b2b。');
      });

      it('should report every invalid field at once', () => {
        const issues = validateCustomer({ name: '', type: 1, mobile: 13812345678 });
        assert.deepEqual(summary(issues), ['name minLength', 'type type', 'type enum', 'mobile type']);
      });

      it('should keep a numeric object key as a string', () => {
        const prices = { type: 'object', additionalProperties: { type: 'number' } };
        assert.deepEqual(validatorFor({ properties: { prices } })({ prices: { '2024': 'ten' } })[0].path, [
          'prices',
          '2024',
        ]);
      });
    });

    describe('messages per keyword', () => {
      // name: [schema, value, English advice, Chinese advice]; the label and the stop are added by messageFor.
      const cases: Record<string, [JsonSchema, unknown, string, string]> = {
        'type string': [{ type: 'string' }, 5, 'enter text', '请输入文本'],
        'type integer': [{ type: 'integer' }, 1.5, 'enter a whole number', '请输入整数'],
        'type boolean': [{ type: 'boolean' }, 'yes', 'choose yes or no', '请选择是或否'],
        'nullable type': [{ type: ['number', 'null'] }, 'x', 'enter a number, or leave it empty', '请输入数字，或留空'],
        minLength: [{ minLength: 3 }, 'ab', 'enter at least 3 characters', '请至少输入 3 个字符'],
        'minLength 1': [{ minLength: 1 }, '', 'this field cannot be empty; fill it in', '此项不能为空，请填写'],
        maxLength: [{ maxLength: 2 }, '客户档案', 'shorten it to at most 2 characters', '最多 2 个字符，请缩短'],
        minimum: [{ minimum: 0 }, -1, 'enter 0 or more', '请输入不小于 0 的数值'],
        maximum: [{ maximum: 100 }, 101, 'enter 100 or less', '请输入不大于 100 的数值'],
        exclusiveMinimum: [{ exclusiveMinimum: 0 }, 0, 'enter a number greater than 0', '请输入大于 0 的数值'],
        exclusiveMaximum: [{ exclusiveMaximum: 1 }, 1, 'enter a number less than 1', '请输入小于 1 的数值'],
        'multipleOf 0.01': [{ multipleOf: 0.01 }, 1.005, 'use at most 2 decimal places', '最多保留 2 位小数'],
        multipleOf: [{ multipleOf: 5 }, 7, 'enter a multiple of 5', '请输入 5 的整数倍'],
        pattern: [
          { pattern: '^KH' },
          'X1',
          'the value is not in the expected form (^KH); correct it',
          '格式不正确（应符合 ^KH），请修改',
        ],
        const: [{ const: 'CNY' }, 'USD', 'enter exactly CNY', '只能填写 CNY'],
        minItems: [{ minItems: 1 }, [], 'add at least one item', '请至少添加 1 项'],
        maxItems: [{ maxItems: 2 }, [1, 2, 3], 'remove items to keep at most 2', '最多 2 项，请删除多余的项'],
        uniqueItems: [
          { uniqueItems: true },
          ['a', 'b', 'a'],
          'items 1 and 3 are the same; remove or change one of them',
          '第 1 项与第 3 项重复，请删除或修改其中一项',
        ],
        fallback: [
          { minProperties: 1 },
          {},
          'check this value (must NOT have fewer than 1 properties)',
          '请检查此项（must NOT have fewer than 1 properties）',
        ],
      };
      for (const [name, [schema, value, en, zh]] of Object.entries(cases)) {
        it(`should explain ${name}`, () => {
          assert.deepEqual(issueFor(schema, value).message, { en: `field: ${en}.`, 'zh-CN': `field：${zh}。` });
        });
      }

      const formats: [string, string][] = [
        ['vin', '1M8GDM9A1KP042788'],
        ['cn-mobile', '12345'],
        ['cn-resident-id', '110105194912310021'],
        ['cn-uscc', '91350100M000100Y44'],
        ['cn-plate', '京A1234'],
        ['cn-postal-code', '90000'],
        ['email', 'name@'],
        ['date', '2024-02-30'],
        ['date-time', '2024-03-31 14:30'],
        ['time', '14:30'],
        ['uri', 'example.com'],
        ['uuid', 'not-a-uuid'],
      ];
      it('should give every format its own message naming the field', () => {
        const seen = new Set<string>();
        for (const [format, value] of formats) {
          const { message, keyword } = issueFor({ type: 'string', format }, value);
          assert.equal(keyword, 'format', format);
          assert.ok(message.en.startsWith('field: enter ') && message.en.endsWith('.'), message.en);
          assert.ok(message['zh-CN'].startsWith('field：请') && message['zh-CN'].endsWith('。'), message['zh-CN']);
          seen.add(message.en).add(message['zh-CN']);
        }
        assert.equal(seen.size, formats.length * 2);
      });

      it('should accept valid values of the standard formats', () => {
        const examples = {
          email: 'li@example.cn',
          date: '2024-02-29',
          'date-time': '2024-03-31T14:30:00+08:00',
          time: '14:30:00+08:00',
          uri: 'https://example.com/a',
        };
        for (const [format, value] of Object.entries(examples)) {
          assert.deepEqual(validatorFor({ format })(value), [], format);
        }
      });

      it('should leave out the label prefix for the record itself', () => {
        const validate = createValidator({ type: 'object' }, { labelOf: () => ({ en: '', 'zh-CN': '' }), mode });
        assert.deepEqual(validate('text')[0].message, { en: 'Enter a group of fields.', 'zh-CN': '请输入一组字段。' });
      });
    });

    describe('when branches of anyOf, oneOf or if fail', () => {
      it('should report only the real problem of a nullable field', () => {
        const issue = issueFor({ anyOf: [{ type: 'null' }, { type: 'string', format: 'cn-mobile' }] }, '123');
        assert.equal(issue.keyword, 'format');
      });

      it('should merge type mismatches of every branch into one issue', () => {
        const issue = issueFor({ oneOf: [{ type: 'string' }, { type: 'number' }] }, true);
        assert.equal(issue.message.en, 'field: enter text or a number.');
      });

      it('should report what the then-branch requires, not the if', () => {
        const validate = validatorFor({
          properties: { kind: { enum: ['person', 'company'] }, uscc: { type: 'string', format: 'cn-uscc' } },
          if: { properties: { kind: { const: 'company' } } },
          then: { required: ['uscc'] },
        });
        assert.deepEqual(summary(validate({ kind: 'company' })), ['uscc required']);
        assert.deepEqual(validate({ kind: 'person' }), []);
      });

      it('should say so when a value fits more than one oneOf branch', () => {
        const issue = issueFor({ oneOf: [{ type: 'string' }, { maxLength: 5 }] }, 'abc');
        assert.equal(issue.keyword, 'oneOf');
        assert.match(issue.message.en, /^field: the value fits more than one/);
      });
    });

    describe('dialects', () => {
      it('should read a draft-07 schema as draft-07 (array items are a tuple)', () => {
        const tuple = [{ type: 'string' }, { type: 'number' }] as unknown as JsonSchema;
        const validate = validatorFor({ $schema: 'http://json-schema.org/draft-07/schema#', items: tuple });
        assert.deepEqual(validate(['a', 1]), []);
        assert.deepEqual(validate(['a', 'b'])[0].path, [1]);
      });

      it('should read a schema without $schema as 2020-12 (prefixItems)', () => {
        const validate = validatorFor({ prefixItems: [{ type: 'string' }], items: { type: 'number' } });
        assert.deepEqual(validate(['a', 1, 2]), []);
        assert.deepEqual(validate(['a', 'b'])[0].path, [1]);
      });

      it('should tolerate draft-04 and draft-06 schemas, including boolean exclusive limits', () => {
        const price = { type: 'number', minimum: 0, exclusiveMinimum: true as unknown as number };
        const old = validatorFor({ $schema: 'http://json-schema.org/draft-04/schema#', properties: { price } });
        assert.deepEqual(old({ price: 1 }), []);
        assert.equal(old({ price: 0 })[0].keyword, 'exclusiveMinimum');
        const six = validatorFor({
          $schema: 'http://json-schema.org/draft-06/schema#',
          properties: { n: { type: 'integer' } },
        });
        assert.equal(six({ n: 1.5 })[0].keyword, 'type');
      });

      it('should compile schemas carrying x-kehu and other annotations', () => {
        const note = { type: 'string', 'x-acme-ui': 'textarea' };
        const validate = validatorFor({
          ...customer,
          'x-acme': { owner: 'sales' },
          properties: { ...customer.properties, note },
        });
        assert.deepEqual(validate({ ...validCustomer, note: '老客户' }), []);
      });
    });

    describe('compilation', () => {
      it('should return the same validator for the same schema and labels', () => {
        assert.equal(createValidator(customer, { labelOf, mode }), createValidator(customer, { labelOf, mode }));
      });

      it('should compile a schema object once, so later edits to that object are not seen', () => {
        const schema: JsonSchema = { type: 'object', properties: { name: { type: 'string', maxLength: 3 } } };
        validatorFor(schema);
        schema.properties!.name.maxLength = 100;
        const otherLabels = (path: (string | number)[]) => labelOf(path);
        assert.equal(createValidator(schema, { labelOf: otherLabels, mode })({ name: 'abcd' })[0].keyword, 'maxLength');
      });

      it('should keep two schemas with the same $id apart', () => {
        const a = validatorFor({ $id: 'https://example.com/twin', type: 'string' });
        const b = validatorFor({ $id: 'https://example.com/twin', type: 'number' });
        assert.deepEqual(a('x'), []);
        assert.deepEqual(b(1), []);
        assert.equal(a(1)[0].keyword, 'type');
        assert.equal(b('x')[0].keyword, 'type');
      });

      it('should resolve references to the schema by its own $id and recursive references', () => {
        const validate = validatorFor({
          $id: 'https://example.com/org',
          properties: { code: { $ref: 'https://example.com/org#/$defs/code' }, parent: { $ref: '#' } },
          $defs: { code: { type: 'string', pattern: '^ORG' } },
        });
        assert.deepEqual(validate({ code: 'ORG1', parent: { code: 'ORG0' } }), []);
        assert.deepEqual(validate({ parent: { parent: { code: 'X' } } })[0].path, ['parent', 'parent', 'code']);
      });
    });

    describe('when the schema cannot be compiled', () => {
      const throwsFor = (schema: JsonSchema, message: RegExp) => assert.throws(() => validatorFor(schema), message);

      it('should say which keyword has a wrong value and what it may be', () => {
        throwsFor(
          { properties: { mobile: { type: 'strin' } } },
          /^Error: The schema is not valid JSON Schema: \/properties\/mobile\/type must be one of "array", .*"string" \(found "strin"\)\.$/,
        );
        throwsFor(
          { properties: { age: { minimum: '18' as unknown as number } } },
          /\/properties\/age\/minimum must be number \(found "18"\)/,
        );
      });

      it('should name a $ref that points nowhere', () => {
        throwsFor(
          { properties: { a: { $ref: '#/$defs/adress' } } },
          /refers to "#\/\$defs\/adress", which cannot be found/,
        );
        throwsFor({ $ref: 'address.schema.json' }, /refers to "address.schema.json"/);
      });

      it('should point at a pattern JavaScript cannot compile', () => {
        throwsFor(
          { properties: { code: { pattern: '^KH[' } } },
          /\/properties\/code\/pattern is not a valid regular expression/,
        );
      });
    });
  });
}
