import type { ErrorObject } from 'ajv';
import type { Locale, LocalizedText } from '../i18n/locale.js';

/**
 * The message for one ajv error in every locale: it names the field by `label` and says what to
 * enter instead, e.g. `Mobile: enter an 11-digit mainland mobile number, e.g. 13812345678.`
 *
 * `label` is the label of the field the message is about; for `required` and
 * `additionalProperties` that is the missing or unexpected property, not the object holding it.
 * An empty label (the record itself) leaves the advice on its own.
 */
export function messageFor(error: ErrorObject, label: LocalizedText): LocalizedText {
  const advice = adviceFor(error, label);
  return {
    'zh-CN': sentence(label['zh-CN'], advice['zh-CN'], '：', '。'),
    en: sentence(label.en, advice.en, ': ', '.'),
  };
}

function sentence(label: string, advice: string, colon: string, stop: string): string {
  if (!label) return advice.charAt(0).toUpperCase() + advice.slice(1) + stop;
  return label + colon + advice + stop;
}

/** What to do, without the label and the final stop, so both can be added in one place. */
function adviceFor(error: ErrorObject, label: LocalizedText): LocalizedText {
  // ajv types params per keyword only through a union that needs casts anyway; read them loosely.
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { en: 'this field is required; fill it in', 'zh-CN': '此项必填，请填写' };
    case 'dependentRequired':
    case 'dependencies':
      return {
        en: `fill this in as well when "${String(p.property)}" is filled in`,
        'zh-CN': `填写了“${String(p.property)}”时，此项也必须填写`,
      };
    case 'type':
      return typeAdvice(toList(p.type));
    case 'format':
      return formatAdvice[String(p.format)] ?? genericFormat(String(p.format));
    case 'minLength':
      return p.limit === 1
        ? { en: 'this field cannot be empty; fill it in', 'zh-CN': '此项不能为空，请填写' }
        : { en: `enter at least ${p.limit} characters`, 'zh-CN': `请至少输入 ${p.limit} 个字符` };
    case 'maxLength':
      return { en: `shorten it to at most ${p.limit} characters`, 'zh-CN': `最多 ${p.limit} 个字符，请缩短` };
    case 'minimum':
      return { en: `enter ${p.limit} or more`, 'zh-CN': `请输入不小于 ${p.limit} 的数值` };
    case 'maximum':
      return { en: `enter ${p.limit} or less`, 'zh-CN': `请输入不大于 ${p.limit} 的数值` };
    case 'exclusiveMinimum':
      return { en: `enter a number greater than ${p.limit}`, 'zh-CN': `请输入大于 ${p.limit} 的数值` };
    case 'exclusiveMaximum':
      return { en: `enter a number less than ${p.limit}`, 'zh-CN': `请输入小于 ${p.limit} 的数值` };
    case 'multipleOf':
      return multipleOfAdvice(Number(p.multipleOf));
    case 'pattern':
      return {
        en: `the value is not in the expected form (${String(p.pattern)}); correct it`,
        'zh-CN': `格式不正确（应符合 ${String(p.pattern)}），请修改`,
      };
    case 'enum':
      return {
        en: `choose one of: ${listValues(p.allowedValues, 'en')}`,
        'zh-CN': `请从以下选项中选择：${listValues(p.allowedValues, 'zh-CN')}`,
      };
    case 'const':
      return {
        en: `enter exactly ${showValue(p.allowedValue, 'en')}`,
        'zh-CN': `只能填写 ${showValue(p.allowedValue, 'zh-CN')}`,
      };
    case 'minItems':
      return p.limit === 1
        ? { en: 'add at least one item', 'zh-CN': '请至少添加 1 项' }
        : { en: `add at least ${p.limit} items`, 'zh-CN': `请至少添加 ${p.limit} 项` };
    case 'maxItems':
      return { en: `remove items to keep at most ${p.limit}`, 'zh-CN': `最多 ${p.limit} 项，请删除多余的项` };
    case 'uniqueItems': {
      // ajv reports the later duplicate as `i` and the earlier one as `j`, both 0-based.
      const first = Number(p.j) + 1;
      const second = Number(p.i) + 1;
      return {
        en: `items ${first} and ${second} are the same; remove or change one of them`,
        'zh-CN': `第 ${first} 项与第 ${second} 项重复，请删除或修改其中一项`,
      };
    }
    case 'additionalProperties':
      return unexpectedAdvice(String(p.additionalProperty), label);
    case 'unevaluatedProperties':
      return unexpectedAdvice(String(p.unevaluatedProperty), label);
    case 'oneOf':
      return Array.isArray(p.passingSchemas)
        ? {
            en: 'the value fits more than one of the allowed forms; change it to fit exactly one',
            'zh-CN': '此值同时符合多种允许的形式，请修改为只符合其中一种',
          }
        : noFormMatches;
    case 'anyOf':
      return noFormMatches;
    case 'if':
      return {
        en: 'the value does not meet the condition set by other fields; check it',
        'zh-CN': '不满足与其他字段相关的条件，请检查',
      };
    case 'not':
      return { en: 'this value is not allowed here; change it', 'zh-CN': '此处不允许此值，请修改' };
    default:
      return error.message
        ? { en: `check this value (${error.message})`, 'zh-CN': `请检查此项（${error.message}）` }
        : { en: 'check this value', 'zh-CN': '请检查此项' };
  }
}

