import type { Entity, FieldModel } from '../entity/types.js';

/** Key chains of an entity's sensitive fields, e.g. `['mobile']`, `['contacts', 'mobile']`. */
export function sensitivePaths(entity: Entity): string[][] {
  const out: string[][] = [];
  const walk = (fields: FieldModel[], prefix: string[]) => {
    for (const field of fields) {
      if (field.sensitive) out.push([...prefix, field.key]);
      else walk(field.children ?? [], [...prefix, field.key]);
    }
  };
  walk(entity.fields, []);
  return out;
}

type Data = Record<string, unknown>;

/**
 * Replaces every value at `path` in `data` (through nested objects and every row of child arrays)
 * by `change(value)`, in place; `data` must be a copy the caller owns.
 */
export async function mapPath(data: Data, path: string[], change: (value: unknown) => Promise<unknown>): Promise<void> {
  const [head, ...rest] = path;
  const value = data[head];
  if (value === undefined || value === null) return;
  if (!rest.length) {
    data[head] = await change(value);
    return;
  }
  if (Array.isArray(value)) {
    const rows = value.map((row) => (row && typeof row === 'object' ? { ...(row as Data) } : row));
    data[head] = rows;
    await Promise.all(
      rows.map((row) => (row && typeof row === 'object' ? mapPath(row as Data, rest, change) : undefined)),
    );
  } else if (typeof value === 'object') {
    const copy = { ...(value as Data) };
    data[head] = copy;
    await mapPath(copy, rest, change);
  }
}
