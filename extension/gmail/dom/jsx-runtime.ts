/**
 * JSX that makes DOM elements directly, as refined-github's dom-chef does: the overlays
 * are small, drawn once and redrawn whole when their data changes, so a virtual DOM would
 * cost a third of the content script's 40 KB budget for nothing. Files opt in with
 * `/** @jsxImportSource ./dom *\/` (the popup and options pages keep Preact).
 *
 * - children that are strings or numbers become text nodes: nothing is parsed as HTML;
 * - attributes are set with `setAttribute` (`true` → present, `false`/null → absent,
 *   except `aria-*`, which say "false");
 * - `on<Event>` props add listeners (`onClick` → `click`, `onKeyDown` → `keydown`) that
 *   ignore script-made events (`isTrusted === false`): only the user presses an overlay's
 *   buttons, never a script on the page (`button.click()`, `dispatchEvent`). Focus moved
 *   by our own `focus()` calls and clicks the browser makes from Enter/Space are trusted;
 * - `style` takes an object of camelCase properties; `ref` receives the element;
 * - a function component is called with its props.
 */

export type Child = Node | string | number | boolean | null | undefined | readonly Child[];

type Handler<E extends Event> = (event: E) => void;

export interface DomProps {
  children?: Child;
  ref?: (element: HTMLElement) => void;
  class?: string;
  style?: Readonly<Record<string, string>>;
  onClick?: Handler<MouseEvent>;
  onMouseDown?: Handler<MouseEvent>;
  onMouseEnter?: Handler<MouseEvent>;
  onKeyDown?: Handler<KeyboardEvent>;
  onFocus?: Handler<FocusEvent>;
  onInput?: Handler<Event>;
  [attribute: string]: unknown;
}

type Component<P> = (props: P) => HTMLElement;

export function jsx<P>(type: string | Component<P>, props: P & DomProps): HTMLElement {
  if (typeof type === 'function') return type(props);
  const el = document.createElement(type);
  // A plain loop: this runs for every element of every badge of a list.
  for (const name in props) {
    const value: unknown = props[name];
    if (name === 'children' || value === undefined || value === null) continue;
    if (name === 'ref') (value as (element: HTMLElement) => void)(el);
    else if (name === 'style') Object.assign(el.style, value);
    else if (typeof value === 'function' && name.startsWith('on')) {
      const handler = value as EventListener;
      el.addEventListener(name.slice(2).toLowerCase(), (event) => {
        // Browsers always say true or false; only a DOM without the flag (happy-dom) says neither.
        if (event.isTrusted !== false) handler(event);
      });
    } else if (value === false) {
      if (name.startsWith('aria-')) el.setAttribute(name, 'false');
    } else el.setAttribute(name, value === true ? (name.startsWith('aria-') ? 'true' : '') : String(value));
  }
  append(el, props.children);
  return el;
}

export const jsxs = jsx;

/** `<>…</>`: its children, appended where the fragment is used. */
export function Fragment(props: { children?: Child }): HTMLElement {
  const fragment = document.createDocumentFragment();
  append(fragment, props.children);
  // A fragment is accepted wherever a child is; typed as an element for JSX's sake.
  return fragment as unknown as HTMLElement;
}

export function append(parent: ParentNode, child: Child): void {
  if (child === null || child === undefined || typeof child === 'boolean') return;
  if (Array.isArray(child)) for (const c of child as readonly Child[]) append(parent, c);
  else parent.append(typeof child === 'object' ? (child as Node) : String(child));
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export namespace JSX {
  export type Element = HTMLElement;
  export interface IntrinsicElements {
    [tag: string]: DomProps;
  }
  export interface ElementChildrenAttribute {
    children: unknown;
  }
}
