import { defineEntity, KehuSchemaError, type Entity, type JsonSchema } from '@kehu/core';
import { validators } from './shipped-validators.js';

export interface LoadedEntities {
  entities: Entity[];
  /** One message per unusable file; the others still load. */
  problems: KehuSchemaError[];
}

/**
 * Loads every entity file the server lists under /schemas/, so a schema dropped into schemas/
 * shows up in the demo with no code. A broken file is reported and skipped, not fatal. Entities
 * use the validators the server precompiled from the same files (no eval, for the demo's CSP).
 */
export async function loadEntities(base = '/schemas/'): Promise<LoadedEntities> {
  const files: string[] = await (await fetch(`${base}index.json`)).json();
  const entities: Entity[] = [];
  const problems: KehuSchemaError[] = [];
  await Promise.all(
    files.map(async (file, i) => {
      const source = `schemas/${file}`;
      try {
        const text = await (await fetch(base + file)).text();
        let schema: JsonSchema;
        try {
          schema = JSON.parse(text);
        } catch (error) {
          throw new KehuSchemaError(source, [
            {
              pointer: '',
              message: {
                en: `not valid JSON: ${(error as Error).message}`,
                'zh-CN': `不是合法的 JSON：${(error as Error).message}`,
              },
            },
          ]);
        }
        entities[i] = defineEntity(schema, source, { precompiled: validators });
      } catch (error) {
        if (error instanceof KehuSchemaError) problems.push(error);
        else throw error;
      }
    }),
  );
  return { entities: entities.filter(Boolean), problems };
}
