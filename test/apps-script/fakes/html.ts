/** HtmlService: the sidebar and dialogs are HtmlOutput objects built from project files. */
import { counted, describeTarget } from './call-log.ts';
import type { FakeEnv } from './env.ts';
import { appsScriptError, SandboxMode, signatureError, XFrameOptionsMode } from './env.ts';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;
type HtmlTemplate = GoogleAppsScript.HTML.HtmlTemplate;

/** The project's HTML files by name without `.html`, as `clasp push` uploads them. */
export class HtmlModel {
  readonly files = new Map<string, string>();

  constructor(files: Readonly<Record<string, string>> = {}) {
    for (const [name, html] of Object.entries(files)) this.files.set(name.replace(/\.html$/, ''), html);
  }
}

/** What an HtmlOutput holds; the Ui fake records it when a sidebar or dialog is shown. */
export interface HtmlOutputState {
  content: string;
  title: string;
  width: number | undefined;
  height: number | undefined;
  xFrameOptionsMode: string | undefined;
  sandboxMode: string | undefined;
  metaTags: { name: string; content: string }[];
}

export class FakeHtmlService implements Partial<GoogleAppsScript.HTML.HtmlService> {
  readonly XFrameOptionsMode = XFrameOptionsMode as unknown as typeof GoogleAppsScript.HTML.XFrameOptionsMode;
  readonly SandboxMode = SandboxMode as unknown as typeof GoogleAppsScript.HTML.SandboxMode;

  constructor(
    private readonly env: FakeEnv,
    readonly model: HtmlModel,
  ) {
    return counted(this, 'HtmlService', env.calls);
  }

  private file(filename: string): string {
    const html = this.model.files.get(String(filename).replace(/\.html$/, ''));
    if (html === undefined) throw appsScriptError(this.env, `No HTML file named ${filename} was found.`);
    return html;
  }

  /** From a string; blobs are not faked. */
  createHtmlOutput(html?: string | GoogleAppsScript.Base.BlobSource): HtmlOutput {
    if (html !== undefined && typeof html !== 'string')
      throw signatureError(this.env, 'HtmlService.createHtmlOutput', [html]);
    return new FakeHtmlOutput(this.env, html ?? '') as unknown as HtmlOutput;
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    return new FakeHtmlOutput(this.env, this.file(filename)) as unknown as HtmlOutput;
  }
  createTemplate(html: string | GoogleAppsScript.Base.BlobSource): HtmlTemplate {
    if (typeof html !== 'string') throw signatureError(this.env, 'HtmlService.createTemplate', [html]);
    return new FakeHtmlTemplate(this.env, html) as unknown as HtmlTemplate;
  }
  createTemplateFromFile(filename: string): HtmlTemplate {
    return new FakeHtmlTemplate(this.env, this.file(filename)) as unknown as HtmlTemplate;
  }
}

export class FakeHtmlOutput implements Partial<HtmlOutput> {
  /** For tests and the Ui fake, not part of Apps Script. */
  readonly state: HtmlOutputState;

  constructor(env: FakeEnv, content: string) {
    this.state = {
      content,
      title: '',
      width: undefined,
      height: undefined,
      xFrameOptionsMode: undefined,
      sandboxMode: undefined,
      metaTags: [],
    };
    return counted(this, 'HtmlOutput', env.calls);
  }

  [describeTarget](): string {
    return this.state.title || `${this.state.content.length} chars`;
  }

  private real(): HtmlOutput {
    return this as unknown as HtmlOutput;
  }

  getContent(): string {
    return this.state.content;
  }
  setContent(content: string): HtmlOutput {
    this.state.content = content;
    return this.real();
  }
  append(addedContent: string): HtmlOutput {
    this.state.content += addedContent;
    return this.real();
  }
  setTitle(title: string): HtmlOutput {
    this.state.title = title;
    return this.real();
  }
  getTitle(): string {
    return this.state.title;
  }
  setWidth(width: number): HtmlOutput {
    this.state.width = width;
    return this.real();
  }
  /** 0 when never set (the fake does not guess Google's default sizes). */
  getWidth(): number {
    return this.state.width ?? 0;
  }
  setHeight(height: number): HtmlOutput {
    this.state.height = height;
    return this.real();
  }
  getHeight(): number {
    return this.state.height ?? 0;
  }
  setXFrameOptionsMode(mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    this.state.xFrameOptionsMode = String(mode);
    return this.real();
  }
  setSandboxMode(mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    this.state.sandboxMode = String(mode);
    return this.real();
  }
  addMetaTag(name: string, content: string): HtmlOutput {
    this.state.metaTags.push({ name, content });
    return this.real();
  }
}

const SCRIPTLET = /<\?(!?=)?([\s\S]*?)\?>/g;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * A template whose scriptlets may only print a property set on it: `<?= name ?>`
 * (escaped) or `<?!= name ?>` (raw). Code scriptlets (`<? ... ?>`) throw: the sidebar
 * gets its data through google.script.run, not through template code.
 */
export class FakeHtmlTemplate {
  [property: string]: unknown;
  // #-private: the code under test sets template variables as properties of any name.
  readonly #env: FakeEnv;
  readonly #raw: string;

  constructor(env: FakeEnv, raw: string) {
    this.#env = env;
    this.#raw = raw;
    return counted(this, 'HtmlTemplate', env.calls);
  }

  getRawContent(): string {
    return this.#raw;
  }

  evaluate(): HtmlOutput {
    const html = this.#raw.replace(SCRIPTLET, (_all, kind: string | undefined, body: string) => {
      const name = body.trim();
      if (!kind || !/^[A-Za-z_$][\w$]*$/.test(name)) {
        throw appsScriptError(
          this.#env,
          `The fake HtmlTemplate only prints properties; cannot run "<?${kind ?? ''}${body}?>"`,
        );
      }
      const value = String(this[name] ?? '');
      return kind === '=' ? escapeHtml(value) : value;
    });
    return new FakeHtmlOutput(this.#env, html) as unknown as HtmlOutput;
  }
}
