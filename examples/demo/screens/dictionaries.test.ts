import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';
import type { Store } from '@kehu/core';
import '@kehu/components/define.js';
import { dictionariesScreen } from './dictionaries.js';
import { crmSettingsScreen } from './crm-settings.js';
import { crmStore, screenContext } from './crm-test-support.js';

setupIgnoreWindowResizeObserverLoopErrors(before, after);

let store: Store;
before(async () => {
  store = await crmStore('dictionaries');
  await store.entity('customer').insert({ id: 'cus-1', name: '张伟', type: 'consumer' });
  await store.entity('follow-up-method').bulkInsert([
    { id: 'fum-1', code: 'PHONE', name: '电话回访', order: 10 },
    { id: 'fum-2', code: 'FAX', name: '传真', order: 20 },
  ]);
  await store.entity('follow-up').insert({
    customer: 'cus-1',
    subject: '维修回访：DJ2026110001',
    kind: 'service',
    dueDate: '2026-11-04',
    status: 'done',
    method: 'fum-1',
  });
});
after(() => store.close());

const host = () => fixture<HTMLElement>(html`<div></div>`);

describe('dictionaries screen (基础资料)', () => {
  it('lists every dictionary and the entries of the chosen one', async () => {
    const el = await host();
    dictionariesScreen.render(el, screenContext(store, 'zh-CN', ['follow-up-method']));
    const links = [...el.querySelectorAll('#dictionaries-tabs a')].map((a) => a.textContent);
    expect(links).to.deep.equal(['客户分类', '客户级别', '评价类别', '跟踪问题', '跟踪方式', '保险公司', '价格层级']);
    expect(el.querySelector('[aria-current="page"]')!.textContent).to.equal('跟踪方式');
    const list = el.querySelector('kehu-record-list')!;
    await waitUntil(() => list.shadowRoot?.textContent?.includes('传真'), 'the entries');
    expect(list.shadowRoot!.textContent).to.contain('电话回访');
    expect(el.querySelector('#dictionary-entry')!.textContent).to.equal('新增条目');
    expect(el.querySelector<HTMLElement>('#dictionary-remove')!.hidden).to.equal(true);
  });

  it('refuses to delete an entry in use, with the store’s message, and deletes one that is not', async () => {
    const el = await host();
    const context = screenContext(store, 'zh-CN', ['follow-up-method', 'fum-1']);
    dictionariesScreen.render(el, context);
    const remove = el.querySelector<HTMLButtonElement>('#dictionary-remove')!;
    expect(remove.hidden).to.equal(false);
    remove.click();
    const message = el.querySelector('#dictionary-message')!;
    await waitUntil(() => message.textContent, 'a refusal');
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.equal('该跟踪方式（fum-1）仍被使用：回访 1 条，请先修改或删除这些记录。');
    expect(await store.entity('follow-up-method').get('fum-1')).to.not.equal(null);

    dictionariesScreen.render(el, { ...context, locale: 'en', params: ['follow-up-method', 'fum-2'] });
    expect(message.textContent, 'a stale refusal is cleared').to.equal('');
    remove.click();
    await waitUntil(() => message.textContent === 'Deleted.');
    expect(await store.entity('follow-up-method').get('fum-2')).to.equal(null);
    expect(context.routes.at(-1)).to.equal('screen/dictionaries/follow-up-method');
  });

  it('falls back to the first dictionary for an unknown one in the route', async () => {
    const el = await host();
    dictionariesScreen.render(el, screenContext(store, 'en', ['<script>alert(1)</script>']));
    expect(el.querySelector('kehu-record-list')!.entity).to.equal('customer-class');
    expect(el.querySelector('#dictionary-title')!.textContent).to.equal('Customer classifications · Entries');
  });

  it('is accessible in both locales', async () => {
    const el = await host();
    dictionariesScreen.render(el, screenContext(store, 'zh-CN', ['evaluation-category']));
    await expect(el).to.be.accessible();
    dictionariesScreen.render(el, screenContext(store, 'en', ['evaluation-category']));
    await expect(el).to.be.accessible();
  });
});

describe('crm-settings screen (参数设置)', () => {
  it('starts a new parameters record from the defaults, then edits the saved one', async () => {
    const el = await host();
    crmSettingsScreen.render(el, screenContext(store, 'zh-CN'));
    const form = el.querySelector('kehu-record-form')!;
    await waitUntil(() => form.record, 'the defaults');
    expect(form.record).to.include({ lostCustomerDays: 365, reminderLeadDays: 3 });
    expect(el.textContent).to.contain('流失期限 365 天');
    const saved = await store.entity('crm-settings').insert({ name: '集团默认参数', lostCustomerDays: 200 });
    const again = await host();
    crmSettingsScreen.render(again, screenContext(store, 'en'));
    const edit = again.querySelector('kehu-record-form')!;
    await waitUntil(() => edit.recordId === saved.id, 'edits the stored record');
    await expect(again).to.be.accessible();
  });
});
