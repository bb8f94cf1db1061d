/**
 * SpreadsheetApp.getUi(): menus, alerts, prompts, the sidebar and dialogs. The UiModel
 * records what the user would see and holds the answers a test scripts for them.
 */
import { counted, describeTarget } from './call-log.ts';
import type { FakeEnv } from './env.ts';
import { Button, ButtonSet, signatureError } from './env.ts';
import type { HtmlOutputState } from './html.ts';
import { FakeHtmlOutput } from './html.ts';

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;

export type MenuEntry =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  /** The caption given to createMenu; `null` for createAddonMenu (Sheets names it after the add-on). */
  caption: string | null;
  entries: MenuEntry[];
}

export interface DialogRecord {
  kind: 'sidebar' | 'modal' | 'modeless';
  /** The dialog title argument, or the HtmlOutput's title for a sidebar. */
  title: string;
  html: HtmlOutputState;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: keyof typeof ButtonSet;
  /** The button the scripted user pressed. */
  answer: keyof typeof Button;
  text: string | undefined;
}

export interface ScriptedAnswer {
  button: keyof typeof Button;
  text?: string;
}

// What the user can press for each ButtonSet; CLOSE is the dialog's own close box.
const PRESSABLE: Record<keyof typeof ButtonSet, (keyof typeof Button)[]> = {
  OK: ['OK', 'CLOSE'],
  OK_CANCEL: ['OK', 'CANCEL', 'CLOSE'],
  YES_NO: ['YES', 'NO', 'CLOSE'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL', 'CLOSE'],
};

export class UiModel {
  /** Menus in the order they were added to the UI, as they were at addToUi. */
  readonly menus: MenuRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  private readonly queued: ScriptedAnswer[] = [];

  /** Scripts the user's next answer to an alert or prompt (first queued, first used). */
  answer(button: keyof typeof Button, text?: string): this {
    this.queued.push({ button, text });
    return this;
  }

  /** Every menu item, submenus flattened, as `{ caption, functionName }`. */
  items(): { caption: string; functionName: string }[] {
    const out: { caption: string; functionName: string }[] = [];
    const walk = (menu: MenuRecord) => {
      for (const entry of menu.entries) {
        if (entry.kind === 'item') out.push({ caption: entry.caption, functionName: entry.functionName });
        if (entry.kind === 'submenu') walk(entry.menu);
      }
    };
    this.menus.forEach(walk);
    return out;
  }

  /** The next scripted answer; a plain OK alert needs none. */
  nextAnswer(kind: 'alert' | 'prompt', buttons: keyof typeof ButtonSet, prompt: string): ScriptedAnswer {
    const next = this.queued.shift();
    if (next) {
      // A test-setup mistake, thrown from this realm so the bundle cannot mistake it for Apps Script's.
      if (!PRESSABLE[buttons].includes(next.button)) {
        throw new Error(
          `UI ${kind} "${prompt}" offers ${PRESSABLE[buttons].join('/')}; the scripted answer ${next.button} is not one`,
        );
      }
      return next;
    }
    if (kind === 'alert' && buttons === 'OK') return { button: 'OK' };
    throw new Error(
      `UI ${kind} "${prompt}" (${buttons}) needs a scripted answer: fakes.ui.answer('YES'), ...`,
    );
  }
}

export class FakeUi implements Partial<Ui> {
  readonly Button = Button as unknown as typeof GoogleAppsScript.Base.Button;
  readonly ButtonSet = ButtonSet as unknown as typeof GoogleAppsScript.Base.ButtonSet;

  constructor(
    private readonly env: FakeEnv,
    readonly model: UiModel,
  ) {
    return counted(this, 'Ui', env.calls);
  }

  createMenu(caption: string): Menu {
    if (typeof caption !== 'string') throw signatureError(this.env, 'Ui.createMenu', [caption]);
    return new FakeMenu(this.env, this.model, { caption, entries: [] }) as unknown as Menu;
  }

  createAddonMenu(): Menu {
    return new FakeMenu(this.env, this.model, { caption: null, entries: [] }) as unknown as Menu;
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). */
  alert(...args: unknown[]): GoogleAppsScript.Base.Button {
    const { title, prompt, buttons } = this.dialogArgs('Ui.alert', args);
    const answer = this.model.nextAnswer('alert', buttons, prompt);
    this.model.alerts.push({ kind: 'alert', title, prompt, buttons, answer: answer.button, text: undefined });
    return Button[answer.button] as unknown as GoogleAppsScript.Base.Button;
  }

  /** prompt(prompt) | prompt(prompt, buttons) | prompt(title, prompt, buttons); default buttons OK. */
  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = this.dialogArgs('Ui.prompt', args);
    const answer = this.model.nextAnswer('prompt', buttons, prompt);
    const text = answer.text ?? '';
    this.model.alerts.push({ kind: 'prompt', title, prompt, buttons, answer: answer.button, text });
    return new FakePromptResponse(
      this.env,
      answer.button,
      text,
    ) as unknown as GoogleAppsScript.Base.PromptResponse;
  }

  private dialogArgs(
    method: string,
    args: unknown[],
  ): { title: string; prompt: string; buttons: keyof typeof ButtonSet } {
    const isButtons = (v: unknown): v is keyof typeof ButtonSet => typeof v === 'string' && v in ButtonSet;
    const [a, b, c] = args;
    if (args.length === 1 && typeof a === 'string') return { title: '', prompt: a, buttons: 'OK' };
    if (args.length === 2 && typeof a === 'string' && isButtons(b))
      return { title: '', prompt: a, buttons: b };
    if (args.length === 3 && typeof a === 'string' && typeof b === 'string' && isButtons(c)) {
      return { title: a, prompt: b, buttons: c };
    }
    throw signatureError(this.env, method, args);
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const html = this.html('Ui.showSidebar', userInterface);
    this.model.dialogs.push({ kind: 'sidebar', title: html.title, html });
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.model.dialogs.push({ kind: 'modal', title, html: this.html('Ui.showModalDialog', userInterface) });
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.model.dialogs.push({
      kind: 'modeless',
      title,
      html: this.html('Ui.showModelessDialog', userInterface),
    });
  }

  private html(method: string, output: unknown): HtmlOutputState {
    if (!(output instanceof FakeHtmlOutput)) throw signatureError(this.env, method, [output]);
    return { ...output.state, metaTags: [...output.state.metaTags] };
  }
}

