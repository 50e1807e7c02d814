/** @module The development entry of our JSX runtime (`jsx: react-jsxdev`): the same rendering as jsx-runtime.ts. */
export { jsx as jsxDEV, Fragment, type JSX } from './jsx-runtime.ts';
