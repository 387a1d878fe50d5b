import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Store } from '@kehu/core';
import './define.js';
// Inline creation opens a <kehu-record-form>: offered only where the page defines one.
import '../record-form/define.js';
import type { KehuReferencePicker } from './reference-picker.js';
import { afterEach, closeStores, describe, inner, it, options, seeded, titles } from './picker-fixtures.js';

afterEach(closeStores);

function picker(store: Store, locale = 'zh-CN'): Promise<KehuReferencePicker> {
  return fixture<KehuReferencePicker>(
    html`<kehu-reference-picker entity="customer" locale=${locale} .store=${store}></kehu-reference-picker>`,
  );
}

const dialog = (el: KehuReferencePicker) => el.shadowRoot!.querySelector('dialog')!;
const dialogForm = (el: KehuReferencePicker) => dialog(el).querySelector('kehu-record-form')!;
const formInput = (el: KehuReferencePicker, key: string) =>
  dialogForm(el).shadowRoot!.querySelector<HTMLInputElement>(`#field-${key}`);

/** Types `text`, waits for "New …", and opens the dialog with Enter. */
async function createFrom(el: KehuReferencePicker, text: string): Promise<void> {
  inner(el).focus();
  await sendKeys({ type: text });
  await waitUntil(() => options(el).some((o) => o.matches('[part~="create-option"]')));
  await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => dialog(el).open && formInput(el, 'name'));
}

describe('<kehu-reference-picker> creating a record inline', () => {
  it('should offer "New customer" with the typed text when nothing matches', async () => {
    const { store } = await seeded();
    const el = await picker(store);
    inner(el).focus();
    await sendKeys({ type: '新客户' });
    await waitUntil(() => options(el).length === 1);
    expect(titles(el)).to.deep.equal(['新建客户「新客户」']);
    await expect(el).to.be.accessible();
  });

  it('should open a dialog pre-filled with the text, and choose the saved record', async () => {
    const { store } = await seeded();
    const el = await picker(store, 'en');
    await createFrom(el, 'Zeta Trading');
    expect(dialog(el).querySelector('[part~="dialog-title"]')!.textContent!.trim()).to.equal('New Customer');
    expect(formInput(el, 'name')!.value).to.equal('Zeta Trading');
    await expect(el).to.be.accessible();
    const change = oneEvent(el, 'change');
    let escaped = false;
    const onOuterSave = () => (escaped = true);
    document.addEventListener('kehu-record-save', onOuterSave);
    dialogForm(el).shadowRoot!.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await change;
    document.removeEventListener('kehu-record-save', onOuterSave);
    const saved = await store.entity<Record<string, unknown>>('customer').find({ selector: { name: 'Zeta Trading' } });
    expect(saved.length).to.equal(1);
    expect(el.value).to.equal(saved[0].id);
    await el.updateComplete;
    expect(dialog(el).open).to.equal(false);
    expect(inner(el).value).to.equal('Zeta Trading');
    expect(el.shadowRoot!.activeElement).to.equal(inner(el));
    expect(escaped, 'the inner save stays inside the picker').to.equal(false);
  });

  it('should return focus to the picker and keep the value on cancel', async () => {
    const { store } = await seeded();
    const el = await picker(store);
    await createFrom(el, '不存在的客户');
    dialogForm(el).shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await waitUntil(() => !dialog(el).open);
    expect(el.value).to.equal('');
    expect(el.shadowRoot!.activeElement).to.equal(inner(el));
  });

  it('should close on Escape like any dialog', async () => {
    const { store } = await seeded();
    const el = await picker(store);
    await createFrom(el, '不存在的客户');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open);
    expect(el.value).to.equal('');
    await waitUntil(() => el.shadowRoot!.activeElement === inner(el));
  });

  it('should not offer it with no-create', async () => {
    const { store } = await seeded();
    const el = await fixture<KehuReferencePicker>(
      html`<kehu-reference-picker entity="customer" no-create .store=${store}></kehu-reference-picker>`,
    );
    inner(el).focus();
    await sendKeys({ type: 'zzz' });
    await waitUntil(() => !el.shadowRoot!.querySelector('[part="status"]')!.classList.contains('visually-hidden'));
    expect(options(el).length).to.equal(0);
  });
});
