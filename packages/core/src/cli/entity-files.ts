import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineEntity } from '../entity/define-entity.js';
import type { Entity, JsonSchema } from '../entity/types.js';
import { KehuSchemaError, type SchemaProblem } from '../errors/errors.js';
import { referenceProblems } from '../entity/references.js';

/** One entity file as read from disk. */
export interface EntityFile {
  path: string;
  schema?: JsonSchema;
  entity?: Entity;
  problems: SchemaProblem[];
}

/** `*.schema.json` files under the given files or folders (folders are not walked recursively). */
export function entityFilePaths(paths: string[]): string[] {
  return paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith('.schema.json'))
          .sort()
          .map((name) => join(path, name))
      : [path],
  );
}

function parseProblem(text: string, error: Error): SchemaProblem {
  const position = Number(/position (\d+)/.exec(error.message)?.[1] ?? NaN);
  let where = '';
  if (Number.isFinite(position)) {
    const before = text.slice(0, position).split('\n');
    where = ` at line ${before.length}, column ${before[before.length - 1].length + 1}`;
  }
  return {
    pointer: '',
    message: {
      en: `not valid JSON${where}: ${error.message}; fix the syntax (a missing comma or quote, a trailing comma)`,
      'zh-CN': `不是合法的 JSON${where ? `（${where.trim()}）` : ''}：${error.message}；请修正语法（缺少逗号或引号、多余的逗号）`,
    },
  };
}

/** Reads, checks and compiles every entity file; problems are collected per file, never thrown. */
export function loadEntityFiles(paths: string[], cwd = process.cwd()): EntityFile[] {
  const files: EntityFile[] = entityFilePaths(paths).map((path) => {
    const shown = relative(cwd, path) || path;
    const text = readFileSync(path, 'utf8');
    let schema: JsonSchema;
    try {
      schema = JSON.parse(text) as JsonSchema;
    } catch (error) {
      return { path: shown, problems: [parseProblem(text, error as Error)] };
    }
    try {
      return { path: shown, schema, entity: defineEntity(schema, shown), problems: [] };
    } catch (error) {
      if (error instanceof KehuSchemaError) return { path: shown, schema, problems: error.problems };
      throw error;
    }
  });
  crossCheck(files);
  return files;
}

/** Problems only visible across files: duplicate names and references to entities that don't exist. */
function crossCheck(files: EntityFile[]): void {
  const names = new Map<string, EntityFile>();
  for (const file of files) {
    if (!file.entity) continue;
    const other = names.get(file.entity.name);
    if (other) {
      file.problems.push({
        pointer: '/x-kehu/entity',
        message: {
          en: `entity "${file.entity.name}" is already defined by ${other.path}; rename one`,
          'zh-CN': `实体「${file.entity.name}」已在 ${other.path} 中定义；请重命名其中一个`,
        },
      });
    } else names.set(file.entity.name, file);
  }
  for (const file of files) if (file.entity) file.problems.push(...referenceProblems(file.entity, names));
}
