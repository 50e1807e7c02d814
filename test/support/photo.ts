/** @module A photo of our own pixels for media tests: a gradient with some texture, as JPEG. */
import sharp from 'sharp';

/** @example await testPhoto(1200, 800) // → JPEG bytes, 1200×800 */
export async function testPhoto(width = 1200, height = 800): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 5 + ((i / 3 / width) | 0)) & 255;
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toBuffer();
}
