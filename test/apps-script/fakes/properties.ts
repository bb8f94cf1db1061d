/**
 * PropertiesService, with Apps Script's size limits enforced so a handler that caches too
 * much in properties fails in tests rather than for the user: "Properties value size:
 * 9 KB / val" and "Properties total storage: 500 KB / property store"
 * (https://developers.google.com/apps-script/guides/services/quotas, "Current limitations").
 */
import { counted, describeTarget } from './call-log.ts';
import type { FakeEnv } from './env.ts';
import { appsScriptError, requireAuth } from './env.ts';

export type PropertyScope = 'document' | 'user' | 'script';

const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export class PropertiesModel {
  readonly values = new Map<string, string>();

  constructor(
    readonly scope: PropertyScope,
    initial: Readonly<Record<string, string>> = {},
  ) {
    for (const [k, v] of Object.entries(initial)) this.values.set(k, v);
  }

  /** Plain object copy, for assertions. */
  snapshot(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
}

type Properties = GoogleAppsScript.Properties.Properties;

export class FakeProperties implements Partial<Properties> {
  constructor(
    private readonly env: FakeEnv,
    readonly model: PropertiesModel,
  ) {
    return counted(this, 'Properties', env.calls);
  }

  [describeTarget](): string {
    return this.model.scope;
  }

  private real(): Properties {
    return this as unknown as Properties;
  }

  private put(entries: [string, unknown][], deleteAllOthers: boolean): void {
    const next = new Map(deleteAllOthers ? [] : this.model.values);
    for (const [key, value] of entries) {
      // Apps Script stores String(value): numbers and booleans come back as text.
      const text = String(value);
      if (bytes(text) > MAX_VALUE_BYTES) throw appsScriptError(this.env, 'Argument too large: value');
      next.set(String(key), text);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > MAX_STORE_BYTES) {
      throw appsScriptError(
        this.env,
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.model.values.clear();
    for (const [k, v] of next) this.model.values.set(k, v);
  }

  getProperty(key: string): string | null {
    return this.model.values.get(key) ?? null;
  }
  setProperty(key: string, value: string): Properties {
    this.put([[key, value]], false);
    return this.real();
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    this.put(Object.entries(properties), deleteAllOthers);
    return this.real();
  }
  getProperties(): { [key: string]: string } {
    return this.model.snapshot();
  }
  getKeys(): string[] {
    return [...this.model.values.keys()];
  }
  deleteProperty(key: string): Properties {
    this.model.values.delete(key);
    return this.real();
  }
  deleteAllProperties(): Properties {
    this.model.values.clear();
    return this.real();
  }
}

export class FakePropertiesService implements Partial<GoogleAppsScript.Properties.PropertiesService> {
  constructor(
    private readonly env: FakeEnv,
    readonly stores: Readonly<Record<PropertyScope, PropertiesModel>>,
  ) {
    return counted(this, 'PropertiesService', env.calls);
  }

  getDocumentProperties(): Properties {
    requireAuth(this.env, 'PropertiesService.getDocumentProperties');
    return new FakeProperties(this.env, this.stores.document) as unknown as Properties;
  }
  getUserProperties(): Properties {
    requireAuth(this.env, 'PropertiesService.getUserProperties');
    return new FakeProperties(this.env, this.stores.user) as unknown as Properties;
  }
  getScriptProperties(): Properties {
    requireAuth(this.env, 'PropertiesService.getScriptProperties');
    return new FakeProperties(this.env, this.stores.script) as unknown as Properties;
  }
}
