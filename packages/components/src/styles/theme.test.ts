import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { createStore, type Store } from '@kehu/core';
import '../record-list/define.js';
import '../filter-builder/define.js';
import '../record-form/define.js';
import type { KehuRecordList } from '../record-list/record-list.js';

const schema = {
  $id: 'contact',
  type: 'object',
  'x-kehu': { titleField: 'name' },
  properties: { name: { type: 'string', maxLength: 40 } },
};

let store: Store;
before(async () => {
  store = await createStore({ entities: [schema], name: `theme-${Date.now()}` });
  await store.entity('contact').insert({ name: 'Ada' });
});
after(() => store.close());

const background = (el: Element, selector: string) =>
  getComputedStyle(el.shadowRoot!.querySelector(selector)!).backgroundColor;
const color = (el: Element) => getComputedStyle(el).color;

describe('the shared theme', () => {
  it('follows the host page into dark mode through color-scheme', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="color-scheme: light">
        <kehu-record-list entity="contact" .store=${store}></kehu-record-list>
      </div>`,
    );
    const list = wrapper.querySelector<KehuRecordList>('kehu-record-list')!;
    await waitUntil(() => list.shadowRoot!.querySelector('[part~="row"]'));
    expect(background(list, '[part="base"]')).to.equal('rgb(255, 255, 255)');
    expect(color(list)).to.equal('rgb(31, 35, 40)');
    wrapper.style.colorScheme = 'dark';
    expect(background(list, '[part="base"]')).to.equal('rgb(27, 30, 35)');
    expect(color(list)).to.equal('rgb(230, 232, 235)');
  });

  it('draws the form in dark mode too, inputs and buttons included', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="color-scheme: dark">
        <kehu-record-form entity="contact" .store=${store}></kehu-record-form>
      </div>`,
    );
    const form = wrapper.querySelector('kehu-record-form')!;
    await waitUntil(() => form.shadowRoot!.querySelector('input'));
    expect(getComputedStyle(form.shadowRoot!.querySelector('input')!).backgroundColor).to.equal('rgb(27, 30, 35)');
    expect(color(form)).to.equal('rgb(230, 232, 235)');
    const cancel = form.shadowRoot!.querySelector('[part~="cancel-button"]')!;
    expect(getComputedStyle(cancel).color).to.equal('rgb(230, 232, 235)');
  });

  it('lets a host restyle every element with the global tokens, one element with its own property, and a piece with ::part', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--kehu-color-surface: rgb(250, 240, 230); --kehu-color-accent: rgb(200, 0, 0)">
        <style>
          .branded::part(count) {
            color: rgb(0, 128, 0);
          }
        </style>
        <kehu-record-list
          class="branded"
          entity="contact"
          .store=${store}
          style="--kehu-record-list-header-background: rgb(1, 2, 3)"
        ></kehu-record-list>
        <kehu-filter-builder
          entity="contact"
          .store=${store}
          .value=${{ match: 'all', conditions: [{ field: 'name', op: 'contains', value: 'A' }] }}
        ></kehu-filter-builder>
      </div>`,
    );
    const list = wrapper.querySelector<KehuRecordList>('kehu-record-list')!;
    const builder = wrapper.querySelector('kehu-filter-builder')!;
    await waitUntil(() => list.shadowRoot!.querySelector('[part~="row"]'));
    await (builder as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(background(list, '[part="base"]')).to.equal('rgb(250, 240, 230)');
    expect(background(list, '[part="header"]')).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(list.shadowRoot!.querySelector('[part="count"]')!).color).to.equal('rgb(0, 128, 0)');
    // The filter builder's "clear all" link is drawn in the accent colour the host set for all elements.
    expect(getComputedStyle(builder.shadowRoot!.querySelector('.link')!).color).to.equal('rgb(200, 0, 0)');
  });
});
