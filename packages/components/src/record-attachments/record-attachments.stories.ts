import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { createStore, type JsonSchema, type Store } from '@kehu/core';
import productSchema from '../../../../schemas/product.schema.json';
import priceTierSchema from '../../../../schemas/price-tier.schema.json';
import '../store-provider/define.js';
import './define.js';
import type { AttachmentAddEvent, AttachmentRemoveEvent } from './attachment-events.js';

/** A product photo drawn on a canvas, so stories need no image files. */
async function photo(label: string, hue: number): Promise<File> {
  const canvas = new OffscreenCanvas(960, 720);
  const context = canvas.getContext('2d')!;
  const gradient = context.createLinearGradient(0, 0, 960, 720);
  gradient.addColorStop(0, `hsl(${hue} 70% 55%)`);
  gradient.addColorStop(1, `hsl(${hue + 40} 70% 30%)`);
  context.fillStyle = gradient;
  context.fillRect(0, 0, 960, 720);
  context.fillStyle = '#fff';
  context.font = 'bold 72px system-ui, sans-serif';
  context.textAlign = 'center';
  context.fillText(label, 480, 380);
  return new File([await canvas.convertToBlob({ type: 'image/png' })], `${label}.png`, { type: 'image/png' });
}

interface Args {
  locale: 'zh-CN' | 'en';
  readonly: boolean;
  accept: string;
  files: 'none' | 'some';
}

/** A store in memory with one product and, for `some`, two photos, a PDF and a spreadsheet. */
async function storyStore(files: Args['files']): Promise<{ store: Store; id: string }> {
  const store = await createStore({
    entities: [productSchema, priceTierSchema] as JsonSchema[],
    storage: getRxStorageMemory(),
    name: `story-attachments-${Math.random().toString(36).slice(2)}`,
  });
  const product = await store.entity('product').insert({ name: '米其林 浩悦4 轮胎', unit: 'each' });
  if (files === 'some') {
    const add = (file: File) => store.attachments.add('product', product.id, file);
    await add(await photo('浩悦4 正面', 210));
    await add(await photo('浩悦4 胎纹', 20));
    await add(new File([new Uint8Array(48_000).fill(32)], '产品说明书.pdf', { type: 'application/pdf' }));
    await add(new File(['规格,价格\n205/55R16,560'], '价格表.csv', { type: 'text/csv' }));
  }
  return { store, id: product.id };
}

const meta: Meta<Args> = {
  title: 'Elements/kehu-record-attachments',
  component: 'kehu-record-attachments',
  args: { locale: 'zh-CN', readonly: false, accept: '', files: 'some' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    files: { control: false, description: 'Files in the store (set per story)' },
  },
  loaders: [async ({ args }) => storyStore((args as Args).files)],
  render: (args, { loaded }) => html`
    <kehu-store-provider .store=${loaded.store as Store}>
      <kehu-record-attachments
        entity="product"
        record-id=${loaded.id as string}
        locale=${args.locale}
        accept=${args.accept}
        ?readonly=${args.readonly}
        style="font-family: system-ui, sans-serif; max-width: 48rem;"
        @kehu-attachment-add=${(e: AttachmentAddEvent) => console.info('kehu-attachment-add', e.detail)}
        @kehu-attachment-remove=${(e: AttachmentRemoveEvent) => console.info('kehu-attachment-remove', e.detail)}
      ></kehu-record-attachments>
    </kehu-store-provider>
  `,
};

export default meta;
type Story = StoryObj<Args>;

/** A product's photos, manual and price list: upload by button or drop, open, download, delete. */
export const Chinese: Story = {};

/** The same in English. */
export const English: Story = { args: { locale: 'en' } };

/** A record without files yet. */
export const Empty: Story = { args: { files: 'none' } };

/** Shown to users who may look but not change: no upload, no delete. */
export const Readonly: Story = { args: { readonly: true, locale: 'en' } };

/** Only images may be added here (try dropping a PDF to see the refusal). */
export const ImagesOnly: Story = { args: { accept: 'image/*' } };
