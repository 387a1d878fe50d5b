import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { BehaviorSubject } from 'rxjs';
import type { Store, SyncStatus } from '@kehu/core';
import './define.js';
import type { KehuSyncStatus } from './sync-status.js';

/** A fake status source, as `store.sync` would be. */
const fakeSource = (status: SyncStatus) => {
  const subject = new BehaviorSubject<SyncStatus>(status);
  return { subject, source: { status$: subject.asObservable() } };
};

const text = (el: KehuSyncStatus) =>
  el.shadowRoot!.querySelector('[part="base"]')!.textContent!.replace(/\s+/g, ' ').trim();

const refused = {
  en: 'Credit limit (creditLimit) of Customer may not be set or changed by sales.chen. Nothing was saved.',
  'zh-CN': '「信用额度」（creditLimit）不能由 sales.chen 填写或修改（客户）。本次未保存。',
};

describe('<kehu-sync-status>', () => {
  it('shows state, pending count, last sync and last error, and follows the source', async () => {
    const { subject, source } = fakeSource({ state: 'offline', pending: 3 });
    const el = await fixture<KehuSyncStatus>(html`<kehu-sync-status locale="en" .source=${source}></kehu-sync-status>`);
    expect(el.getAttribute('state')).to.equal('offline');
    expect(text(el)).to.equal('Offline 3 changes to send');
    subject.next({ state: 'syncing', pending: 1 });
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('syncing');
    expect(text(el)).to.equal('Syncing 1 change to send');
    subject.next({ state: 'error', pending: 0, lastError: refused, lastSyncedAt: '2026-11-22T08:30:00.000Z' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="pending"]')).to.equal(null);
    expect(text(el)).to.contain('Sync error');
    expect(text(el)).to.contain('Last synced');
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('Credit limit (creditLimit)');
    el.locale = 'zh-CN';
    await el.updateComplete;
    expect(text(el)).to.contain('同步出错');
    expect(text(el)).to.contain('信用额度');
  });

  it('is a polite live region, accessible in both locales', async () => {
    const { source } = fakeSource({
      state: 'idle',
      pending: 12345,
      lastSyncedAt: '2026-11-22T08:30:00.000Z',
      lastError: refused,
    });
    for (const locale of ['zh-CN', 'en']) {
      const el = await fixture<KehuSyncStatus>(
        html`<kehu-sync-status locale=${locale} .source=${source}></kehu-sync-status>`,
      );
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      expect(base.getAttribute('role')).to.equal('status');
      expect(base.getAttribute('aria-live')).to.equal('polite');
      expect(text(el)).to.contain(locale === 'en' ? '12,345 changes to send' : '12,345 项修改待发送');
      await expect(el).to.be.accessible();
    }
  });

  it('reads store.sync, set before or after connection, and shows "not syncing" without one', async () => {
    const { subject, source } = fakeSource({ state: 'idle', pending: 0 });
    const store = { sync: source } as unknown as Store;
    const early = document.createElement('kehu-sync-status');
    early.locale = 'en';
    early.store = store;
    const host = await fixture(html`<div lang="en"></div>`);
    host.append(early);
    await early.updateComplete;
    expect(text(early)).to.equal('Synced');

    const late = await fixture<KehuSyncStatus>(html`<kehu-sync-status lang="en"></kehu-sync-status>`);
    expect(late.getAttribute('state')).to.equal('none');
    expect(text(late)).to.equal('Not syncing');
    late.store = store;
    await late.updateComplete;
    expect(text(late)).to.equal('Synced');
    subject.next({ state: 'offline', pending: 2 });
    await waitUntil(() => text(late) === 'Offline 2 changes to send');
    late.store = { entity: () => null } as unknown as Store; // a store opened without replication
    await late.updateComplete;
    expect(text(late)).to.equal('Not syncing');
  });

  it('says when another tab syncs for this one, in both locales, accessibly', async () => {
    const { subject, source } = fakeSource({ state: 'idle', pending: 2, otherTab: true });
    const el = await fixture<KehuSyncStatus>(html`<kehu-sync-status locale="en" .source=${source}></kehu-sync-status>`);
    expect(text(el)).to.equal('Synced 2 changes to send via another tab');
    await expect(el).to.be.accessible();
    el.locale = 'zh-CN';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tab"]')!.textContent).to.equal('由另一个标签页同步');
    await expect(el).to.be.accessible();
    // This tab took over: the note goes.
    subject.next({ state: 'syncing', pending: 0 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tab"]')).to.equal(null);
  });

  it('warns and shows nothing useful for a bad source, without throwing', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await fixture<KehuSyncStatus>(
        html`<kehu-sync-status locale="xx-bad" .source=${{ status$: 42 } as never}></kehu-sync-status>`,
      );
      expect(warnings.length).to.equal(1);
      expect(text(el)).to.equal('未同步');
    } finally {
      console.warn = warn;
    }
  });

  it('renders a hostile error message as text', async () => {
    const { source } = fakeSource({
      state: 'error',
      pending: 0,
      lastError: { en: '<img src=x onerror=alert(1)>', 'zh-CN': '<script>x</script>' },
    });
    const el = await fixture<KehuSyncStatus>(html`<kehu-sync-status locale="en" .source=${source}></kehu-sync-status>`);
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(el)).to.contain('<img src=x onerror=alert(1)>');
  });
});
