/** @module The editors' side of the site's settings: identity, contact, social links, colours and menus. */
export { SETTINGS_ROUTES } from './settings-routes.tsx';
