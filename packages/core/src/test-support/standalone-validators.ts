/**
 * Generates standalone validators for entities into a temporary module and imports it, as a host
 * app would import the file `kehu generate --validators` wrote. Test support only (Node).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Entity } from '../entity/types.js';
import type { PrecompiledValidators } from '../validation/precompiled.js';
import { standaloneValidatorsModule } from '../validation/standalone.js';

export async function importStandaloneValidators(entities: Entity[]): Promise<PrecompiledValidators> {
  // The module imports the runtime from the sources, where `@kehu/core` would point after a build.
  const runtime = pathToFileURL(join(import.meta.dirname, '../validation/precompiled.ts')).href;
  const file = join(mkdtempSync(join(tmpdir(), 'kehu-validators-')), 'validators.js');
  writeFileSync(file, standaloneValidatorsModule(entities, runtime));
  const module = (await import(pathToFileURL(file).href)) as { validators: PrecompiledValidators };
  return module.validators;
}
