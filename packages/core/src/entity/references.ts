import type { SchemaProblem } from '../errors/errors.js';
import { closest } from './names.js';
import type { Entity, FieldModel } from './types.js';

/** Every `ref` that names no entity in `known`, with a "did you mean" for typos. */
export function referenceProblems(
  entity: Entity,
  known: ReadonlySet<string> | ReadonlyMap<string, unknown>,
): SchemaProblem[] {
  const names = [...known.keys()];
  const problems: SchemaProblem[] = [];
  const walk = (fields: FieldModel[], pointer: string) => {
    for (const field of fields) {
      const at = `${pointer}/${field.key}`;
      // A polymorphic field names each unknown target at its own index in the list.
      const targets = field.refs
        ? field.refs.map((ref, i) => [ref, `${at}/x-kehu/ref/${i}`] as const)
        : field.ref
          ? [[field.ref, `${at}/x-kehu/ref`] as const]
          : [];
      for (const [ref, refPointer] of targets) {
        if (known.has(ref)) continue;
        const guess = closest(ref, names);
        problems.push({
          pointer: refPointer,
          message: {
            en: `refers to entity "${ref}", which is not defined${guess ? `: did you mean "${guess}"?` : `; add its schema or fix the name (known: ${names.join(', ')})`}`,
            'zh-CN': `引用的实体「${ref}」未定义${guess ? `：是否应为「${guess}」？` : `；请加入它的定义或改正名称（已有：${names.join('、')}）`}`,
          },
        });
      }
      if (field.children) walk(field.children, `${at}/${field.type === 'array' ? 'items/properties' : 'properties'}`);
    }
  };
  walk(entity.fields, '/properties');
  return problems;
}
