/**
 * Reaching into the overlays' closed shadow roots from tests, with nothing in the shipped
 * extension to help (issue 18 item 10): no open mode in test builds, no global, no hook.
 *
 * happy-dom (unit tests): importing this module patches `Element.prototype.attachShadow`
 * so every root made from then on is also kept here, by host, in a WeakMap. Import it
 * before the overlay mounts; then `shadowOf(host)` stands in for `host.shadowRoot`, and
 * `inShadows(doc, hostSelector, selector)` for `querySelectorAll` through the hosts.
 * happy-dom's events carry no `isTrusted` at all (neither true nor false), so the
 * overlays' handlers take them as the user's; `scriptMade(event)` marks one `false`, as a
 * browser marks `button.click()` or `dispatchEvent` from a page script.
 *
 * Chromium (Playwright): CSS locators pierce open roots only. `closedShadow(page)` opens a
 * CDP session and finds nodes with `DOM.getDocument({ depth: -1, pierce: true })`, which
 * lists closed roots too. A found node is clicked with `page.mouse` at its centre (trusted
 * input, as the user's), or reached with `DOM.resolveNode` + `Runtime.callFunctionOn`
 * (text, attributes, focus, or a script-made `click()` to prove it is ignored).
 */
import type { CDPSession, Page } from 'playwright-core';

// ---------- happy-dom ----------

const roots = new WeakMap<Element, ShadowRoot>();

function keepRoots(): void {
  const proto = (globalThis as { Element?: typeof Element }).Element?.prototype;
  if (!proto || (proto.attachShadow as { kept?: true }).kept) return;
  const original = proto.attachShadow;
  const kept = function (this: Element, init: ShadowRootInit): ShadowRoot {
    const root = original.call(this, init);
    roots.set(this, root);
    return root;
  };
  proto.attachShadow = Object.assign(kept, { kept: true as const });
}
keepRoots();

/** The host's shadow root, open or closed (made after this module was imported); null if none. */
export function shadowOf(host: Element | null | undefined): ShadowRoot | null {
  return host ? (roots.get(host) ?? host.shadowRoot) : null;
}

/** Every element matching `selector` inside the shadow roots of the hosts matching `hostSelector`. */
export function inShadows<E extends Element = HTMLElement>(
  doc: ParentNode,
  hostSelector: string,
  selector: string,
): E[] {
  return Array.from(doc.querySelectorAll(hostSelector)).flatMap((host) =>
    Array.from(shadowOf(host)?.querySelectorAll<E>(selector) ?? []),
  );
}

/** `event`, marked as a page script's (`isTrusted: false`), as a browser marks `dispatchEvent`. */
export function scriptMade<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: false });
  return event;
}

// ---------- Chromium ----------

interface CdpNode {
  nodeId: number;
  localName?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

export interface ShadowElement {
  /** A real click (trusted, through `page.mouse`) at the element's centre. */
  click(): Promise<void>;
  /** `this.click()` run by a script in the page: an untrusted click. */
  scriptClick(): Promise<void>;
  focus(): Promise<void>;
  text(): Promise<string>;
  /** Its drawn width in CSS pixels (0 when squeezed out or hidden). */
  width(): Promise<number>;
  attribute(name: string): Promise<string | null>;
}

export interface ClosedShadow {
  /** Elements matching `selector` inside the (closed) roots of the hosts matching `hostSelector`, now. */
  query(hostSelector: string, selector: string): Promise<ShadowElement[]>;
  /** The first such element, once there is one. */
  waitFor(hostSelector: string, selector: string, timeoutMs?: number): Promise<ShadowElement>;
  /** Resolves once no such element is left. */
  waitGone(hostSelector: string, selector: string, timeoutMs?: number): Promise<void>;
  /** The text of every root (for failure messages). */
  texts(hostSelector: string): Promise<string[]>;
  detach(): Promise<void>;
}

const GROUP = 'payladder-closed-shadow';

function shadowRootsOf(tree: CdpNode, hostIds: ReadonlySet<number>): number[] {
  const found: number[] = [];
  const walk = (node: CdpNode) => {
    if (hostIds.has(node.nodeId)) for (const root of node.shadowRoots ?? []) found.push(root.nodeId);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) walk(child);
    if (node.contentDocument) walk(node.contentDocument);
  };
  walk(tree);
  return found;
}

