/**
 * ScriptApp: installable triggers (the daily recompute-and-draft run) and the enums. The
 * builders check what Apps Script checks at create(), so a wrong schedule fails in tests.
 */
import { counted, describeTarget } from './call-log.ts';
import type { FakeEnv } from './env.ts';
import {
  appsScriptError,
  AuthMode,
  EventType,
  InstallationSource,
  requireAuth,
  requireInteger,
  signatureError,
  TriggerSource,
} from './env.ts';
import type { SpreadsheetModel } from './spreadsheet-model.ts';

type Trigger = GoogleAppsScript.Script.Trigger;

/** Apps Script allows 20 triggers per user per script. */
export const MAX_TRIGGERS = 20;

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  timeZone?: string;
  /** One-off: `after(ms)` or `at(date)`, as an epoch millisecond. */
  at?: number;
}

export interface TriggerRecord {
  id: string;
  handler: string;
  source: keyof typeof TriggerSource;
  eventType: keyof typeof EventType;
  /** The spreadsheet's id for a spreadsheet trigger. */
  sourceId: string | undefined;
  schedule: ClockSchedule | undefined;
}

export class TriggerModel {
  readonly triggers: TriggerRecord[] = [];
  private created = 0;

  nextId(): string {
    this.created += 1;
    return String(9_000_000 + this.created);
  }

  /** Triggers calling `handler`, for assertions. */
  forHandler(handler: string): TriggerRecord[] {
    return this.triggers.filter((t) => t.handler === handler);
  }
}

export class FakeScriptApp implements Partial<GoogleAppsScript.Script.ScriptApp> {
  readonly AuthMode = AuthMode as unknown as typeof GoogleAppsScript.Script.AuthMode;
  readonly TriggerSource = TriggerSource as unknown as typeof GoogleAppsScript.Script.TriggerSource;
  readonly EventType = EventType as unknown as typeof GoogleAppsScript.Script.EventType;
  readonly InstallationSource =
    InstallationSource as unknown as typeof GoogleAppsScript.Script.InstallationSource;

  constructor(
    private readonly env: FakeEnv,
    readonly model: TriggerModel,
    private readonly scriptId: string,
    private readonly book: SpreadsheetModel,
    private readonly installationSource: keyof typeof InstallationSource,
  ) {
    return counted(this, 'ScriptApp', env.calls);
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    requireAuth(this.env, 'ScriptApp.newTrigger');
    if (typeof functionName !== 'string' || functionName === '') {
      throw signatureError(this.env, 'ScriptApp.newTrigger', [functionName]);
    }
    return new FakeTriggerBuilder(
      this.env,
      this.model,
      functionName,
      this.book,
    ) as unknown as GoogleAppsScript.Script.TriggerBuilder;
  }

  getProjectTriggers(): Trigger[] {
    requireAuth(this.env, 'ScriptApp.getProjectTriggers');
    return this.model.triggers.map((t) => new FakeTrigger(this.env, t) as unknown as Trigger);
  }

  /** The fake has one document, so this user's triggers for it are all the triggers. */
  getUserTriggers(): Trigger[] {
    requireAuth(this.env, 'ScriptApp.getUserTriggers');
    return this.model.triggers.map((t) => new FakeTrigger(this.env, t) as unknown as Trigger);
  }

  /** NONE for a script bound to the file (development, `clasp push`); an add-on source once installed. */
  getInstallationSource(): GoogleAppsScript.Script.InstallationSource {
    return InstallationSource[
      this.installationSource
    ] as unknown as GoogleAppsScript.Script.InstallationSource;
  }

  deleteTrigger(trigger: Trigger): void {
    requireAuth(this.env, 'ScriptApp.deleteTrigger');
    if (!((trigger as unknown) instanceof FakeTrigger))
      throw signatureError(this.env, 'ScriptApp.deleteTrigger', [trigger]);
    const id = (trigger as unknown as FakeTrigger).record.id;
    const at = this.model.triggers.findIndex((t) => t.id === id);
    if (at !== -1) this.model.triggers.splice(at, 1);
  }

  getScriptId(): string {
    return this.scriptId;
  }
}

