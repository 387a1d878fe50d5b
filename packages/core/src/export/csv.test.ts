import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvText, neutralizeFormula } from './csv.js';

describe('CSV export', () => {
  it('starts with a BOM and ends lines with CRLF, so Excel reads UTF-8 Chinese', () => {
    const text = csvText([
      ['客户名称', '城市'],
      ['张伟', '北京'],
    ]);
    assert.equal(text, '\uFEFF客户名称,城市\r\n张伟,北京\r\n');
  });
  it('quotes commas, quotes and line breaks', () => {
    assert.equal(csvText([['a,b', 'say "hi"', 'two\nlines']]), '\uFEFF"a,b","say ""hi""","two\nlines"\r\n');
  });
  it('neutralises cells a spreadsheet would run as formulas, but keeps negative numbers', () => {
    assert.equal(neutralizeFormula('=HYPERLINK("http://evil","x")'), `'=HYPERLINK("http://evil","x")`);
    assert.equal(neutralizeFormula('+1'), `'+1`);
    assert.equal(neutralizeFormula('@SUM(A1)'), `'@SUM(A1)`);
    assert.equal(neutralizeFormula('-2+3'), `'-2+3`);
    assert.equal(neutralizeFormula('-12.5'), '-12.5');
    assert.equal(neutralizeFormula('\t=1'), `'\t=1`);
    assert.equal(csvText([['=1+1', null, undefined, 0]]), `\uFEFF'=1+1,,,0\r\n`);
  });
  it('leaves <script> as text: a CSV has no markup', () => {
    assert.equal(csvText([['<script>alert(1)</script>']]), '\uFEFF<script>alert(1)</script>\r\n');
  });
});