const noFormMatches: LocalizedText = {
  en: 'the value matches none of the allowed forms; correct it',
  'zh-CN': '此值不符合任何允许的形式，请修改',
};

/** Tailored advice per format: a user fixes a value faster from an example than from a rule. */
const formatAdvice: Record<string, LocalizedText> = {
  vin: {
    en: 'enter the 17-character VIN (capital letters and digits, no I, O or Q) and check the 9th character, the check digit, e.g. LSVAM4187C2184847',
    'zh-CN':
      '请输入 17 位车架号（VIN），由大写字母和数字组成，不含 I、O、Q，并核对第 9 位校验位，例如 LSVAM4187C2184847',
  },
  'cn-mobile': {
    en: 'enter an 11-digit mainland mobile number, e.g. 13812345678',
    'zh-CN': '请输入 11 位中国大陆手机号，例如 13812345678',
  },
  'cn-resident-id': {
    en: 'enter the 18-character resident ID number and check the date of birth and the last character (a capital X stands for 10)',
    'zh-CN': '请输入 18 位居民身份证号码，并核对出生日期和最后一位校验码（X 须大写）',
  },
  'cn-uscc': {
    en: 'enter the 18-character unified social credit code as printed on the business licence, e.g. 91350100M000100Y43',
    'zh-CN': '请输入营业执照上的 18 位统一社会信用代码，例如 91350100M000100Y43',
  },
  'cn-plate': {
    en: 'enter the plate number without spaces or dots, e.g. 京A12345, or 粤BD12345 for a new-energy vehicle',
    'zh-CN': '请输入车牌号，不含空格或圆点，例如 京A12345，新能源车如 粤BD12345',
  },
  'cn-postal-code': {
    en: 'enter the 6-digit postal code, e.g. 100000',
    'zh-CN': '请输入 6 位邮政编码，例如 100000',
  },
  email: {
    en: 'enter an email address, e.g. name@example.com',
    'zh-CN': '请输入电子邮箱地址，例如 name@example.com',
  },
  date: {
    en: 'enter a date as YYYY-MM-DD, e.g. 2024-03-31',
    'zh-CN': '请按 YYYY-MM-DD 输入日期，例如 2024-03-31',
  },
  // ajv-formats' full mode requires seconds and a time zone, so the examples carry both.
  'date-time': {
    en: 'enter a date and time with time zone, e.g. 2024-03-31T14:30:00+08:00',
    'zh-CN': '请输入带时区的日期时间，例如 2024-03-31T14:30:00+08:00',
  },
  time: {
    en: 'enter a time with seconds and time zone, e.g. 14:30:00+08:00',
    'zh-CN': '请输入带秒和时区的时间，例如 14:30:00+08:00',
  },
  uri: {
    en: 'enter a full address including its scheme, e.g. https://example.com',
    'zh-CN': '请输入包含协议头的完整地址，例如 https://example.com',
  },
  url: {
    en: 'enter a full web address, e.g. https://example.com',
    'zh-CN': '请输入完整网址，例如 https://example.com',
  },
  uuid: {
    en: 'enter a UUID, e.g. 123e4567-e89b-12d3-a456-426614174000',
    'zh-CN': '请输入 UUID，例如 123e4567-e89b-12d3-a456-426614174000',
  },
};

