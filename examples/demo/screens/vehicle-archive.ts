import type { Locale } from '@kehu/core';
import type { DemoScreen, ScreenContext } from './types.js';
import { adoptCrmStyles } from './crm-styles.js';

const text = {
  vehicles: { 'zh-CN': '车辆档案', en: 'Vehicle archive' },
  details: { 'zh-CN': '车辆信息', en: 'Vehicle' },
  photos: { 'zh-CN': '车辆照片与定损资料', en: 'Photos and loss assessments' },
  owner: { 'zh-CN': '查看车主 360° 视图', en: 'Open the owner’s 360° view' },
  choose: { 'zh-CN': '在左侧列表中选择一辆车。', en: 'Choose a vehicle in the list.' },
} satisfies Record<string, Record<Locale, string>>;

function build(host: HTMLElement, context: ScreenContext): void {
  adoptCrmStyles();
  host.innerHTML = `
    <div class="crm-split">
      <section class="crm-panel" aria-labelledby="vehicles-title">
        <h1 id="vehicles-title"></h1>
        <kehu-record-list entity="vehicle" selectable editable class="crm-list-vehicles"></kehu-record-list>
      </section>
      <div class="crm-stack">
        <section class="crm-panel" aria-labelledby="vehicle-details">
          <h2 id="vehicle-details"></h2>
          <p id="vehicle-choose"></p>
          <p><a id="vehicle-owner" hidden></a></p>
          <kehu-record-form entity="vehicle"></kehu-record-form>
        </section>
        <section class="crm-panel" aria-labelledby="vehicle-photos">
          <h2 id="vehicle-photos"></h2>
          <kehu-record-attachments entity="vehicle" field="photos"></kehu-record-attachments>
        </section>
      </div>
    </div>`;
  host
    .querySelector('kehu-record-list')!
    .addEventListener('kehu-record-activate', (event) =>
      context.navigate(`screen/vehicle-archive/${encodeURIComponent(event.detail.id)}`),
    );
}

/** 车辆档案: every vehicle with filters, saved views and bulk changes; the chosen one's form, owner and photos. */
export const vehicleArchive: DemoScreen = {
  id: 'vehicle-archive',
  label: { 'zh-CN': '车辆管理', en: 'Vehicle desk' },
  render(host, context) {
    if (!host.querySelector('kehu-record-list')) build(host, context);
    const { locale, params, store } = context;
    const id = params[0] || undefined;
    host.querySelector('#vehicles-title')!.textContent = text.vehicles[locale];
    host.querySelector('#vehicle-details')!.textContent = text.details[locale];
    host.querySelector('#vehicle-photos')!.textContent = text.photos[locale];
    const choose = host.querySelector<HTMLElement>('#vehicle-choose')!;
    choose.textContent = text.choose[locale];
    choose.hidden = !!id;
    const form = host.querySelector('kehu-record-form')!;
    form.recordId = id;
    form.hidden = !id;
    const attachments = host.querySelector('kehu-record-attachments')!;
    attachments.store = store;
    attachments.recordId = id;
    attachments.closest('section')!.hidden = !id;
    const owner = host.querySelector<HTMLAnchorElement>('#vehicle-owner')!;
    owner.hidden = true;
    if (id) {
      void store
        .entity('vehicle')
        .get(id)
        .then((vehicle) => {
          if (!vehicle?.owner || form.recordId !== id) return;
          owner.href = `#screen/customer-360/${encodeURIComponent(String(vehicle.owner))}`;
          owner.textContent = text.owner[locale];
          owner.hidden = false;
        });
    }
  },
};
