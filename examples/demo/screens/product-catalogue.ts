import type { Locale } from '@kehu/core';
import type { DemoScreen, ScreenContext } from './types.js';
import { pictureProductsOnce } from './product-images.js';
import { adoptCrmStyles } from './crm-styles.js';

const text = {
  products: { 'zh-CN': '产品', en: 'Products' },
  details: { 'zh-CN': '产品信息', en: 'Product' },
  images: { 'zh-CN': '图片与资料', en: 'Images and documents' },
  choose: { 'zh-CN': '在左侧列表中选择一个产品。', en: 'Choose a product in the list.' },
} satisfies Record<string, Record<Locale, string>>;

/** Builds the screen's elements once; later renders only update them. */
function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <div class="crm-split">
      <section class="crm-panel" aria-labelledby="catalogue-products">
        <h1 id="catalogue-products"></h1>
        <kehu-record-list entity="product" columns="code name specification category directPrice"></kehu-record-list>
      </section>
      <div class="crm-stack">
        <section class="crm-panel" aria-labelledby="catalogue-images">
          <h2 id="catalogue-images"></h2>
          <kehu-record-attachments entity="product" field="images"></kehu-record-attachments>
        </section>
        <section class="crm-panel" aria-labelledby="catalogue-details">
          <h2 id="catalogue-details"></h2>
          <p id="catalogue-choose"></p>
          <kehu-record-form entity="product"></kehu-record-form>
        </section>
      </div>
    </div>`;
  host
    .querySelector('kehu-record-list')!
    .addEventListener('kehu-record-activate', (event) =>
      context.navigate(`screen/product-catalogue/${encodeURIComponent(event.detail.id)}`),
    );
  // Draws the demo's product photos on first use; the gallery shows them as they arrive.
  pictureProductsOnce(context.store).catch((error: unknown) => console.warn('product images', error));
}

/** 产品目录: the product list, and the chosen product's photos, documents and form side by side. */
export const productCatalogue: DemoScreen = {
  id: 'product-catalogue',
  label: { 'zh-CN': '产品目录', en: 'Product catalogue' },
  render(host, context) {
    if (!host.querySelector('kehu-record-attachments')) build(host, context);
    const { locale, params, store } = context;
    const id = params[0] || undefined;
    host.querySelector('#catalogue-products')!.textContent = text.products[locale];
    host.querySelector('#catalogue-images')!.textContent = text.images[locale];
    host.querySelector('#catalogue-details')!.textContent = text.details[locale];
    const choose = host.querySelector<HTMLElement>('#catalogue-choose')!;
    choose.textContent = text.choose[locale];
    choose.hidden = !!id;
    const attachments = host.querySelector('kehu-record-attachments')!;
    const form = host.querySelector('kehu-record-form')!;
    attachments.store = store;
    attachments.recordId = id;
    attachments.hidden = !id;
    form.recordId = id;
    form.hidden = !id;
  },
};
