import { fixture, html, expect, waitUntil, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStore, type Store } from '@kehu/core';
import './define.js';
import type { KehuConflictPicker } from './conflict-picker.js';
import { admin, closeConflictStores, conflictStore, customerSchema } from './conflict-fixtures.js';

afterEach(closeConflictStores);

const base = {
  name: '上海申通汽车服务有限公司',
  mobile: '13812345678',
  creditLimit: 50000,
  salesRep: 'u-sales',
  organisation: 'sh',
  remark: 'base',
};

async function open(store: Store, options: { entity?: string; recordId?: string; locale?: string } = {}) {
  const el = await fixture<KehuConflictPicker>(
    html`<kehu-conflict-picker
      entity=${options.entity ?? 'customer'}
      record-id=${options.recordId ?? ''}
      locale=${options.locale ?? 'en'}
      .store=${store}
    ></kehu-conflict-picker>`,
  );
  await waitUntil(
    () => el.shadowRoot!.querySelector('[part="conflict"], [part="message"]'),
    'the picker shows conflicts or its empty state',
  );
  return el;
}

const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const fieldset = (el: KehuConflictPicker, key: string) =>
  el.shadowRoot!.querySelector<HTMLFieldSetElement>(`fieldset[data-field="${key}"]`)!;
const radio = (el: KehuConflictPicker, key: string, side: 'local' | 'server') =>
  fieldset(el, key).querySelector<HTMLInputElement>(`input[value="${side}"]`)!;
const activeInShadow = (el: KehuConflictPicker) => el.shadowRoot!.activeElement as HTMLElement | null;

