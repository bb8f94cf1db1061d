/**
 * Reads the recipients of one compose window, whichever way Gmail draws them:
 * chips (`[role=option][data-hovercard-id]`, since Oct 2021), chips turned into
 * `span[email]` on blur, hidden chip inputs (2014–2021), the typed text of the old
 * textarea (2014–2021) and the address still being typed in today's input.
 */
import { RECIPIENT_FIELDS, recipientAnchorsByField, type RecipientField } from '../selectors';
import { dedupe, normalizeAddress, parseAddressList } from './addresses';
import { fieldValue, queryAnchor, queryAnchorAll } from './dom';

export interface Recipient {
  /** Lower-cased address. */
  readonly address: string;
  /** The name Gmail shows for it, when it shows one. */
  readonly name: string | null;
  /**
   * `chip`: Gmail has confirmed it. `typed`: text Gmail has not turned into a chip
   * yet (the user is typing, or left the field); Gmail sends to it all the same.
   */
  readonly source: 'chip' | 'typed';
}

export type ComposeRecipients = Readonly<Record<RecipientField, readonly Recipient[]>>;

/** Recipients by field, each list deduplicated in page order: chips first, then typed text. */
export function readRecipients(composeRoot: ParentNode): ComposeRecipients {
  return {
    to: readField(composeRoot, 'to'),
    cc: readField(composeRoot, 'cc'),
    bcc: readField(composeRoot, 'bcc'),
  };
}

function readField(root: ParentNode, field: RecipientField): Recipient[] {
  const anchors = recipientAnchorsByField[field];
  const chips = queryAnchorAll(root, anchors.chip).flatMap(readChip);
  const chipInputs = queryAnchorAll(root, anchors.chipInput).flatMap((el) => parsed(el, 'chip'));
  const typed = [...queryAnchorAll(root, anchors.textarea), ...queryAnchorAll(root, anchors.pending)].flatMap(
    (el) => parsed(el, 'typed'),
  );
  return dedupe([...chips, ...chipInputs, ...typed], (r) => r.address);
}

function readChip(el: Element): Recipient[] {
  const isOption = el.getAttribute('role') === 'option';
  const address = normalizeAddress(el.getAttribute(isOption ? 'data-hovercard-id' : 'email'));
  if (address === null) return [];
  const name = el.getAttribute(isOption ? 'data-name' : 'name')?.trim();
  return [{ address, name: name ? name : null, source: 'chip' }];
}

function parsed(el: Element, source: Recipient['source']): Recipient[] {
  return parseAddressList(fieldValue(el)).map((p) => ({ ...p, source }));
}

/** The addresses of the given fields (all by default), deduplicated, in field order. */
export function recipientAddresses(
  recipients: ComposeRecipients,
  fields: readonly RecipientField[] = RECIPIENT_FIELDS,
): string[] {
  return dedupe(fields.flatMap((field) => recipients[field].map((r) => r.address)));
}

/** Where an address is typed into the To field: today's input, or the old textarea; null when none shows. */
export function toInput(composeRoot: ParentNode): HTMLInputElement | HTMLTextAreaElement | null {
  const anchors = recipientAnchorsByField.to;
  return (queryAnchor(composeRoot, anchors.pending) ?? queryAnchor(composeRoot, anchors.textarea)) as
    HTMLInputElement | HTMLTextAreaElement | null;
}
