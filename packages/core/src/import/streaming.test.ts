import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, createWriteStream, statSync, unlinkSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defineEntity } from '../entity/define-entity.js';
import { prepareFile } from './prepare.js';
import { schema } from './test-support/fixtures.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Writes a GBK-free, UTF-8 customer CSV of at least `bytes` bytes; returns its path and row count. */
async function writeBigCsv(bytes: number): Promise<{ path: string; rows: number }> {
  const path = join(tmpdir(), `kehu-import-${process.pid}-${Date.now()}.csv`);
  const out = createWriteStream(path);
  out.write('客户编码,客户名称,客户类型,手机,信用额度,备注\n');
  let rows = 0;
  let written = 0;
  while (written < bytes) {
    let chunk = '';
    for (let i = 0; i < 10000; i++, rows++) {
      const bad = rows % 1000 === 999; // one row in a thousand has a malformed mobile
      chunk += `C${String(rows).padStart(8, '0')},客户${rows} 有限公司,${rows % 2 ? '企业' : '个人'},${bad ? '12345' : '+86 138-0013-8000'},"1,234.50",  普通客户，无特殊要求 ${'x'.repeat(20)}\n`;
    }
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, rows };
}

describe('streaming a big file', () => {
  it(
    'parses, cleans and validates a 100 MB CSV with memory bounded well below the file size',
    { timeout: 120000 },
    async () => {
      const entity = defineEntity(schema('customer'));
      const { path, rows } = await writeBigCsv(100 * 1024 * 1024);
      try {
        const size = statSync(path).size;
        assert.ok(size >= 100 * 1024 * 1024);
        gc();
        const baseline = process.memoryUsage().heapUsed;
        let peak = 0;
        let seen = 0;
        let invalid = 0;
        const file = await prepareFile(createReadStream(path, { highWaterMark: 1 << 20 }), entity);
        assert.equal(file.encoding?.encoding, 'utf-8');
        let batches = 0;
        for await (const batch of file.batches) {
          for (const row of batch) {
            seen++;
            if (entity.validate({ importance: 'normal', currency: 'CNY', ...row.values }).length) invalid++;
          }
          if (++batches % 20 === 0) {
            gc();
            peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
          }
        }
        assert.equal(seen, rows);
        assert.equal(invalid, Math.floor(rows / 1000));
        assert.ok(peak < size / 4, `heap grew by ${Math.round(peak / 1e6)} MB for a ${Math.round(size / 1e6)} MB file`);
      } finally {
        unlinkSync(path);
      }
    },
  );

  it('hands out rows 500 at a time however many a chunk of the file holds, in file order', async () => {
    const entity = defineEntity(schema('customer'));
    const lines = ['客户编码,客户名称,客户类型'];
    for (let i = 0; i < 1234; i++) lines.push(`C${i},客户${i},${i % 2 ? '企业' : 'Consumer'}`);
    // One chunk of text (the default chunk is 1 MiB): every row arrives in the first read.
    const file = await prepareFile(new TextEncoder().encode(lines.join('\n')), entity);
    const sizes: number[] = [];
    const seen: number[] = [];
    const kinds = new Set<unknown>();
    for await (const batch of file.batches) {
      sizes.push(batch.length);
      for (const row of batch) {
        seen.push(row.line);
        kinds.add(row.values.type);
      }
    }
    // The parser keeps the last row back until the text ends (it might go on): it comes on its own.
    assert.deepEqual(sizes.slice(0, 2), [500, 500]);
    assert.ok(
      sizes.every((size) => size <= 500),
      `batches of ${sizes.join(', ')}`,
    );
    assert.deepEqual(
      seen,
      Array.from({ length: 1234 }, (_, i) => i + 2),
    );
    // Labels in either language still find their option.
    assert.deepEqual([...kinds].sort(), ['b2b', 'consumer']);
  });
});
