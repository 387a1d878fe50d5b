import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shippedStore } from '../test-support/shipped-store.js';
import { KehuError, KehuValidationError } from '../errors/errors.js';
import type { Locale } from '../i18n/locale.js';
import { followUpId, followUpsDue, generateFollowUps, recordFollowUpOutcome } from './follow-up.js';
import { mergeSettings } from './settings.js';

const EXTRA = [
  'opportunity',
  'activity',
  'crm-settings',
  'follow-up-method',
  'follow-up-question',
  'evaluation-category',
  'follow-up',
];

async function dealer(locale: Locale = 'zh-CN') {
  const store = await shippedStore('fu', EXTRA, { locale });
  await store.entity('customer').bulkInsert([
    { id: 'cus-1', name: '张伟', type: 'consumer', salesRep: '陈晓燕' },
    { id: 'cus-2', name: '广州粤顺物流有限公司', type: 'b2b' },
    { id: 'cus-3', name: '李娜', type: 'consumer' },
  ]);
  await store.entity('follow-up-method').bulkInsert([
    { id: 'fum-phone', code: 'PHONE', name: '电话' },
    { id: 'fum-wechat', code: 'WECHAT', name: '微信' },
  ]);
  await store
    .entity('evaluation-category')
    .bulkInsert([{ id: 'evc-1', code: 'SATISFIED', name: '满意', sentiment: 'positive' }]);
  await store
    .entity('follow-up-question')
    .bulkInsert([{ id: 'fuq-1', code: 'Q1', name: '您对本次维修质量是否满意？', answerType: 'score' }]);
  type Kind = 'order' | 'service' | 'quote' | 'loss-assessment';
  type Status = 'approved' | 'draft' | 'rejected';
  const doc = (id: string, kind: Kind, status: Status, customer: string, date: string) => ({
    id,
    number: `DJ${date.slice(0, 4)}${date.slice(5, 7)}${id.slice(-4)}`,
    kind,
    status,
    customer,
    date,
    salesRep: '陈晓燕',
  });
  await store.entity('document').bulkInsert([
    doc('doc-0001', 'order', 'approved', 'cus-1', '2026-10-28'), // sale +3 → 10-31: overdue by 1
    doc('doc-0002', 'service', 'approved', 'cus-2', '2026-10-30'), // service +3 → 11-02: due tomorrow
    doc('doc-0003', 'service', 'approved', 'cus-3', '2026-11-01'), // +3 → 11-04: inside the 3 lead days
    doc('doc-0004', 'service', 'approved', 'cus-3', '2026-11-03'), // +3 → 11-06: too far ahead
    doc('doc-0005', 'order', 'draft', 'cus-1', '2026-10-29'), // not approved
    doc('doc-0006', 'order', 'rejected', 'cus-2', '2026-10-29'),
    doc('doc-0007', 'quote', 'approved', 'cus-2', '2026-10-29'), // quotes are not events
    doc('doc-0008', 'order', 'approved', 'cus-2', '2026-08-01'), // 08-04: more than 30 days overdue
    doc('doc-0009', 'loss-assessment', 'approved', 'cus-2', '2026-10-26'), // +7 → 11-02
  ]);
  return store;
}

const AS_OF = '2026-11-01';

