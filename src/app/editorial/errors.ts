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

/** A workflow step that does not exist (HTTP 400: a wrong request, not a conflict with the article's state). */
export class UnknownStepError extends MizanError {
  /** The step asked for, for messages that repeat it. */
  readonly names: string[];
  constructor(step: string, steps: readonly string[]) {
    super('unknown-step', `unknown step ${step.slice(0, 40)}: the steps are ${steps.join(', ')}`, { status: 400 });
    this.name = 'UnknownStepError';
    this.names = [step.slice(0, 40)];
  }
}
