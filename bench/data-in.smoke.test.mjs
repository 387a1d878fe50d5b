// The import and dedupe benches at smoke sizes (1,000 rows, 2,000 customers, one trial), so the
// harness cannot rot: a change that breaks the CSV import, the worker path or the duplicate scan in
// the browser fails here. Times are not asserted (shared machines); what each run found is.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runDataIn } from './data-in.mjs';

const byId = (results) => Object.fromEntries(results.rows.map((r) => [r.id, r]));

describe('bench smoke: data in', () => {
  it('imports every row of the UTF-8 and GBK files by both paths and times each part', async () => {
    // runDataIn throws when an import inserts fewer rows than the file has, or detects the wrong encoding.
    const results = await runDataIn({ what: 'import', smoke: true });
    const rows = byId(results);
    for (const id of [
      'import-end-to-end',
      'import-wizard-path',
      'import-parse-utf8',
      'import-parse-gbk',
      'import-validate',
      'import-bulkput',
      'import-gbk',
    ])
      assert.ok(rows[id]?.kehuMs > 0, `${id} has a time`);
    assert.ok(rows['import-end-to-end'].ratio > 0, 'the end-to-end row is a ratio against the parts');
    assert.equal(results.context.invalid, 0, 'every generated row is valid');
    assert.deepEqual(results.pageErrors, []);
  });

  it('scans planted duplicates in a worker and on the page with full recall', async () => {
    const results = await runDataIn({ what: 'dedupe', smoke: true });
    const { worker, page, duplicates } = results.context;
    assert.equal(worker[0].where, 'worker');
    assert.equal(page.where, 'page');
    assert.equal(worker[0].planted, duplicates);
    assert.ok(worker[0].recall >= 0.95, `recall ${worker[0].recall}`);
    assert.ok(worker[0].precision >= 0.95, `precision ${worker[0].precision}`);
    assert.deepEqual(results.pageErrors, []);
  });
});
