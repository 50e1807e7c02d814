/** @module Media: images stored once by content hash, cleaned, and served as responsive variants. */
export { addImage, addAttachment, attachmentFile, attachmentSrc, getMedia, listMedia, mediaVariant, mediaSrc, mediaHashOf, variantWidths, VARIANT_WIDTHS, VARIANT_FORMATS, VARIANT_TYPES, VARIANT_EXT, type MediaInfo } from './media-store.ts';
export { MediaError, MAX_MEDIA_BYTES, MAX_PIXELS, cleanImage, svgToPng, type VariantFormat } from './image-codec.ts';
export { pdfText, looksLikePdf, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_TEXT, type PdfText } from './pdf-text.ts';
export { resolveLocalMedia, resolveAuthorPhotos } from './resolve-local-media.ts';
export { uploadImage, describeImage, mediaLibrary, libraryImage, mediaAlts, offerAlt, setExpertPhoto, expertPhotos, photosBySlug, importExpertPhoto, MAX_ALT, type LibraryImage, type ExpertPhoto } from './media-library.ts';
export { attachFile, detachFile } from './attach-file.ts';
export { sizeBodyImages } from './body-images.ts';