export async function closedShadow(page: Page): Promise<ClosedShadow> {
  const session: CDPSession = await page.context().newCDPSession(page);

  const call = async <T>(objectId: string, fn: string): Promise<T> => {
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId,
      functionDeclaration: fn,
      returnByValue: true,
      awaitPromise: true,
    });
    return result.value as T;
  };

  // Node ids die with the next DOM.getDocument: a found node is kept as a remote object.
  const toObject = async (nodeId: number): Promise<string> => {
    const { object } = await session.send('DOM.resolveNode', { nodeId, objectGroup: GROUP });
    return object.objectId as string;
  };

  const element = (objectId: string): ShadowElement => ({
    async click() {
      await session.send('DOM.scrollIntoViewIfNeeded', { objectId });
      const { quads } = await session.send('DOM.getContentQuads', { objectId });
      const quad = quads[0];
      if (!quad) throw new Error('the element has no box to click');
      const x = (quad[0]! + quad[2]! + quad[4]! + quad[6]!) / 4;
      const y = (quad[1]! + quad[3]! + quad[5]! + quad[7]!) / 4;
      await page.mouse.click(x, y);
    },
    scriptClick: () => call(objectId, 'function () { this.click(); }'),
    focus: () => call(objectId, 'function () { this.focus(); }'),
    text: async () => (await call<string | null>(objectId, 'function () { return this.textContent; }')) ?? '',
    width: () => call<number>(objectId, 'function () { return this.getBoundingClientRect().width; }'),
    attribute: (name) =>
      call<string | null>(objectId, `function () { return this.getAttribute(${JSON.stringify(name)}); }`),
  });

  const rootIds = async (hostSelector: string): Promise<number[]> => {
    // A fresh document each time: node ids from an earlier read go stale as the page changes.
    const { root } = (await session.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const { nodeIds } = await session.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: hostSelector,
    });
    return shadowRootsOf(root, new Set(nodeIds));
  };

  const query = async (hostSelector: string, selector: string): Promise<ShadowElement[]> => {
    const objects: string[] = [];
    for (const rootId of await rootIds(hostSelector)) {
      const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId: rootId, selector });
      for (const id of nodeIds) objects.push(await toObject(id));
    }
    return objects.map(element);
  };

  const until = async (check: () => Promise<boolean>, timeoutMs: number, what: string) => {
    const end = performance.now() + timeoutMs;
    while (!(await check())) {
      if (performance.now() > end) throw new Error(`${what} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  return {
    query,
    async waitFor(hostSelector, selector, timeoutMs = 15_000) {
      let first: ShadowElement | undefined;
      await until(
        async () => (first = (await query(hostSelector, selector))[0]) !== undefined,
        timeoutMs,
        `no ${selector} in ${hostSelector}`,
      );
      return first as ShadowElement;
    },
    async waitGone(hostSelector, selector, timeoutMs = 15_000) {
      await until(
        async () => (await query(hostSelector, selector)).length === 0,
        timeoutMs,
        `${selector} still in ${hostSelector}`,
      );
    },
    async texts(hostSelector) {
      const ids: string[] = [];
      for (const id of await rootIds(hostSelector)) ids.push(await toObject(id));
      return Promise.all(
        ids.map(
          async (id) => (await call<string | null>(id, 'function () { return this.textContent; }')) ?? '',
        ),
      );
    },
    async detach() {
      await session.send('Runtime.releaseObjectGroup', { objectGroup: GROUP }).catch(() => undefined);
      await session.detach();
    },
  };
}