describe('followUpsDue', () => {
  const settings = mergeSettings(undefined);
  const documents = [
    { id: 'd1', kind: 'order', status: 'approved', customer: 'c1', date: '2026-10-29', number: 'DJ2026100001' },
    { id: 'd2', kind: 'service', status: 'submitted', customer: 'c1', date: '2026-10-29' },
    { id: 'd3', kind: 'service', status: 'approved', customer: 'c2', date: '2026-10-29T09:30:00Z', vehicle: 'veh-1' },
    { id: 'd4', kind: 'service', status: 'approved', customer: '', date: '2026-10-29' },
    { id: 'd5', kind: 'service', status: 'approved', customer: 'c3', date: 'not a date' },
  ];

  it('should plan a task N days after each approved sale or service, with its source and assignee', () => {
    const planned = followUpsDue(documents, { settings, asOf: AS_OF });
    assert.deepEqual(
      planned.map((p) => [p.id, p.kind, p.dueDate, p.source, p.customer]),
      [
        ['fu-d1-3d', 'sale', '2026-11-01', 'document:d1', 'c1'],
        ['fu-d3-3d', 'service', '2026-11-01', 'document:d3', 'c2'],
      ],
    );
    assert.equal(planned[0].subject, '销售回访：DJ2026100001');
    assert.equal(planned[1].vehicle, 'veh-1');
  });

  it('should skip customers that no longer exist', () => {
    const planned = followUpsDue(documents, { settings, asOf: AS_OF, liveCustomers: new Set(['c2']) });
    assert.deepEqual(
      planned.map((p) => p.id),
      ['fu-d3-3d'],
    );
  });

  it('should give a follow-up due today on the exact lead and window edges', () => {
    const tight = mergeSettings({
      reminderLeadDays: 0,
      followUpWindowDays: 0,
      followUpRules: [{ documentKind: 'order', days: 3 }],
    });
    const day = (date: string) => followUpsDue([{ ...documents[0], date }], { settings: tight, asOf: AS_OF });
    assert.equal(day('2026-10-29').length, 1, 'due today');
    assert.equal(day('2026-10-28').length, 0, 'due yesterday, window 0');
    assert.equal(day('2026-10-30').length, 0, 'due tomorrow, no lead');
  });

  it('should plan one task per interval when a kind has several, and none when rules are off', () => {
    const twice = mergeSettings({
      followUpRules: [
        { documentKind: 'order', days: 3, method: 'fum-phone' },
        { documentKind: 'order', days: 1 },
      ],
    });
    const planned = followUpsDue([documents[0]], { settings: twice, asOf: AS_OF, locale: 'en' });
    assert.deepEqual(
      planned.map((p) => [p.id, p.dueDate, p.method, p.subject]),
      [
        ['fu-d1-1d', '2026-10-30', undefined, 'Follow-up after sale DJ2026100001'],
        ['fu-d1-3d', '2026-11-01', 'fum-phone', 'Follow-up after sale DJ2026100001'],
      ],
    );
    assert.deepEqual(followUpsDue(documents, { settings: mergeSettings({ followUpRules: [] }), asOf: AS_OF }), []);
  });

  it('should refuse an asOf that is not a day', () => {
    assert.throws(() => followUpsDue(documents, { settings, asOf: '2026-02-30' }), RangeError);
  });

  it('should keep ids within 64 characters for long document ids, and stable', () => {
    const long = 'x'.repeat(64);
    assert.ok(followUpId(long, 30).length <= 64);
    assert.equal(followUpId(long, 30), followUpId(long, 30));
    assert.notEqual(followUpId(long, 30), followUpId(`${'x'.repeat(63)}y`, 30));
  });
});

