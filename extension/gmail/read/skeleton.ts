/**
 * A censored skeleton of Gmail's page, logged once when an anchor is missing so the
 * next selector fix starts from evidence (InboxSDK does the same).
 *
 * It keeps tag names, attribute *names* and the value of `role` only: no text, no other
 * attribute values (they hold addresses, names, subjects, ids). Message bodies and
 * editables are not entered at all: their structure is the sender's, not Gmail's.
 */
import { anyOf, composeBody, messageBody } from '../selectors';

export interface SkeletonOptions {
  /** Deepest level printed below the root (default 40). */
  readonly maxDepth?: number;
  /** Most lines printed (default 400); the skeleton says where it was cut. */
  readonly maxLines?: number;
}

// Attribute values that are Gmail's vocabulary rather than user data.
const KEPT_VALUES = new Set(['role']);
// Elements whose children are not Gmail's structure or are noise.
const OPAQUE_TAGS = new Set(['script', 'style', 'svg', 'template', 'iframe', 'noscript']);

/** The skeleton of `root` as indented lines, e.g. `div[role=dialog] {class,jsaction}`. */
export function censoredSkeleton(root: ParentNode, options: SkeletonOptions = {}): string {
  const maxDepth = options.maxDepth ?? 40;
  const maxLines = options.maxLines ?? 400;
  const mailText = `${anyOf(messageBody)}, ${anyOf(composeBody)}, [contenteditable]`;
  const start = (root as Document).documentElement ?? root;
  const lines: string[] = [];
  let cut = false;

  const visit = (el: Element, depth: number): string[] => {
    const tag = el.tagName.toLowerCase();
    const role = el.getAttribute('role');
    const names = el
      .getAttributeNames()
      .map((n) => n.toLowerCase())
      .filter((n) => !KEPT_VALUES.has(n))
      .map(sanitizeName)
      .sort();
    const head = `${tag}${role !== null ? `[role=${sanitizeRole(role)}]` : ''}${names.length ? ` {${names.join(',')}}` : ''}`;
    const opaque = OPAQUE_TAGS.has(tag) || el.matches(mailText);
    if (opaque || el.children.length === 0) return [head + (opaque && el.children.length > 0 ? ' …' : '')];
    if (depth >= maxDepth) return [`${head} … (deeper levels omitted)`];
    return [
      head,
      ...siblingsCollapsed(Array.from(el.children), (child) => visit(child, depth + 1)).map(indent),
    ];
  };

  const all = isElementLike(start)
    ? visit(start, 0)
    : siblingsCollapsed(Array.from(root.children), (child) => visit(child, 0));
  for (const line of all) {
    if (lines.length >= maxLines) {
      cut = true;
      break;
    }
    lines.push(line);
  }
  if (cut) lines.push(`… cut at ${maxLines} lines`);
  return lines.join('\n');
}

// Consecutive siblings with the same skeleton (list rows, toolbar buttons) print once.
function siblingsCollapsed(children: readonly Element[], render: (el: Element) => string[]): string[] {
  const out: string[] = [];
  let previous: string[] | null = null;
  let repeats = 0;
  const flush = (): void => {
    if (previous === null) return;
    const [first, ...rest] = previous;
    out.push(`${first ?? ''}${repeats > 1 ? ` ×${repeats}` : ''}`, ...rest);
  };
  for (const child of children) {
    const lines = render(child);
    if (previous !== null && lines.join('\n') === previous.join('\n')) {
      repeats += 1;
      continue;
    }
    flush();
    previous = lines;
    repeats = 1;
  }
  flush();
  return out;
}

function indent(line: string): string {
  return `  ${line}`;
}

// Gmail's attribute names are short tokens; anything else is not printed.
function sanitizeName(name: string): string {
  return /^[a-z0-9_:.-]{1,40}$/.test(name) ? name : '?';
}

// Roles are ARIA tokens; anything else in them is not printed.
function sanitizeRole(role: string): string {
  return /^[a-z ]{1,40}$/.test(role) ? role : '?';
}

function isElementLike(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

/**
 * A logger that prints the skeleton once per missing anchor per page load, so a
 * broken selector costs one console entry, not one per mutation.
 */
export function createSkeletonReporter(
  log: (message: string) => void,
  options?: SkeletonOptions,
): (anchorName: string, root: ParentNode) => void {
  const reported = new Set<string>();
  return (anchorName, root) => {
    if (reported.has(anchorName)) return;
    reported.add(anchorName);
    log(
      `Payladder: Gmail anchor "${anchorName}" not found. Censored page skeleton:\n${censoredSkeleton(root, options)}`,
    );
  };
}
