/**
 * CacheService on the fake clock: entries expire after their lifetime (default 600 s,
 * at most 21600 s, as documented for Apps Script), and values over 100 KB are refused.
 */
import { counted, describeTarget } from './call-log.ts';
import type { FakeEnv } from './env.ts';
import { appsScriptError, requireAuth } from './env.ts';

export type CacheScope = 'document' | 'user' | 'script';

const DEFAULT_SECONDS = 600;
const MAX_SECONDS = 21_600;
const MAX_KEY_CHARS = 250;
const MAX_VALUE_BYTES = 100 * 1024;

export class CacheModel {
  readonly entries = new Map<string, { value: string; expiresAt: number }>();

  constructor(readonly scope: CacheScope) {}
}

type Cache = GoogleAppsScript.Cache.Cache;

export class FakeCache implements Partial<Cache> {
  constructor(
    private readonly env: FakeEnv,
    readonly model: CacheModel,
  ) {
    return counted(this, 'Cache', env.calls);
  }

  [describeTarget](): string {
    return this.model.scope;
  }

  private read(key: string): string | null {
    const entry = this.model.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= this.env.clock.now()) {
      this.model.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  private write(key: string, value: unknown, seconds: number): void {
    if (key.length > MAX_KEY_CHARS) throw appsScriptError(this.env, `Argument too large: key`);
    const text = String(value);
    if (Buffer.byteLength(text, 'utf8') > MAX_VALUE_BYTES)
      throw appsScriptError(this.env, 'Argument too large: value');
    const lifetime = Math.min(Math.max(seconds, 1), MAX_SECONDS);
    this.model.entries.set(key, { value: text, expiresAt: this.env.clock.now() + lifetime * 1000 });
  }

  get(key: string): string | null {
    return this.read(key);
  }
  getAll(keys: string[]): { [key: string]: string } {
    const out: { [key: string]: string } = {};
    for (const key of keys) {
      const value = this.read(key);
      if (value !== null) out[key] = value;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds = DEFAULT_SECONDS): void {
    this.write(key, value, expirationInSeconds);
  }
  putAll(values: { [key: string]: unknown }, expirationInSeconds = DEFAULT_SECONDS): void {
    for (const [key, value] of Object.entries(values)) this.write(key, value, expirationInSeconds);
  }
  remove(key: string): void {
    this.model.entries.delete(key);
  }
  removeAll(keys: string[]): void {
    for (const key of keys) this.model.entries.delete(key);
  }
}

export class FakeCacheService implements Partial<GoogleAppsScript.Cache.CacheService> {
  constructor(
    private readonly env: FakeEnv,
    readonly caches: Readonly<Record<CacheScope, CacheModel>>,
  ) {
    return counted(this, 'CacheService', env.calls);
  }

  getDocumentCache(): Cache | null {
    requireAuth(this.env, 'CacheService.getDocumentCache');
    return new FakeCache(this.env, this.caches.document) as unknown as Cache;
  }
  getUserCache(): Cache {
    requireAuth(this.env, 'CacheService.getUserCache');
    return new FakeCache(this.env, this.caches.user) as unknown as Cache;
  }
  getScriptCache(): Cache {
    requireAuth(this.env, 'CacheService.getScriptCache');
    return new FakeCache(this.env, this.caches.script) as unknown as Cache;
  }
}
