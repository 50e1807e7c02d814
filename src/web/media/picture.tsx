/**
 * @module An image as pages show it: `<picture>` with AVIF and WebP sources and a JPEG fallback, each at
 * the widths the media offers (`srcset`), width and height set so nothing moves when it arrives, lazy
 * unless it is the page's first screen. Outside images (http addresses) are shown as they are.
 */
import { mediaHashOf, variantWidths, VARIANT_EXT, type VariantFormat } from '../../app/index.ts';

export interface PictureProps {
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
  /** The `sizes` attribute: how wide the image is shown. */
  sizes: string;
  /** The first screen's image: loaded at once, with high priority. */
  eager?: boolean;
  class?: string;
  /** A class for the `<img>` itself (a round photo, say). */
  imgClass?: string;
}

/** `srcset` of one format: `/media/<hash>/480.avif 480w, …`. */
export function srcsetOf(hash: string, width: number, format: VariantFormat): string {
  return variantWidths(width)
    .map((w) => `/media/${hash}/${w}.${VARIANT_EXT[format]} ${w}w`)
    .join(', ');
}

/**
 * The address of one variant of a media image, for feeds and cards: its JPEG nearest `want` pixels wide.
 *
 * @example variantSrc('/media/ab…', 2400, 960) // → '/media/ab…/960.jpg'
 */
export function variantSrc(src: string, width: number | null, want = 960): string {
  const hash = mediaHashOf(src);
  if (!hash || !width) return src;
  const ws = variantWidths(width);
  const w = ws.find((x) => x >= want) ?? ws[ws.length - 1];
  return `/media/${hash}/${w}.jpg`;
}

/** @example <Picture src="/media/ab…" alt="…" width={1600} height={900} sizes="(min-width: 60rem) 44rem, 100vw" eager /> */
export function Picture(props: PictureProps) {
  const hash = mediaHashOf(props.src);
  const loading = props.eager ? undefined : 'lazy';
  const fetchpriority = props.eager ? 'high' : undefined;
  if (!hash || !props.width || !props.height) {
    return <img class={props.imgClass ?? props.class} src={props.src} alt={props.alt} width={props.width ?? undefined} height={props.height ?? undefined} loading={loading} decoding="async" />;
  }
  const ws = variantWidths(props.width);
  const top = ws[ws.length - 1];
  const height = Math.round((props.height * top) / props.width);
  return (
    <picture class={props.class}>
      <source type="image/avif" srcset={srcsetOf(hash, props.width, 'avif')} sizes={props.sizes} />
      <source type="image/webp" srcset={srcsetOf(hash, props.width, 'webp')} sizes={props.sizes} />
      <img class={props.imgClass} src={`/media/${hash}/${top}.jpg`} srcset={srcsetOf(hash, props.width, 'jpeg')} sizes={props.sizes} width={top} height={height} alt={props.alt} loading={loading} fetchpriority={fetchpriority} decoding="async" />
    </picture>
  );
}

/**
 * An expert's photo: responsive like every image, its alt text the expert's name.
 *
 * @example <ExpertPhotoImage photo={{ src: '/media/ab…', width: 800, height: 800 }} name="سابينا هينبرج" sizes="7rem" />
 */
export function ExpertPhotoImage(props: { photo: { src: string; width: number; height: number }; name: string; sizes: string; class?: string; eager?: boolean }) {
  return <Picture src={props.photo.src} alt={props.name} width={props.photo.width} height={props.photo.height} sizes={props.sizes} imgClass={props.class ?? 'expert-photo'} class="expert-picture" eager={props.eager} />;
}
