/** @module Media: images stored once by content hash, cleaned, and served as responsive variants. */
export { addImage, getMedia, listMedia, mediaVariant, mediaSrc, mediaHashOf, variantWidths, VARIANT_WIDTHS, VARIANT_FORMATS, VARIANT_TYPES, VARIANT_EXT, type MediaInfo } from './media-store.ts';
export { MediaError, MAX_MEDIA_BYTES, MAX_PIXELS, cleanImage, svgToPng, type VariantFormat } from './image-codec.ts';
export { resolveLocalMedia } from './resolve-local-media.ts';
export { sizeBodyImages } from './body-images.ts';
export { uploadImage, describeImage, mediaLibrary, libraryImage, mediaAlts, offerAlt, setExpertPhoto, expertPhotos, photosBySlug, MAX_ALT, type LibraryImage, type ExpertPhoto } from './media-library.ts';
