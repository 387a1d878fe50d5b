import type { Entity, ValidationIssue } from '../entity/types.js';

/** Where in a value JSON would not keep what is there, and what it is (`Date`, `Map`, `NaN`, …). */
interface NotPlain {
  path: (string | number)[];
  found: string;
}

/**
 * The first value inside `value` that is not plain data — text, a finite number, true/false, null,
 * a list or a plain object — or undefined when there is none. Stored records are JSON: a `Date`,
 * `Map` or class instance in a field the schema leaves open (an object without properties) passed
 * validation and came back as `{}`. The path is built only when something is found.
 */
function notPlain(value: unknown): NotPlain | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return undefined;
    case 'number':
      return Number.isFinite(value) ? undefined : { path: [], found: String(value) };
    case 'object': {
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const inner = notPlain(value[i]);
          if (inner) {
            inner.path.unshift(i);
            return inner;
          }
        }
        return undefined;
      }
      const prototype = Object.getPrototypeOf(value) as object | null;
      if (prototype !== Object.prototype && prototype !== null)
        return { path: [], found: (value as object).constructor?.name || 'object' };
      for (const key in value) {
        const inner = notPlain((value as Record<string, unknown>)[key]);
        if (inner) {
          inner.path.unshift(key);
          return inner;
        }
      }
      return undefined;
    }
    default:
      return { path: [], found: typeof value };
  }
}

/**
 * An issue for the first field of `record` holding something that is not plain data, naming the
 * field, where inside it, and what to give instead; undefined when the record is plain data.
 */
export function plainDataIssue(entity: Entity, record: Record<string, unknown>): ValidationIssue | undefined {
  const found = notPlain(record);
  if (!found) return undefined;
  const [key] = found.path;
  const label = entity.field(String(key))?.label ?? { 'zh-CN': String(key), en: String(key) };
  const at = found.path.join('.');
  return {
    path: found.path,
    label,
    keyword: 'plainData',
    params: { found: found.found },
    message: {
      en: `${label.en}: a ${found.found} value cannot be stored (at ${at}); give text, numbers, true/false, lists or objects instead, e.g. a date as "2024-01-02".`,
      'zh-CN': `${label['zh-CN']}：不能保存 ${found.found} 类型的值（位置 ${at}）；请改用文本、数字、是/否、列表或对象，例如日期写成“2024-01-02”。`,
    },
  };
}
