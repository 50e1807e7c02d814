/**
 * @module Who may do what on the editors' side: one role × capability table, checked on the server by
 * every admin route (and walked by a test for every route and every role).
 */

export const ROLES = ['author', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  /** See the article list, an article's edit page, its revisions and the translations view. */
  'article.view',
  /** Create articles and save drafts (authors: not once published). */
  'article.write',
  /** Send a draft to review. */
  'article.submit',
  /** Write, submit and link articles one does not own (authors: only their own and those they are named on). */
  'article.write-any',
  /** Edit an article that is published or scheduled. */
  'article.write-published',
  /** Publish, schedule, unpublish, send back to draft. */
  'article.publish',
  /** Delete an article (a tombstone and the revisions stay). */
  'article.delete',
  /** Edit experts, topics, regions. */
  'taxonomy.edit',
  /** Accept or reject the entities the knowledge layer suggests for an article (every role may see them). */
  'knowledge.review',
  /** Upload a page file to import. */
  'import',
  /** Read the audit log. */
  'audit.view',
  /** Create, disable and reset accounts. */
  'users.manage',
  /** Upload images to the media library and describe them (alt text). */
  'media.upload',
  /** Change the site's settings: names, contact, social links, menus, footer, colours. */
  'settings.edit',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The table. Authors write and submit; editors also publish and curate (knowledge suggestions, media included); admins also run accounts and settings. */
export const PERMISSIONS: Record<Role, readonly Capability[]> = {
  author: ['article.view', 'article.write', 'article.submit'],
  editor: ['article.view', 'article.write', 'article.submit', 'article.write-any', 'article.write-published', 'article.publish', 'article.delete', 'taxonomy.edit', 'knowledge.review', 'import', 'media.upload'],
  admin: CAPABILITIES,
};

/**
 * Whether `role` has `capability`; an unknown role has none.
 *
 * @example can('author', 'article.publish') // → false
 */
export function can(role: string, capability: Capability): boolean {
  return (ROLES as readonly string[]).includes(role) && PERMISSIONS[role as Role].includes(capability);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
