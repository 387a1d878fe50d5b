import { fixture, html, expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Store } from '@kehu/core';
import './define.js';
// One test draws the field inside a <kehu-record-form>, which the picker's define does not bring.
import '../record-form/define.js';
import type { KehuReferencePicker } from './reference-picker.js';
import { formatCell } from '../record-list/cell-format.js';
import {
  activitySchema,
  afterEach,
  closeStores,
  describe,
  inner,
  it,
  options,
  seeded,
  titles,
} from './picker-fixtures.js';
import { defineEntity } from '@kehu/core';

afterEach(closeStores);

function picker(store: Store, locale = 'zh-CN'): Promise<KehuReferencePicker> {
  return fixture<KehuReferencePicker>(
    html`<kehu-reference-picker
      targets="customer vehicle opportunity"
      label="关联对象"
      locale=${locale}
      .store=${store}
    ></kehu-reference-picker>`,
  );
}

const scope = (el: KehuReferencePicker) => el.shadowRoot!.querySelector<HTMLSelectElement>('[part~="scope"]')!;
const groupLabels = (el: KehuReferencePicker) =>
  [...el.shadowRoot!.querySelectorAll('[part~="group-label"]')].map((g) => g.textContent);

describe('<kehu-reference-picker> with several target entities', () => {
  it('should list matches of every target grouped by entity, and store entity:id', async () => {
    const { store, ids } = await seeded();
    const el = await picker(store);
    inner(el).focus();
    await sendKeys({ type: '阿' });
    await waitUntil(() => options(el).length === 4);
    expect(groupLabels(el)).to.deep.equal(['客户', '车辆', '商机']);
    expect(titles(el)).to.include.members(['阿克米贸易', '阿里汽配', '浙A阿888', '阿尔法项目']);
    await expect(el).to.be.accessible();
    const vehicle = titles(el).indexOf('浙A阿888');
    for (let i = 0; i <= vehicle; i++) await sendKeys({ press: 'ArrowDown' });
    const change = oneEvent(el, 'change');
    await sendKeys({ press: 'Enter' });
    await change;
    expect(el.value).to.equal(`vehicle:${ids['浙A阿888']}`);
  });

  it('should narrow the search to the entity chosen in the type chooser', async () => {
    const { store } = await seeded();
    const el = await picker(store, 'en');
    const chooser = scope(el);
    expect(chooser.getAttribute('aria-label')).to.equal('Type');
    expect([...chooser.options].map((o) => o.textContent!.trim())).to.deep.equal([
      'All types',
      'Customer',
      'Vehicle',
      'Opportunity',
    ]);
    chooser.focus();
    chooser.value = 'opportunity';
    chooser.dispatchEvent(new Event('change'));
    inner(el).focus();
    await sendKeys({ type: '阿' });
    await waitUntil(() => options(el).length === 1);
    expect(titles(el)).to.deep.equal(['阿尔法项目']);
    await expect(el).to.be.accessible();
  });

  it('should show the title of an entity:id value set from outside', async () => {
    const { store, ids } = await seeded();
    const el = await picker(store);
    el.value = `opportunity:${ids['阿尔法项目']}`;
    await waitUntil(() => inner(el).value === '阿尔法项目');
    const form = await fixture<HTMLFormElement>(html`<form></form>`);
    el.name = 'regarding';
    form.append(el);
    await el.updateComplete;
    expect(new FormData(form).get('regarding')).to.equal(`opportunity:${ids['阿尔法项目']}`);
  });

  it('should warn about a value that is not entity:id of a target, without throwing', async () => {
    const { store } = await seeded();
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await picker(store, 'en');
      el.value = 'activity:123';
      await el.updateComplete;
      expect(inner(el).value).to.contain('Invalid reference "activity:123"');
      expect(String(warnings[0]?.[0])).to.contain('activity:123');
    } finally {
      console.warn = warn;
    }
  });

  it('should name unknown targets in an alert', async () => {
    const { store } = await seeded();
    const el = await fixture<KehuReferencePicker>(
      html`<kehu-reference-picker targets="customer, lead" locale="en" .store=${store}></kehu-reference-picker>`,
    );
    const message = el.shadowRoot!.querySelector('[part="message"]')!;
    expect(message.getAttribute('role')).to.equal('alert');
    expect(message.textContent).to.contain('Unknown entity "lead"');
  });

  it('should be what a record form shows for such a field', async () => {
    const { store } = await seeded();
    const form = await fixture<HTMLElement>(
      html`<kehu-record-form entity="activity" locale="zh-CN" .store=${store}></kehu-record-form>`,
    );
    await waitUntil(() => form.shadowRoot!.querySelector('#field-regarding'));
    const field = form.shadowRoot!.querySelector<KehuReferencePicker>('#field-regarding')!;
    expect(field.localName).to.equal('kehu-reference-picker');
    expect(field.targets).to.deep.equal(['customer', 'vehicle', 'opportunity']);
  });

  it('should read in list cells as the entity label and the record title', () => {
    const field = defineEntity(activitySchema).field('regarding')!;
    const lookup = Object.assign(
      (entity: string, id: string) => (entity === 'vehicle' ? `title of ${id}` : undefined),
      {
        entityLabel: (entity: string) => (entity === 'vehicle' ? '车辆' : undefined),
      },
    );
    expect(formatCell(field, 'vehicle:v1', 'zh-CN', lookup).text).to.equal('车辆 · title of v1');
    expect(formatCell(field, 'customer:c1', 'zh-CN', lookup).text).to.equal('…');
    expect(formatCell(field, 'product:p1', 'zh-CN', lookup).text).to.equal('product:p1');
  });
});
