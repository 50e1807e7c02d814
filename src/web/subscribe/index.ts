/** @module The reader's side of mail: subscribe, confirm, manage, unsubscribe, and the subscribe box for listing pages. */
export { registerSubscribe } from './subscribe-routes.tsx';
export { SubscribeBox, type SubscribeBoxProps } from './subscribe-box.tsx';
