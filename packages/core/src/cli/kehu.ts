import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadEntityFiles, type EntityFile } from './entity-files.js';
import { typesModule } from './generate.js';
import { standaloneValidatorsModule } from '../validation/standalone.js';
import type { Entity } from '../entity/types.js';
import { scopeCommand } from './scope.js';

const help = `kehu — tools for Kehu entity schemas

Usage:
  kehu check [paths…]              Check entity files (*.schema.json) and print every problem.
                                   Paths are files or folders; default: ./schemas
  kehu generate [paths…] [--out FILE] [--check]
                                   Write TypeScript types for the entities with json-schema-to-typescript.
                                   Default out: ./packages/core/src/generated/entities.ts
                                   --check: write nothing, exit 1 if the file is out of date.
  kehu generate [paths…] --validators FILE
                                   Write validators precompiled as standalone ES module code (no eval at
                                   run time, for a strict Content-Security-Policy) to FILE; pass its
                                   \`validators\` to defineEntity(schema, source, { precompiled }).
  kehu scope <server> [paths…] --roles FILE [--master NAME] [--watch]
                                   Read scope on Apache CouchDB: a records database per user in _users,
                                   filled from the master by _replicator documents; --watch merges the
                                   conflicts they bring together. Needs KEHU_COUCH_ADMIN=name:password.
  kehu --help                      This text.

Exit codes: 0 fine, 1 problems found, 2 bad usage.`;

function report(files: EntityFile[]): number {
  let count = 0;
  for (const file of files) {
    for (const problem of file.problems) {
      count++;
      console.error(`${file.path} ${problem.pointer || '/'}: ${problem.message.en}\n  ${problem.message['zh-CN']}`);
    }
  }
  return count;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || rest.includes('--help')) {
    console.log(help);
    return command ? 0 : 2;
  }
  if (command === 'scope') return scopeCommand(rest);
  const flags = new Set(rest.filter((a) => a.startsWith('--')));
  const outIndex = rest.indexOf('--out');
  const validatorsIndex = rest.indexOf('--validators');
  const out = outIndex >= 0 ? rest[outIndex + 1] : 'packages/core/src/generated/entities.ts';
  const valued = new Set([outIndex, validatorsIndex].filter((i) => i >= 0).map((i) => i + 1));
  const paths = rest.filter((a, i) => !a.startsWith('--') && !valued.has(i));
  const targets = paths.length ? paths : ['schemas'];
  const missing = targets.filter((p) => !existsSync(p));
  if (missing.length) {
    console.error(`kehu: no such file or folder: ${missing.join(', ')}`);
    return 2;
  }
  const files = loadEntityFiles(targets);
  const problems = report(files);

  if (command === 'check') {
    console.log(
      problems ? `\n${problems} problem(s) in ${files.length} file(s).` : `${files.length} entity file(s) OK.`,
    );
    return problems ? 1 : 0;
  }
  if (command === 'generate') {
    if (problems) {
      console.error(`\nNothing generated: fix the ${problems} problem(s) above first.`);
      return 1;
    }
    const entities = files.map((f) => f.entity!) as Entity[];
    if (validatorsIndex >= 0) {
      const file = rest[validatorsIndex + 1];
      if (!file || file.startsWith('--')) {
        console.error('kehu: --validators needs a file name');
        return 2;
      }
      mkdirSync(dirname(resolve(file)), { recursive: true });
      writeFileSync(resolve(file), standaloneValidatorsModule(entities));
      console.log(`Wrote ${file} (validators for ${entities.length} entities).`);
      return 0;
    }
    const source = await typesModule(entities, new Map(files.map((f) => [f.entity!.name, f.path])));
    const target = resolve(out);
    if (flags.has('--check')) {
      const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
      if (current !== source) {
        console.error(`${out} is out of date: run \`npm run generate\`.`);
        return 1;
      }
      console.log(`${out} is up to date.`);
      return 0;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, source);
    console.log(`Wrote ${out} (${entities.length} entities).`);
    return 0;
  }
  console.error(`kehu: unknown command "${command}"\n\n${help}`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(`kehu: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
