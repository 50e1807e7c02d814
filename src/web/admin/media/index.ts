/** @module The editors' side of media: the image library, uploads with alt text, lead images and expert photos. */
export { MEDIA_ROUTES } from './media-routes.tsx';
export { LeadImageField } from './lead-image-field.tsx';
export { mt } from './media-i18n.ts';
export { AttachmentsPanel } from './attachments-panel.tsx';