describe('kehu-conflict-picker', () => {
  it('lists an overlapping edit per field with both values formatted, who set them, and resolves it by keyboard', async () => {
    const { store, recordId, conflictId } = await conflictStore({
      base,
      local: { remark: 'mine <script>alert(1)</script>', creditLimit: 80000, name: '申通（我改的）' },
      server: { remark: 'theirs', creditLimit: 60000 },
      user: admin,
    });
    const el = await open(store);
    await waitUntil(() => text(el).includes('李经理'), 'who set the server value shows');
    expect([...el.shadowRoot!.querySelectorAll('fieldset legend')].map((l) => l.textContent!.trim())).to.deep.equal([
      'Credit limit',
      'Remark',
    ]);
    const limit = fieldset(el, 'creditLimit').textContent!.replace(/\s+/g, ' ');
    const money = (n: number) => new Intl.NumberFormat('en', { minimumFractionDigits: 2 }).format(n);
    expect(limit).to.contain(money(80000)).and.contain(money(60000)).and.contain(money(50000));
    expect(fieldset(el, 'remark').textContent).to.contain('mine <script>alert(1)</script>').and.contain('theirs');
    expect(el.shadowRoot!.querySelector('script')).to.equal(null);
    expect(fieldset(el, 'remark').querySelector('[data-side="local"]')!.textContent).to.contain('Admin');
    expect(fieldset(el, 'remark').querySelector('[data-side="server"]')!.textContent).to.contain('李经理');
    // The name changed on this side only: merged, not a conflict.
    expect(fieldset(el, 'name')).to.equal(null);
    expect(radio(el, 'remark', 'server').checked).to.equal(true);

    // Keyboard only: Tab into the first group (its checked radio) and past it (the credit limit
    // stays theirs), Tab into the second, arrow to "Mine", Tab to Resolve, Enter.
    el.focus();
    await sendKeys({ press: 'Tab' });
    expect(activeInShadow(el)).to.equal(radio(el, 'creditLimit', 'server'));
    await sendKeys({ press: 'Tab' });
    expect(activeInShadow(el)).to.equal(radio(el, 'remark', 'server'));
    await sendKeys({ press: 'ArrowLeft' });
    expect(radio(el, 'remark', 'local').checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(activeInShadow(el)?.getAttribute('part')).to.equal('resolve');
    const resolved = oneEvent(el, 'kehu-conflict-resolve');
    await sendKeys({ press: 'Enter' });
    const { detail } = await resolved;
    expect(detail).to.deep.include({ id: conflictId, entity: 'customer', recordId });
    expect(detail.choices).to.deep.equal({ remark: 'local', creditLimit: 'server' });

    const stored = await store.entity<Record<string, unknown>>('customer').get(recordId);
    expect(stored).to.deep.include({
      remark: 'mine <script>alert(1)</script>',
      creditLimit: 60000,
      name: '申通（我改的）',
    });
    const [latest] = await store.history('customer', recordId);
    expect(latest.user?.id).to.equal('u-admin');
    expect(latest.changes).to.deep.equal([{ path: ['remark'], from: 'theirs', to: 'mine <script>alert(1)</script>' }]);
    expect(await store.conflicts!.list()).to.deep.equal([]);
    const [done] = await store.conflicts!.list({ all: true });
    expect(done.choices).to.deep.equal({ remark: 'local', creditLimit: 'server' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part="message"]'), 'the empty state shows');
    expect(text(el)).to.contain('No sync conflicts to resolve.');
    expect(activeInShadow(el)?.getAttribute('part')).to.equal('message');
  });

  it('says when the server found the conflict between two users, in both languages', async () => {
    const { store } = await conflictStore({
      base,
      local: { remark: 'one user' },
      server: { remark: 'another user' },
      user: admin,
      readers: ['u-admin', 'u-li'],
    });
    const el = await open(store);
    await waitUntil(() => text(el).includes('Two users changed the same fields at the same time'), 'the kind shows');
    expect(text(el)).to.contain('The other value');
    expect(text(el)).not.to.contain('Mine').and.not.to.contain('Reason:');
    el.locale = 'zh-CN';
    await waitUntil(() => text(el).includes('两位用户同时修改了相同的字段'), 'the kind in Chinese');
    expect(text(el)).to.contain('另一个值');
  });

  it('masks what the role may not see and keeps the current value of fields it may not change', async () => {
    const { store, recordId } = await conflictStore({
      base,
      local: { mobile: '13900001111', creditLimit: 1, remark: 'mine' },
      server: { mobile: '13700002222', creditLimit: 2, remark: 'theirs' },
    });
    const el = await open(store, { recordId });
    await waitUntil(() => fieldset(el, 'mobile'), 'the fields show');
    const shown = text(el);
    expect(shown).not.to.contain('13900001111').and.not.to.contain('13700002222').and.not.to.contain('13812345678');
    expect(shown).to.contain('139****1111').and.contain('137****2222');
    expect(radio(el, 'mobile', 'local').disabled).to.equal(true);
    expect(radio(el, 'creditLimit', 'local').disabled, 'sales may only read the credit limit').to.equal(true);
    expect(fieldset(el, 'creditLimit').textContent).to.contain('Your role may not change this field');
    expect(radio(el, 'remark', 'local').disabled).to.equal(false);
    radio(el, 'remark', 'local').click();
    const resolved = oneEvent(el, 'kehu-conflict-resolve');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="resolve"]')!.click();
    expect((await resolved).detail.choices).to.deep.equal({ mobile: 'server', creditLimit: 'server', remark: 'local' });
    expect(text(el)).not.to.contain('13900001111');
    const stored = await store.entity<Record<string, unknown>>('customer').get(recordId);
    expect(stored).to.deep.include({ remark: 'mine', creditLimit: 2 });
  });

  it('hides a field the role may not read at all, values included', async () => {
    const auditor = { id: 'u-audit', name: 'Audit', roles: ['auditor'], organisation: 'sh' };
    const { store } = await conflictStore({
      base,
      local: { mobile: '13900001111', remark: 'mine' },
      server: { mobile: '13700002222', remark: 'theirs' },
      user: auditor,
    });
    const el = await open(store, { locale: 'zh-CN' });
    await waitUntil(() => fieldset(el, 'mobile'), 'the fields show');
    expect(fieldset(el, 'mobile').querySelectorAll('input').length).to.equal(0);
    expect(fieldset(el, 'mobile').textContent).to.contain('您的角色无权查看此字段');
    expect(text(el)).not.to.contain('1111').and.not.to.contain('2222');
    // An auditor changes nothing: every "mine" is disabled.
    expect(radio(el, 'remark', 'local').disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  for (const locale of ['zh-CN', 'en']) {
    it(`is accessible with a conflict shown and when empty (${locale})`, async () => {
      const { store } = await conflictStore({ base, local: { remark: 'a' }, server: { remark: 'b' }, user: admin });
      const el = await open(store, { locale });
      await waitUntil(() => el.shadowRoot!.querySelector('[part="conflict"]'), 'the conflict shows');
      expect(text(el)).to.contain(locale === 'en' ? 'Theirs (current)' : '服务器的值（当前）');
      await expect(el).to.be.accessible();
      el.recordId = 'someone-else';
      await waitUntil(() => el.shadowRoot!.querySelector('[part="message"]'), 'other records have none');
      expect(text(el)).to.contain(locale === 'en' ? 'No sync conflicts' : '没有待处理的同步冲突');
      await expect(el).to.be.accessible();
    });
  }

  it('shows the empty state for a store without conflicts, and warns about an unknown entity', async () => {
    const store = await createStore({ entities: [customerSchema], name: `kehu-conflict-none-${Date.now()}` });
    try {
      const el = await open(store);
      expect(text(el)).to.contain('No sync conflicts to resolve.');
      const warnings: unknown[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        el.entity = 'no-such-thing';
        await el.updateComplete;
      } finally {
        console.warn = warn;
      }
      expect(warnings.length).to.equal(1);
      expect(text(el)).to.contain('no-such-thing');
    } finally {
      await store.close();
    }
  });

  it('picks up the store when it is set after connection, and switches language at run time', async () => {
    const { store } = await conflictStore({ base, local: { remark: 'a' }, server: { remark: 'b' }, user: admin });
    const el = await fixture<KehuConflictPicker>(html`<kehu-conflict-picker entity="customer"></kehu-conflict-picker>`);
    expect(text(el)).to.match(/store|存储/);
    el.store = store;
    await waitUntil(() => el.shadowRoot!.querySelector('[part="conflict"]'), 'the conflict shows');
    el.locale = 'zh-CN';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('legend')!.textContent).to.contain('备注');
    expect(text(el)).to.contain('我的值');
    // Taken out of the document and put back, it still follows the store: a conflict resolved
    // elsewhere (another picker, the API) leaves it.
    el.remove();
    document.body.append(el);
    const [open] = await store.conflicts!.list();
    await store.conflicts!.resolve(open.id, { remark: 'server' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part="message"]'), 'the empty state shows');
    expect(text(el)).to.contain('没有待处理的同步冲突');
    el.remove();
  });
});