export class FakeMenu implements Partial<Menu> {
  constructor(
    private readonly env: FakeEnv,
    private readonly ui: UiModel,
    /** The menu as built so far: for tests, not part of Apps Script. */
    readonly record: MenuRecord,
  ) {
    return counted(this, 'Menu', env.calls);
  }

  [describeTarget](): string {
    return this.record.caption ?? '(add-on menu)';
  }

  private real(): Menu {
    return this as unknown as Menu;
  }

  addItem(caption: string, functionName: string): Menu {
    this.record.entries.push({ kind: 'item', caption, functionName });
    return this.real();
  }
  addSeparator(): Menu {
    this.record.entries.push({ kind: 'separator' });
    return this.real();
  }
  addSubMenu(menu: Menu): Menu {
    if (!((menu as unknown) instanceof FakeMenu)) throw signatureError(this.env, 'Menu.addSubMenu', [menu]);
    this.record.entries.push({ kind: 'submenu', menu: (menu as unknown as FakeMenu).record });
    return this.real();
  }
  addToUi(): void {
    this.ui.menus.push(structuredClone(this.record));
  }
}

export class FakePromptResponse implements Partial<GoogleAppsScript.Base.PromptResponse> {
  constructor(
    env: FakeEnv,
    private readonly button: keyof typeof Button,
    private readonly text: string,
  ) {
    return counted(this, 'PromptResponse', env.calls);
  }

  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return Button[this.button] as unknown as GoogleAppsScript.Base.Button;
  }
}
