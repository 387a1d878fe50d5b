import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('./kehu.ts', import.meta.url));
const fixtures = fileURLToPath(new URL('../test-fixtures/', import.meta.url));
const kehu = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8' });

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kehu-cli-'));
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return dir;
}

describe('kehu CLI', () => {
  it('prints help with --help and exits 0', () => {
    const run = kehu('--help');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /kehu check/);
    assert.match(run.stdout, /kehu generate/);
  });

  describe('check', () => {
    it('passes the shipped schemas', () => {
      const run = kehu('check', fileURLToPath(new URL('../../../../schemas', import.meta.url)));
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /OK/);
    });

    it('names the file, the JSON pointer and a fix for a typo, a bad hint and a dangling reference', () => {
      const dir = folder({
        'car.schema.json': {
          $id: 'car',
          type: 'object',
          'x-kehu': { list: { columns: ['plate', 'colour'] }, indexs: ['plate'] },
          properties: {
            plate: { type: 'string', maxLenght: 10 },
            owner: { type: 'string', 'x-kehu': { ref: 'custmer' } },
          },
        },
        'customer.schema.json': { $id: 'customer', type: 'object', properties: { name: { type: 'string' } } },
      });
      const run = kehu('check', dir);
      assert.equal(run.status, 1);
      assert.match(
        run.stderr,
        /car\.schema\.json \/properties\/plate\/maxLenght: unknown keyword "maxLenght": did you mean "maxLength"\?/,
      );
      assert.match(
        run.stderr,
        /car\.schema\.json \/x-kehu\/indexs: "indexs" is not a Kehu hint here: did you mean "indexes"\?/,
      );
      assert.doesNotMatch(run.stderr, /at .*\.js:\d+/, 'no stack trace');
    });

    it('reports a reference typo with a suggestion once the file is otherwise valid', () => {
      const dir = folder({
        'car.schema.json': {
          $id: 'car',
          type: 'object',
          properties: { owner: { type: 'string', 'x-kehu': { ref: 'custmer' } } },
        },
        'customer.schema.json': { $id: 'customer', type: 'object', properties: { name: { type: 'string' } } },
      });
      const run = kehu('check', dir);
      assert.equal(run.status, 1);
      assert.match(
        run.stderr,
        /\/properties\/owner\/x-kehu\/ref: refers to entity "custmer", which is not defined: did you mean "customer"\?/,
      );
      assert.match(run.stderr, /是否应为「customer」/);
    });

    it('gives the line and column of broken JSON', () => {
      const dir = folder({
        'broken.schema.json': '{\n  "type": "object",\n  "properties": {\n    "a": { "type": "string" },\n  }\n}\n',
      });
      const run = kehu('check', dir);
      assert.equal(run.status, 1);
      assert.match(run.stderr, /broken\.schema\.json \/: not valid JSON at line 5, column \d+/);
    });

    it('says so when the folder does not exist', () => {
      const run = kehu('check', '/nonexistent/schemas');
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no such file or folder/);
    });
  });

  describe('generate', () => {
    it('writes types for an entity nobody wrote code for, and --check tells when they are stale', () => {
      const dir = folder({});
      copyFileSync(join(fixtures, 'maintenance-order.schema.json'), join(dir, 'maintenance-order.schema.json'));
      const out = join(dir, 'types.ts');
      const run = kehu('generate', dir, '--out', out);
      assert.equal(run.status, 0, run.stderr);
      const source = readFileSync(out, 'utf8');
      assert.match(source, /export interface MaintenanceOrder \{/);
      assert.match(source, /status: "open" \| "in-progress" \| "done";/);
      assert.match(source, /items\?: \{\s+task: string;\s+hours: number;\s+\}\[\];/);
      assert.match(source, /'maintenance-order': MaintenanceOrder;/);
      assert.equal(kehu('generate', dir, '--out', out, '--check').status, 0);
      writeFileSync(out, source.replace('hours: number', 'hours: string'));
      const stale = kehu('generate', dir, '--out', out, '--check');
      assert.equal(stale.status, 1);
      assert.match(stale.stderr, /out of date/);
    });

    it('makes computed fields optional, since the store fills them and callers never supply them', () => {
      const dir = folder({
        'quote.schema.json': {
          $id: 'quote',
          type: 'object',
          required: ['quantity', 'price', 'amount'],
          properties: {
            quantity: { type: 'number', minimum: 0 },
            price: { type: 'number', minimum: 0 },
            amount: { type: 'number', 'x-kehu': { formula: 'quantity * price' } },
          },
        },
      });
      const out = join(dir, 'types.ts');
      const run = kehu('generate', dir, '--out', out);
      assert.equal(run.status, 0, run.stderr);
      const source = readFileSync(out, 'utf8');
      assert.match(source, /quantity: number;/);
      assert.match(source, /amount\?: number;/);
    });

    it('keeps the committed types of the shipped schemas up to date', () => {
      const repo = fileURLToPath(new URL('../../../../', import.meta.url));
      const run = spawnSync(process.execPath, ['--import', 'tsx', cli, 'generate', '--check'], {
        encoding: 'utf8',
        cwd: repo,
      });
      assert.equal(run.status, 0, `${run.stderr} — run \`npm run generate\` after changing a schema`);
    });

    it('generates nothing while a schema has problems', () => {
      const dir = folder({
        'x.schema.json': { $id: 'x', type: 'object', properties: { a: { type: 'string', minLenght: 1 } } },
      });
      const run = kehu('generate', dir, '--out', join(dir, 'out.ts'));
      assert.equal(run.status, 1);
      assert.match(run.stderr, /Nothing generated/);
    });
  });
});
