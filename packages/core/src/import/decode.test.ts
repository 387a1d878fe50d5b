import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeChunks, detectEncoding, EncodingMismatchError, type DetectedEncoding } from './decode.js';
import { encodeGbk } from './test-support/fixtures.js';

const bytes = (...parts: (number[] | Uint8Array)[]) => new Uint8Array(parts.flatMap((p) => [...p]));
async function decodeAll(chunks: Uint8Array[], encoding?: 'gb18030' | 'utf-8') {
  let detected: DetectedEncoding | undefined;
  async function* source() {
    yield* chunks;
  }
  let text = '';
  for await (const part of decodeChunks(source(), { encoding, onDetect: (d) => (detected = d) })) text += part;
  return { text, detected: detected as DetectedEncoding | undefined };
}

describe('detecting the encoding of an imported file', () => {
  it('reads GBK as Chinese Excel saves it (张三 = D5 C5 C8 FD)', async () => {
    const file = bytes([...new TextEncoder().encode('name\n')], [0xd5, 0xc5, 0xc8, 0xfd]);
    const { text, detected } = await decodeAll([file]);
    assert.equal(text, 'name\n张三');
    assert.equal(detected!.encoding, 'gb18030');
  });

  it('honours UTF-8 and UTF-16 byte-order marks and strips them', async () => {
    assert.equal((await decodeAll([bytes([0xef, 0xbb, 0xbf], new TextEncoder().encode('客户'))])).text, '客户');
    const le = bytes([0xff, 0xfe], [0xa2, 0x5b, 0x37, 0x62]); // 客户 in UTF-16LE
    const result = await decodeAll([le]);
    assert.equal(result.text, '客户');
    assert.equal(result.detected!.encoding, 'utf-16le');
    assert.equal(detectEncoding(bytes([0xfe, 0xff, 0x5b, 0xa2])).encoding, 'utf-16be');
  });

  it('does not trust a UTF-8 BOM in front of GBK text: reads GB18030 after the BOM', async () => {
    const file = bytes([0xef, 0xbb, 0xbf], encodeGbk('客户名称,手机\n张三,13800138000\n'));
    const { text, detected } = await decodeAll([file]);
    assert.equal(text, '客户名称,手机\n张三,13800138000\n');
    assert.deepEqual(detected, { encoding: 'gb18030', bomLength: 3, reason: 'bom-mismatch' });
  });

  it('keeps a UTF-8 character split across two chunks whole', async () => {
    const utf8 = new TextEncoder().encode('张三');
    const { text } = await decodeAll([utf8.subarray(0, 2), utf8.subarray(2)]);
    assert.equal(text, '张三');
  });

  it('lets the caller override the guess', async () => {
    const { text, detected } = await decodeAll([new TextEncoder().encode('abc')], 'gb18030');
    assert.equal(text, 'abc');
    assert.equal(detected!.reason, 'override');
  });

  it('stops with a localised error when a file that started as UTF-8 turns out not to be', async () => {
    const start = new Uint8Array(70 * 1024).fill(0x61);
    await assert.rejects(decodeAll([start, encodeGbk('张三')]), (error: unknown) => {
      assert.ok(error instanceof EncodingMismatchError);
      assert.match(error.messageIn('zh-CN'), /GB18030/);
      return true;
    });
  });
});
