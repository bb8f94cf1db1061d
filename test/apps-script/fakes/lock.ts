/**
 * LockService. One LockModel per scope (document, script, user) stands for every
 * execution: `self` is the execution under test, `other` a concurrent one a test
 * simulates with `holdElsewhere()` (the daily trigger running while the user clicks
 * Recompute, say).
 */
import { counted, describeTarget } from './call-log.ts';
import type { FakeEnv } from './env.ts';
import { appsScriptError, requireAuth, requireInteger } from './env.ts';

export type LockScope = 'document' | 'script' | 'user';

export class LockModel {
  holder: 'none' | 'self' | 'other' = 'none';
  /** Attempts made while another execution held the lock. */
  blockedAttempts = 0;
  /** Times this execution acquired the lock. */
  acquisitions = 0;
  private releaseAfter: number | undefined;

  constructor(readonly scope: LockScope) {}

  /**
   * Another execution takes the lock. With `releaseAfterAttempts: n` it lets go once this
   * execution has tried n times, to test retry paths; otherwise it holds on until
   * `releaseElsewhere()`.
   */
  holdElsewhere(options: { releaseAfterAttempts?: number } = {}): this {
    if (this.holder === 'self') throw new Error(`the ${this.scope} lock is held by the execution under test`);
    this.holder = 'other';
    this.releaseAfter = options.releaseAfterAttempts;
    return this;
  }

  releaseElsewhere(): void {
    if (this.holder === 'other') this.holder = 'none';
    this.releaseAfter = undefined;
  }

  /** One attempt by the execution under test; true when it now holds the lock. */
  attempt(): boolean {
    if (this.holder === 'other') {
      this.blockedAttempts += 1;
      if (this.releaseAfter === undefined || this.blockedAttempts < this.releaseAfter) return false;
      this.releaseElsewhere();
    }
    if (this.holder === 'none') this.acquisitions += 1;
    this.holder = 'self';
    return true;
  }
}

export class FakeLock implements Partial<GoogleAppsScript.Lock.Lock> {
  constructor(
    private readonly env: FakeEnv,
    readonly model: LockModel,
  ) {
    return counted(this, 'Lock', env.calls);
  }

  [describeTarget](): string {
    return this.model.scope;
  }

  /** Waits (on the fake clock) up to the timeout; false if another execution still holds it. */
  tryLock(timeoutInMillis: number): boolean {
    requireInteger(this.env, timeoutInMillis);
    const got = this.model.attempt();
    if (!got) this.env.clock.advance(timeoutInMillis);
    return got;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw appsScriptError(this.env, 'Lock timeout: another process was holding the lock for too long.');
    }
  }

  releaseLock(): void {
    if (this.model.holder === 'self') this.model.holder = 'none';
  }

  hasLock(): boolean {
    return this.model.holder === 'self';
  }
}

export class FakeLockService implements Partial<GoogleAppsScript.Lock.LockService> {
  constructor(
    private readonly env: FakeEnv,
    readonly locks: Readonly<Record<LockScope, LockModel>>,
  ) {
    return counted(this, 'LockService', env.calls);
  }

  /** null where there is no active document (an add-on's time-driven trigger), as documented. */
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    requireAuth(this.env, 'LockService.getDocumentLock');
    if (!this.env.activeDocument) return null as unknown as GoogleAppsScript.Lock.Lock;
    return new FakeLock(this.env, this.locks.document) as unknown as GoogleAppsScript.Lock.Lock;
  }
  getScriptLock(): GoogleAppsScript.Lock.Lock {
    requireAuth(this.env, 'LockService.getScriptLock');
    return new FakeLock(this.env, this.locks.script) as unknown as GoogleAppsScript.Lock.Lock;
  }
  getUserLock(): GoogleAppsScript.Lock.Lock {
    requireAuth(this.env, 'LockService.getUserLock');
    return new FakeLock(this.env, this.locks.user) as unknown as GoogleAppsScript.Lock.Lock;
  }
}
