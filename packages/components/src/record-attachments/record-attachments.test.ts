import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStore, type AttachmentLimits, type JsonSchema, type Store } from '@kehu/core';
import './define.js';
import type { KehuRecordAttachments } from './record-attachments.js';

const partSchema: JsonSchema = {
  $id: 'part',
  type: 'object',
  required: ['name'],
  'x-kehu': { label: { 'zh-CN': '配件', en: 'Part' }, titleField: 'name' },
  properties: { name: { type: 'string', maxLength: 100 } },
};

let opened: Store[] = [];
let count = 0;

async function storeWithPart(attachments?: AttachmentLimits): Promise<{ store: Store; id: string }> {
  const store = await createStore({
    entities: [partSchema],
    name: `record-attachments-${Date.now()}-${count++}`,
    attachments,
  });
  opened.push(store);
  const part = await store.entity('part').insert({ name: '刹车片' });
  return { store, id: part.id };
}

afterEach(async () => {
  await Promise.all(opened.map((s) => s.close()));
  opened = [];
});

/** A PNG of the given size, drawn with a label so it is a real, decodable image. */
async function png(name: string, width = 800, height = 600): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#2563eb';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#fff';
  context.fillText(name, 10, 20);
  return new File([await canvas.convertToBlob({ type: 'image/png' })], name, { type: 'image/png' });
}

