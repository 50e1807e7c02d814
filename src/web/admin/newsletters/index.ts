/** @module The editors' side of mail: newsletter issues and the subscriber list, as admin route entries. */
export { NEWSLETTER_ROUTES } from './newsletter-routes.tsx';
