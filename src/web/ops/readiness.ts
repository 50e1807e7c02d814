/**
 * @module Whether this server should be sent traffic: `starting` until its database is migrated and its
 * caches are warm, `ready` while it serves, `draining` once it was told to stop (it still finishes what it
 * started). `/readyz` reports it for load balancers; `/healthz` stays the liveness check.
 */

export type ReadyState = 'starting' | 'ready' | 'draining';

export class Readiness {
  #state: ReadyState;

  constructor(state: ReadyState = 'starting') {
    this.#state = state;
  }

  get state(): ReadyState {
    return this.#state;
  }

  /** Marks the server ready; a draining server stays draining. */
  ready(): void {
    if (this.#state === 'starting') this.#state = 'ready';
  }

  drain(): void {
    this.#state = 'draining';
  }
}