describe('generateFollowUps', () => {
  it('should create the due tasks from approved documents per the parameters', async () => {
    const store = await dealer();
    const run = await generateFollowUps(store, { asOf: AS_OF });
    assert.deepEqual(
      run.created.map((f) => [f.source, f.kind, f.dueDate, f.status]),
      [
        ['document:doc-0001', 'sale', '2026-10-31', 'open'],
        ['document:doc-0002', 'service', '2026-11-02', 'open'],
        ['document:doc-0009', 'claim', '2026-11-02', 'open'],
        ['document:doc-0003', 'service', '2026-11-04', 'open'],
      ],
    );
    assert.equal(run.created[0].assignee, '陈晓燕');
    assert.equal(await store.entity('follow-up').count(), 4);
    await store.close();
  });

  it('should create nothing new when run twice, nor bring back a task someone deleted', async () => {
    const store = await dealer();
    const first = await generateFollowUps(store, { asOf: AS_OF });
    await store.entity('follow-up').remove(first.created[0].id);
    const second = await generateFollowUps(store, { asOf: AS_OF });
    assert.deepEqual(second.created, []);
    assert.equal(await store.entity('follow-up').count(), 3);
    // A day later the next document comes into range; only it is added.
    const third = await generateFollowUps(store, { asOf: '2026-11-03' });
    assert.deepEqual(
      third.created.map((f) => f.source),
      ['document:doc-0004'],
    );
    await store.close();
  });

  it('should follow the saved intervals', async () => {
    const store = await dealer();
    await store.entity('crm-settings').insert({
      name: '默认',
      followUpRules: [{ documentKind: 'service', days: 2, method: 'fum-wechat' }],
      reminderLeadDays: 0,
    });
    const run = await generateFollowUps(store, { asOf: AS_OF });
    assert.deepEqual(
      run.created.map((f) => [f.source, f.dueDate, f.method]),
      [['document:doc-0002', '2026-11-01', 'fum-wechat']],
    );
    await store.close();
  });

  it('should skip deleted customers, and cancel open tasks of customers deleted after generation', async () => {
    const store = await dealer('en');
    await store.entity('customer').remove('cus-3');
    const first = await generateFollowUps(store, { asOf: AS_OF });
    assert.equal(first.skippedDeletedCustomers, 1);
    assert.ok(first.created.every((f) => f.customer !== 'cus-3'));

    const done = first.created.find((f) => f.customer === 'cus-2')!;
    await recordFollowUpOutcome(store, done.id, { method: 'fum-phone', doneOn: AS_OF });
    await store.entity('customer').remove('cus-2');
    const second = await generateFollowUps(store, { asOf: AS_OF });
    assert.deepEqual(second.created, []);
    // The open claim follow-up of cus-2 is cancelled with a note; the done one stays done.
    assert.deepEqual(
      second.cancelled.map((f) => [f.source, f.status, f.outcome]),
      [['document:doc-0009', 'cancelled', 'Cancelled automatically: the customer was deleted.']],
    );
    assert.equal((await store.entity('follow-up').get(done.id))?.status, 'done');
    // Restoring the customer does not reopen the task, nor plan it again.
    await store.entity('customer').restore('cus-2');
    const third = await generateFollowUps(store, { asOf: AS_OF });
    assert.deepEqual([third.created.length, third.cancelled.length], [0, 0]);
    await store.close();
  });
});

describe('recordFollowUpOutcome', () => {
  it('should close the task with method, evaluation and answers', async () => {
    const store = await dealer();
    const [task] = (await generateFollowUps(store, { asOf: AS_OF })).created;
    const done = await recordFollowUpOutcome(store, task.id, {
      method: 'fum-phone',
      evaluation: 'evc-1',
      answers: [{ question: 'fuq-1', score: 5, answer: '很满意，交车很快' }],
      outcome: '客户表示满意',
      doneOn: '2026-11-01',
    });
    assert.equal(done.status, 'done');
    assert.equal(done.doneOn, '2026-11-01');
    assert.deepEqual(done.answers, [{ question: 'fuq-1', score: 5, answer: '很满意，交车很快' }]);
    // The question is now in use: the dictionary refuses to delete it.
    await assert.rejects(store.entity('follow-up-question').remove('fuq-1'), (e) => (e as KehuError).code === 'in-use');
    await store.close();
  });

  it('should refuse a second outcome, a missing method and a bad score, in the store locale', async () => {
    const store = await dealer();
    const [task] = (await generateFollowUps(store, { asOf: AS_OF })).created;
    await assert.rejects(recordFollowUpOutcome(store, task.id, { method: '' }), /请选择跟踪方式/);
    await assert.rejects(
      recordFollowUpOutcome(store, task.id, { method: 'fum-phone', answers: [{ question: 'fuq-1', score: 6 }] }),
      KehuValidationError,
    );
    await recordFollowUpOutcome(store, task.id, { method: 'fum-phone' });
    await assert.rejects(recordFollowUpOutcome(store, task.id, { method: 'fum-phone' }), /已完成，不能再次登记/);
    await assert.rejects(recordFollowUpOutcome(store, 'fu-nope', { method: 'fum-phone' }), /找不到回访/);
    await store.close();
  });
});
