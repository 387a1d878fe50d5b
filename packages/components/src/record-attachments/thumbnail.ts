/** Longest side of a stored thumbnail, in CSS pixels × 2 for sharp gallery tiles on HiDPI screens. */
export const THUMBNAIL_SIZE = 320;

/**
 * A small WebP (PNG where WebP encoding is missing) of an image, decoded off the DOM with
 * `createImageBitmap`; undefined when the browser cannot decode it (HEIC, broken files), in which
 * case the gallery shows an icon instead.
 */
export async function createThumbnail(image: Blob): Promise<Blob | undefined> {
  if (typeof createImageBitmap !== 'function') return undefined;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image);
  } catch {
    return undefined;
  }
  try {
    const scale = Math.min(1, THUMBNAIL_SIZE / Math.max(bitmap.width, bitmap.height, 1));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) return undefined;
    context.drawImage(bitmap, 0, 0, width, height);
    const webp = await canvas.convertToBlob({ type: 'image/webp', quality: 0.8 });
    return webp.type === 'image/webp' ? webp : await canvas.convertToBlob({ type: 'image/png' });
  } catch {
    return undefined;
  } finally {
    bitmap.close();
  }
}
