/** Session (who runs the script, in which zone) and the User objects it hands out. */
import { counted, describeTarget } from './call-log.ts';
import type { FakeEnv } from './env.ts';

export interface SessionModel {
  /**
   * The user at the keyboard. Apps Script answers '' when it may not tell (a consumer
   * account running someone else's trigger), so code must cope with ''.
   */
  activeUserEmail: string;
  /** Whose authority the script runs with (the trigger's owner in a trigger). */
  effectiveUserEmail: string;
  /** The manifest's `timeZone`. */
  scriptTimeZone: string;
  /** e.g. `en`, `it`. */
  activeUserLocale: string;
}

export class FakeUser implements Partial<GoogleAppsScript.Base.User> {
  constructor(
    env: FakeEnv,
    private readonly email: string,
  ) {
    return counted(this, 'User', env.calls);
  }

  [describeTarget](): string {
    return this.email;
  }

  getEmail(): string {
    return this.email;
  }
}

export class FakeSession implements Partial<GoogleAppsScript.Base.Session> {
  constructor(
    private readonly env: FakeEnv,
    readonly model: SessionModel,
  ) {
    return counted(this, 'Session', env.calls);
  }

  getActiveUser(): GoogleAppsScript.Base.User {
    return new FakeUser(this.env, this.model.activeUserEmail) as unknown as GoogleAppsScript.Base.User;
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return new FakeUser(this.env, this.model.effectiveUserEmail) as unknown as GoogleAppsScript.Base.User;
  }
  getScriptTimeZone(): string {
    return this.model.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this.model.activeUserLocale;
  }
  /** Stable per user and script, opaque, as in Apps Script. */
  getTemporaryActiveUserKey(): string {
    return `fake-user-key-${this.model.activeUserEmail.length}`;
  }
}
