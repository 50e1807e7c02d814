/** @module Who is acting on the editors' side: an account with its role, or the server's command line. */
import type { Actor } from '../accounts/audit.ts';
import { can, type Capability } from '../accounts/permissions.ts';
import { ForbiddenError } from './errors.ts';

export interface Editor extends Actor {
  role: string;
}

/** The command line on the server acts with every capability (whoever runs it owns the database). */
export const CLI_EDITOR: Editor = { id: null, email: 'cli', ip: null, role: 'admin' };

/** The scheduler publishing what is due. */
export const SCHEDULER: Editor = { id: null, email: 'scheduler', ip: null, role: 'admin' };

/** Throws ForbiddenError unless the editor's role has the capability. */
export function requireCan(editor: Editor, capability: Capability): void {
  if (!can(editor.role, capability)) throw new ForbiddenError(`the ${editor.role} role may not ${capability}`);
}
