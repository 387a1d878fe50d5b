import type { Store } from '@kehu/core';

/** How many products get a drawn photo on first use, in the list's default order. */
const PICTURED = 12;

/** A stable hue per category, so all tyres look alike and unlike the oils. */
function hue(text: string): number {
  let h = 0;
  for (const char of text) h = (h * 31 + char.codePointAt(0)!) % 360;
  return h;
}

/** Splits a label into lines of at most `max` characters (Chinese has no spaces to wrap at). */
function lines(text: string, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += max) out.push(text.slice(i, i + max));
  return out.slice(0, 3);
}

/** A product "photo": a canvas-drawn JPEG (a tenth of the PNG's size for gradients) with the product's name, specification and code. */
export async function drawProductImage(product: Record<string, unknown>): Promise<File> {
  const canvas = new OffscreenCanvas(640, 480);
  const context = canvas.getContext('2d')!;
  const base = hue(String(product.category ?? product.name));
  const gradient = context.createLinearGradient(0, 0, 640, 480);
  gradient.addColorStop(0, `hsl(${base} 65% 52%)`);
  gradient.addColorStop(1, `hsl(${(base + 35) % 360} 60% 28%)`);
  context.fillStyle = gradient;
  context.fillRect(0, 0, 640, 480);
  context.fillStyle = 'rgb(255 255 255 / 18%)';
  context.beginPath();
  context.arc(520, 110, 150, 0, Math.PI * 2);
  context.fill();
  context.fillStyle = '#fff';
  context.font = 'bold 44px system-ui, "Noto Sans CJK SC", sans-serif';
  lines(String(product.name ?? ''), 12).forEach((line, i) => context.fillText(line, 40, 200 + i * 56));
  context.font = '28px system-ui, "Noto Sans CJK SC", sans-serif';
  context.fillText(String(product.specification ?? ''), 40, 390);
  context.fillText(String(product.code ?? ''), 40, 440);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
  return new File([blob], `${String(product.code ?? product.id)}.jpg`, { type: 'image/jpeg' });
}

/**
 * Gives the first products of the catalogue a picture, once: when none of them has a file yet
 * (a fresh demo database). Drawn in the browser, so the seed stays plain JSON.
 */
export async function pictureProductsOnce(store: Store): Promise<void> {
  if (!store.has('product')) return;
  const products = await store.entity<Record<string, unknown>>('product').find({ limit: PICTURED });
  const counts = await Promise.all(products.map((p) => store.attachments.list('product', p.id)));
  if (counts.some((files) => files.length)) return;
  for (const product of products)
    await store.attachments.add('product', product.id, await drawProductImage(product), { field: 'images' });
}