function genericFormat(format: string): LocalizedText {
  return { en: `enter a value in the ${format} format`, 'zh-CN': `请输入符合 ${format} 格式的值` };
}

const typeNouns: Record<string, LocalizedText> = {
  string: { en: 'text', 'zh-CN': '文本' },
  number: { en: 'a number', 'zh-CN': '数字' },
  integer: { en: 'a whole number', 'zh-CN': '整数' },
  boolean: { en: 'yes or no', 'zh-CN': '是或否' },
  array: { en: 'a list', 'zh-CN': '列表' },
  object: { en: 'a group of fields', 'zh-CN': '一组字段' },
};

function typeAdvice(types: string[]): LocalizedText {
  const nullable = types.includes('null');
  const nouns = types.filter((t) => t !== 'null').map((t) => typeNouns[t] ?? { en: t, 'zh-CN': t });
  if (nouns.length === 0) return { en: 'leave this empty', 'zh-CN': '此项应留空' };
  const verb =
    types.length === 1 && types[0] === 'boolean'
      ? { en: 'choose', 'zh-CN': '请选择' }
      : { en: 'enter', 'zh-CN': '请输入' };
  return {
    en: `${verb.en} ${nouns.map((n) => n.en).join(' or ')}${nullable ? ', or leave it empty' : ''}`,
    'zh-CN': `${verb['zh-CN']}${nouns.map((n) => n['zh-CN']).join('或')}${nullable ? '，或留空' : ''}`,
  };
}

function multipleOfAdvice(step: number): LocalizedText {
  if (step === 1) return typeAdvice(['integer']);
  // Money and measures say `multipleOf: 0.01`; "2 decimal places" is what a user understands.
  const places = Math.round(-Math.log10(step));
  if (places > 0 && Math.abs(step - 10 ** -places) < 1e-12) {
    return { en: `use at most ${places} decimal places`, 'zh-CN': `最多保留 ${places} 位小数` };
  }
  return { en: `enter a multiple of ${step}`, 'zh-CN': `请输入 ${step} 的整数倍` };
}

function unexpectedAdvice(property: string, label: LocalizedText): LocalizedText {
  // The label usually is the property's own name (it has no schema); repeating it would read oddly.
  const subject = (locale: Locale, quoted: string, plain: string) =>
    label[locale].endsWith(property) ? plain : quoted;
  return {
    en: `${subject('en', `"${property}"`, 'this field')} is not part of this record; remove it`,
    'zh-CN': `${subject('zh-CN', `“${property}”`, '此字段')}不属于此记录，请删除`,
  };
}

const MAX_LISTED = 12;

function listValues(values: unknown, locale: Locale): string {
  const list = Array.isArray(values) ? values : [];
  const shown = list.slice(0, MAX_LISTED).map((v) => showValue(v, locale));
  if (list.length > MAX_LISTED) shown.push('…');
  return shown.join(locale === 'en' ? ', ' : '、');
}

function showValue(value: unknown, locale: Locale): string {
  if (typeof value === 'string') return value;
  if (value === null) return locale === 'en' ? 'empty' : '空';
  return JSON.stringify(value);
}

function toList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return String(value).split(',');
}
