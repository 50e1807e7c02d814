/** @module Social cards rendered for pages that have no image of their own. */
export { renderCard, cardKey, CARD_WIDTH, CARD_HEIGHT, type CardInput } from './render-card.ts';