function install(env: FakeEnv, model: TriggerModel, record: Omit<TriggerRecord, 'id'>): Trigger {
  if (model.triggers.length >= MAX_TRIGGERS) {
    throw appsScriptError(
      env,
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  }
  const full = { ...record, id: model.nextId() };
  model.triggers.push(full);
  return new FakeTrigger(env, full) as unknown as Trigger;
}

export class FakeTriggerBuilder implements Partial<GoogleAppsScript.Script.TriggerBuilder> {
  constructor(
    private readonly env: FakeEnv,
    private readonly model: TriggerModel,
    private readonly handler: string,
    private readonly book: SpreadsheetModel,
  ) {
    return counted(this, 'TriggerBuilder', env.calls);
  }

  timeBased(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return new FakeClockTriggerBuilder(
      this.env,
      this.model,
      this.handler,
    ) as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  forSpreadsheet(
    sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string,
  ): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    // Reading the id is the fake's business, not a call the code under test made.
    const id = typeof sheet === 'string' ? sheet : this.env.calls.uncounted(() => sheet.getId());
    if (id !== this.book.id) {
      throw appsScriptError(
        this.env,
        'Specified permissions are not sufficient to install a trigger on another spreadsheet.',
      );
    }
    return new FakeSpreadsheetTriggerBuilder(
      this.env,
      this.model,
      this.handler,
      id,
    ) as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }
}

// Apps Script accepts only these intervals for everyHours and everyMinutes.
const HOURS = [1, 2, 4, 6, 8, 12];
const MINUTES = [1, 5, 10, 15, 30];

export class FakeClockTriggerBuilder implements Partial<GoogleAppsScript.Script.ClockTriggerBuilder> {
  private readonly schedule: ClockSchedule = {};

  constructor(
    private readonly env: FakeEnv,
    private readonly model: TriggerModel,
    private readonly handler: string,
  ) {
    return counted(this, 'ClockTriggerBuilder', env.calls);
  }

  private real(): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this as unknown as GoogleAppsScript.Script.ClockTriggerBuilder;
  }

  private set(patch: ClockSchedule): GoogleAppsScript.Script.ClockTriggerBuilder {
    Object.assign(this.schedule, patch);
    return this.real();
  }

  everyMinutes(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!MINUTES.includes(requireInteger(this.env, n))) {
      throw appsScriptError(this.env, 'The value passed to everyMinutes must be 1, 5, 10, 15 or 30.');
    }
    return this.set({ everyMinutes: n });
  }
  everyHours(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (!HOURS.includes(requireInteger(this.env, n))) {
      throw appsScriptError(this.env, 'The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    }
    return this.set({ everyHours: n });
  }
  everyDays(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (requireInteger(this.env, n) < 1)
      throw appsScriptError(this.env, 'everyDays needs a positive number of days.');
    return this.set({ everyDays: n });
  }
  everyWeeks(n: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    if (requireInteger(this.env, n) < 1)
      throw appsScriptError(this.env, 'everyWeeks needs a positive number of weeks.');
    return this.set({ everyWeeks: n });
  }
  atHour(hour: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    const h = requireInteger(this.env, hour);
    if (h < 0 || h > 23) throw appsScriptError(this.env, 'The hour must be between 0 and 23.');
    return this.set({ atHour: h });
  }
  nearMinute(minute: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    const m = requireInteger(this.env, minute);
    if (m < 0 || m > 59) throw appsScriptError(this.env, 'The minute must be between 0 and 59.');
    return this.set({ nearMinute: m });
  }
  /** An IANA zone; Intl rejects a bad one, as Apps Script does at create(). */
  inTimezone(timezone: string): GoogleAppsScript.Script.ClockTriggerBuilder {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    } catch {
      throw appsScriptError(this.env, `Invalid argument: timezone ${timezone}`);
    }
    return this.set({ timeZone: timezone });
  }
  after(durationMilliseconds: number): GoogleAppsScript.Script.ClockTriggerBuilder {
    return this.set({ at: this.env.clock.now() + requireInteger(this.env, durationMilliseconds) });
  }

  create(): Trigger {
    const s = this.schedule;
    const recurring = [s.everyMinutes, s.everyHours, s.everyDays, s.everyWeeks].filter(
      (v) => v !== undefined,
    );
    if (recurring.length + (s.at === undefined ? 0 : 1) !== 1) {
      throw appsScriptError(
        this.env,
        'A clock trigger needs exactly one schedule: everyMinutes/Hours/Days/Weeks, after or at.',
      );
    }
    // atHour and nearMinute place a daily or weekly trigger within its day.
    if (
      (s.atHour !== undefined || s.nearMinute !== undefined) &&
      s.everyDays === undefined &&
      s.everyWeeks === undefined
    ) {
      throw appsScriptError(this.env, 'atHour and nearMinute can only be used with everyDays or everyWeeks.');
    }
    return install(this.env, this.model, {
      handler: this.handler,
      source: 'CLOCK',
      eventType: 'CLOCK',
      sourceId: undefined,
      schedule: { ...s },
    });
  }
}

export class FakeSpreadsheetTriggerBuilder implements Partial<GoogleAppsScript.Script.SpreadsheetTriggerBuilder> {
  private event: keyof typeof EventType | undefined;

  constructor(
    private readonly env: FakeEnv,
    private readonly model: TriggerModel,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {
    return counted(this, 'SpreadsheetTriggerBuilder', env.calls);
  }

  private on(event: keyof typeof EventType): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    this.event = event;
    return this as unknown as GoogleAppsScript.Script.SpreadsheetTriggerBuilder;
  }

  onOpen(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('ON_OPEN');
  }
  onEdit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('ON_EDIT');
  }
  onChange(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('ON_CHANGE');
  }
  onFormSubmit(): GoogleAppsScript.Script.SpreadsheetTriggerBuilder {
    return this.on('ON_FORM_SUBMIT');
  }

  create(): Trigger {
    if (!this.event)
      throw appsScriptError(
        this.env,
        'A spreadsheet trigger needs an event: onOpen, onEdit, onChange or onFormSubmit.',
      );
    return install(this.env, this.model, {
      handler: this.handler,
      source: 'SPREADSHEETS',
      eventType: this.event,
      sourceId: this.spreadsheetId,
      schedule: undefined,
    });
  }
}

export class FakeTrigger implements Partial<Trigger> {
  constructor(
    env: FakeEnv,
    /** The installed trigger: for tests, not part of Apps Script. */
    readonly record: TriggerRecord,
  ) {
    return counted(this, 'Trigger', env.calls);
  }

  [describeTarget](): string {
    return `${this.record.handler}#${this.record.id}`;
  }

  getHandlerFunction(): string {
    return this.record.handler;
  }
  getUniqueId(): string {
    return this.record.id;
  }
  getEventType(): GoogleAppsScript.Script.EventType {
    return EventType[this.record.eventType] as unknown as GoogleAppsScript.Script.EventType;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return TriggerSource[this.record.source] as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  /** Null for a clock trigger, as Apps Script documents (its typings say string). */
  getTriggerSourceId(): string {
    return (this.record.sourceId ?? null) as string;
  }
}