const pdf = (name = '定损单.pdf', size = 3000) =>
  new File([new Uint8Array(size).fill(37)], name, { type: 'application/pdf' });

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const parts = (el: HTMLElement, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const names = (el: HTMLElement) => parts(el, 'name').map((n) => n.textContent);

function pick(el: KehuRecordAttachments, files: File[]): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  files.forEach((f) => transfer.items.add(f));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function element(
  store: Store,
  id: string | undefined,
  options: { locale?: string; accept?: string; readonly?: boolean } = {},
): Promise<KehuRecordAttachments> {
  const el = await fixture<KehuRecordAttachments>(
    html`<kehu-record-attachments
      entity="part"
      record-id=${id ?? ''}
      locale=${options.locale ?? 'zh-CN'}
      accept=${options.accept ?? ''}
      ?readonly=${options.readonly}
      .store=${store}
    ></kehu-record-attachments>`,
  );
  await waitUntil(() => part(el, 'count')?.textContent || part(el, 'message'), 'the list loaded');
  return el;
}

describe('<kehu-record-attachments>', () => {
  describe('when the user uploads', () => {
    it('stores a picked file, lists its name and size, and fires kehu-attachment-add', async () => {
      const { store, id } = await storeWithPart();
      const el = await element(store, id);
      expect(part(el, 'empty')!.textContent).to.equal('暂无附件');
      const added = oneEvent(el, 'kehu-attachment-add');
      pick(el, [pdf()]);
      const event = await added;
      expect(event.detail.attachment.name).to.equal('定损单.pdf');
      expect(event.detail.recordId).to.equal(id);
      await waitUntil(() => names(el).length === 1);
      expect(names(el)).to.deep.equal(['定损单.pdf']);
      expect(part(el, 'meta')!.textContent).to.match(/^2\.9 KB · \d{4}年/);
      expect(part(el, 'icon')!.textContent).to.equal('PDF');
      expect((await store.attachments.list('part', id)).map((f) => f.size)).to.deep.equal([3000]);
    });

    it('shows a thumbnail made in the browser for an image, stored with it', async () => {
      const { store, id } = await storeWithPart();
      const el = await element(store, id);
      pick(el, [await png('前脸.png', 1600, 1200)]);
      await waitUntil(() => part(el, 'thumbnail'), 'a thumbnail appears', { timeout: 5000 });
      const [file] = await store.attachments.list('part', id);
      await waitUntil(async () => (await store.attachments.list('part', id))[0].thumbnail, 'thumbnail stored');
      const stored = (await store.attachments.list('part', id))[0];
      const thumb = await createImageBitmap(await store.attachments.blob(stored.thumbnail!));
      expect([thumb.width, thumb.height]).to.deep.equal([320, 240]);
      expect(file.size).to.be.greaterThan(0);
      await waitUntil(() => part(el, 'thumbnail')!.getAttribute('src')!.startsWith('blob:'));
      expect(part(el, 'thumbnail')!.getAttribute('alt')).to.equal('');
    });

    it('uploads files dropped on it, highlighting the zone while they are over it', async () => {
      const { store, id } = await storeWithPart();
      const el = await element(store, id, { locale: 'en' });
      const transfer = new DataTransfer();
      transfer.items.add(pdf('a.pdf'));
      transfer.items.add(await png('b.png', 40, 40));
      const base = part(el, 'base')!;
      base.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      await el.updateComplete;
      expect(part(el, 'dragging')).to.equal(base);
      expect(part(el, 'drop-hint')!.textContent).to.equal('Release to upload');
      const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
      base.dispatchEvent(drop);
      expect(drop.defaultPrevented, 'the browser does not open the file').to.equal(true);
      await waitUntil(() => names(el).length === 2, 'both files listed');
      expect(names(el)).to.deep.equal(['a.pdf', 'b.png']);
      expect(part(el, 'dragging')).to.equal(null);
    });

    it('shows progress while a large file is written', async () => {
      const { store, id } = await storeWithPart();
      const el = await element(store, id);
      const seen: number[] = [];
      const observer = new MutationObserver(() => {
        const bar = el.shadowRoot!.querySelector('progress');
        if (bar) seen.push(bar.value / bar.max);
      });
      observer.observe(el.shadowRoot!, { subtree: true, childList: true, attributes: true });
      pick(el, [pdf('大文件.pdf', 3 * 1024 * 1024)]);
      await waitUntil(() => names(el).length === 1, 'stored', { timeout: 10000 });
      observer.disconnect();
      expect(
        seen.some((v) => v > 0 && v < 1),
        `progress seen: ${seen.join(', ')}`,
      ).to.equal(true);
      expect(el.shadowRoot!.querySelector('progress')).to.equal(null);
    });

    it('refuses a file the store does not take, saying why in the element’s language', async () => {
      const { store, id } = await storeWithPart({ maxSize: 1024 });
      const el = await element(store, id);
      pick(el, [new File(['<script>alert(1)</script>'], 'page.html', { type: 'text/html' }), pdf('big.pdf', 5000)]);
      await waitUntil(() => parts(el, 'error')[0]?.querySelectorAll('p').length === 2);
      const [type, size] = [...part(el, 'error')!.querySelectorAll('p')].map((p) => p.textContent!);
      expect(type).to.contain('「page.html」（text/html）不能上传');
      expect(size).to.contain('「big.pdf」大小为 4.9 KB，超过单个文件 1 KB 的上限');
      el.locale = 'en';
      await el.updateComplete;
      expect(part(el, 'error')!.querySelector('p')!.textContent).to.contain(
        '"page.html" (text/html) cannot be attached',
      );
      expect(await store.attachments.list('part', id)).to.deep.equal([]);
      part(el, 'dismiss-button')!.click();
      await el.updateComplete;
      expect(part(el, 'error')!.hidden).to.equal(true);
    });

    it('takes only the types in its accept attribute, ignoring bad entries with a warning', async () => {
      const { store, id } = await storeWithPart();
      const warn = console.warn;
      const warnings: unknown[][] = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const el = await element(store, id, { accept: 'image/*, not a type', locale: 'en' });
        expect(el.shadowRoot!.querySelector('input[type="file"]')!.getAttribute('accept')).to.equal('image/*');
        pick(el, [pdf('scan.pdf')]);
        await waitUntil(() => part(el, 'error')!.textContent!.trim());
        expect(part(el, 'error')!.querySelector('p')!.textContent).to.equal(
          '"scan.pdf" cannot be attached here: only image/* are accepted.',
        );
        expect(String(warnings[0])).to.contain('"not a type"');
      } finally {
        console.warn = warn;
      }
    });
  });

  describe('when the user looks at files', () => {
    it('opens the preview with the keyboard, offers a download under the file’s name, and closes on Escape', async () => {
      const { store, id } = await storeWithPart();
      await store.attachments.add('part', id, await png('车损照片.png', 64, 48));
      const el = await element(store, id);
      await waitUntil(() => names(el).length === 1);
      const open = part(el, 'open-button')!;
      expect(open.getAttribute('aria-label')).to.equal('预览「车损照片.png」');
      open.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = part(el, 'preview') as HTMLDialogElement;
      await waitUntil(() => dialog.open && part(el, 'preview-image'), 'preview shows the image');
      expect(part(el, 'preview-image')!.getAttribute('alt')).to.equal('车损照片.png');
      const link = part(el, 'download-link') as HTMLAnchorElement;
      expect(link.download).to.equal('车损照片.png');
      const bytes = new Uint8Array(await (await fetch(link.href)).arrayBuffer());
      expect(bytes.byteLength).to.equal((await store.attachments.read(parts(el, 'item')[0].dataset.id!)).byteLength);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'closed');
      expect(el.shadowRoot!.activeElement).to.equal(open);
    });

    it('steps through files with the arrow keys; a PDF opens in a frame', async () => {
      const { store, id } = await storeWithPart();
      await store.attachments.add('part', id, pdf('合同.pdf'));
      await store.attachments.add('part', id, new File(['a,b'], '清单.csv', { type: 'text/csv' }));
      const el = await element(store, id, { locale: 'en' });
      await waitUntil(() => names(el).length === 2);
      part(el, 'open-button')!.focus();
      await sendKeys({ press: 'Space' });
      await waitUntil(() => part(el, 'preview-frame'), 'PDF in a frame');
      expect(part(el, 'preview-frame')!.getAttribute('title')).to.equal('合同.pdf');
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => part(el, 'preview-title')!.textContent === '清单.csv');
      await waitUntil(() => part(el, 'preview-message')?.textContent?.includes('download it'));
      expect((part(el, 'download-link') as HTMLAnchorElement).download).to.equal('清单.csv');
    });

    it('downloads from the gallery under the file’s name', async () => {
      const { store, id } = await storeWithPart();
      await store.attachments.add('part', id, pdf('报价单 <b onclick=x>2024.pdf'));
      const el = await element(store, id);
      await waitUntil(() => names(el).length === 1);
      const clicked = new Promise<HTMLAnchorElement>((resolve) =>
        el.shadowRoot!.addEventListener('click', (event) => {
          const target = event.target as HTMLElement;
          if (target.localName !== 'a') return;
          event.preventDefault(); // no real download in the test browser
          resolve(target as HTMLAnchorElement);
        }),
      );
      part(el, 'download-button')!.click();
      const link = await clicked;
      expect(link.download).to.equal('报价单 <b onclick=x>2024.pdf');
      expect(link.href).to.match(/^blob:/);
      expect(el.shadowRoot!.querySelector('b')).to.equal(null);
    });

    it('shows files another element attaches, at once', async () => {
      const { store, id } = await storeWithPart();
      const [a, b] = [await element(store, id), await element(store, id)];
      pick(a, [pdf('共享.pdf')]);
      await waitUntil(() => names(b).length === 1, 'the other element shows it');
      expect(names(b)).to.deep.equal(['共享.pdf']);
    });

    it('offers neither upload nor delete when readonly', async () => {
      const { store, id } = await storeWithPart();
      await store.attachments.add('part', id, pdf());
      const el = await element(store, id, { readonly: true });
      await waitUntil(() => names(el).length === 1);
      expect(part(el, 'upload-button')).to.equal(null);
      expect(part(el, 'delete-button')).to.equal(null);
      expect(part(el, 'download-button')).to.not.equal(null);
    });

    it('asks to save the record first when it has no record id, and names a bad entity', async () => {
      const { store } = await storeWithPart();
      const el = await element(store, undefined, { locale: 'en' });
      expect(part(el, 'message')!.textContent).to.equal('Save the record first, then attach files.');
      el.entity = 'prt';
      el.recordId = 'x';
      await el.updateComplete;
      expect(part(el, 'message')!.textContent).to.contain('Unknown entity "prt"');
    });

    it('works the same with properties set before it is connected', async () => {
      const { store, id } = await storeWithPart();
      await store.attachments.add('part', id, pdf('早.pdf'));
      const el = document.createElement('kehu-record-attachments');
      Object.assign(el, { store, entity: 'part', recordId: id, locale: 'en' });
      document.body.append(el);
      try {
        await waitUntil(() => names(el).length === 1);
        expect(names(el)).to.deep.equal(['早.pdf']);
      } finally {
        el.remove();
      }
    });
  });

  describe('when the user deletes', () => {
    it('asks first (Cancel focused), deletes on confirm, fires kehu-attachment-remove and keeps focus in the gallery', async () => {
      const { store, id } = await storeWithPart();
      await store.attachments.add('part', id, pdf('一.pdf'));
      await store.attachments.add('part', id, pdf('二.pdf'));
      const el = await element(store, id);
      await waitUntil(() => names(el).length === 2);
      part(el, 'delete-button')!.focus();
      await sendKeys({ press: 'Enter' });
      const dialog = part(el, 'confirm') as HTMLDialogElement;
      await waitUntil(() => dialog.open);
      expect(dialog.textContent).to.contain('删除附件「一.pdf」？删除后无法恢复。');
      expect(el.shadowRoot!.activeElement).to.equal(part(el, 'cancel-button'));
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open);
      expect(names(el)).to.deep.equal(['一.pdf', '二.pdf']);
      part(el, 'delete-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => dialog.open);
      const removed = oneEvent(el, 'kehu-attachment-remove');
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      await sendKeys({ press: 'Enter' });
      expect((await removed).detail.attachment.name).to.equal('一.pdf');
      await waitUntil(() => names(el).length === 1);
      expect(names(el)).to.deep.equal(['二.pdf']);
      await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'open-button'), 'focus on the next file');
      expect((await store.attachments.list('part', id)).map((f) => f.name)).to.deep.equal(['二.pdf']);
    });
  });

  it('revokes its blob URLs when removed from the page', async () => {
    const { store, id } = await storeWithPart();
    await store.attachments.add('part', id, await png('a.png', 20, 20));
    const el = await element(store, id);
    await waitUntil(() => part(el, 'thumbnail'));
    const url = part(el, 'thumbnail')!.getAttribute('src')!;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const still = await fetch(url).then(
      () => true,
      () => false,
    );
    expect(still, 'the blob URL no longer resolves').to.equal(false);
  });

  for (const locale of ['zh-CN', 'en']) {
    it(`is accessible in ${locale}, with files and with the preview open`, async () => {
      const { store, id } = await storeWithPart();
      await store.attachments.add('part', id, await png('<img src=x onerror=alert(1)>.png', 30, 30));
      await store.attachments.add('part', id, pdf('合同.pdf'));
      const el = await element(store, id, { locale });
      await waitUntil(() => names(el).length === 2 && part(el, 'thumbnail'));
      expect(names(el)[0]).to.equal('<img src=x onerror=alert(1)>.png');
      expect(el.shadowRoot!.querySelector('[part~="gallery"] img:not([part])')).to.equal(null);
      await expect(el).to.be.accessible();
      part(el, 'open-button')!.click();
      await waitUntil(() => part(el, 'preview-image'));
      await expect(el).to.be.accessible();
    });
  }
});
