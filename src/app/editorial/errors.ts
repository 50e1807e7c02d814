/** @module The editors' side's own errors: a refused permission, a lost race, a wrong state. */
import { MizanError } from '../../lib/index.ts';

/** The account's role lacks the capability (HTTP 403). */
export class ForbiddenError extends MizanError {
  constructor(message: string) {
    super('forbidden', message, { status: 403 });
    this.name = 'ForbiddenError';
  }
}

/** Someone saved the article since this editor opened it (HTTP 409); carries the version now stored. */
export class ConflictError extends MizanError {
  readonly currentVersion: number;
  constructor(message: string, currentVersion: number) {
    super('conflict', message, { status: 409 });
    this.name = 'ConflictError';
    this.currentVersion = currentVersion;
  }
}

/** The workflow does not allow this step from the article's state (HTTP 409). */
export class StateError extends MizanError {
  constructor(message: string) {
    super('wrong-state', message, { status: 409 });
    this.name = 'StateError';
  }
}
