/**
 * A draft as the Gmail API takes it: an RFC 2822 message (RFC 2045/2046 MIME), base64url
 * encoded into `message.raw` (users.drafts.create). Pure string work: Apps Script has no
 * TextEncoder or Buffer, so UTF-8 and base64 are done here, and this file is tested alone.
 *
 * Headers stay 7-bit: a non-ASCII subject becomes RFC 2047 encoded words, each at most 75
 * characters, folded one per line. The body is multipart/alternative, text first and HTML
 * last (RFC 2046 §5.1.4: the last part is the preferred one), each part base64 in 76-char
 * lines, so no line-length or 8-bit limit can bite whatever the ledger's text holds.
 */
import type { DraftMessage } from '../services.ts';

/** UTF-8 bytes of a string (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const ch of text) {
    const raw = ch.codePointAt(0) ?? 0xfffd;
    const cp = raw >= 0xd800 && raw <= 0xdfff ? 0xfffd : raw;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return bytes;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] ?? '';
    out += B64[(n >> 12) & 63] ?? '';
    out += i + 1 < bytes.length ? (B64[(n >> 6) & 63] ?? '') : '=';
    out += i + 2 < bytes.length ? (B64[n & 63] ?? '') : '=';
  }
  return out;
}

/** base64url without padding (RFC 4648 §5), what the Gmail API's `raw` field takes. */
export function base64Url(bytes: readonly number[]): string {
  return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * A header value as RFC 2047 encoded words when it is not plain ASCII: `=?UTF-8?B?…?=`,
 * split between characters so no word exceeds 75 characters, words folded on new lines.
 */
export function encodeHeader(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  if (PRINTABLE_ASCII.test(flat)) return flat;
  const words: string[] = [];
  let chunk: number[] = [];
  // 75 - '=?UTF-8?B?'.length - '?='.length = 63 base64 characters: 45 bytes.
  for (const ch of flat) {
    const bytes = utf8Bytes(ch);
    if (chunk.length + bytes.length > 45) {
      words.push(`=?UTF-8?B?${base64(chunk)}?=`);
      chunk = [];
    }
    for (const b of bytes) chunk.push(b);
  }
  if (chunk.length > 0) words.push(`=?UTF-8?B?${base64(chunk)}?=`);
  return words.join('\r\n ');
}

/**
 * From with a display name: a quoted string when it is ASCII, else encoded words (RFC 2047
 * §5 allows them in a phrase). `address` is the account's own, from users.getProfile.
 */
export function fromHeader(name: string, address: string): string {
  const flat = name.replace(/[\r\n]+/g, ' ').trim();
  if (flat === '') return address;
  const phrase = PRINTABLE_ASCII.test(flat) ? `"${flat.replace(/["\\]/g, '\\$&')}"` : encodeHeader(flat);
  return `${phrase} <${address}>`;
}

/** An address list for To: the addresses are the ledger's, checked ASCII by Gmail. */
function addressList(to: readonly string[]): string {
  return to.map((a) => a.replace(/[\r\n,]/g, ' ').trim()).join(', ');
}

function base64Lines(text: string): string {
  const encoded = base64(utf8Bytes(text));
  return encoded.replace(/.{76}/g, '$&\r\n').replace(/\r\n$/, '');
}

/**
 * The whole RFC 2822 message. `boundary` must not occur in the encoded parts; base64 text
 * cannot contain `=_`, so a boundary starting with it is safe.
 */
export function rfc2822(message: DraftMessage, from?: string, boundary = '=_payladder_alt'): string {
  const lines = [
    ...(from && message.senderName ? [`From: ${fromHeader(message.senderName, from)}`] : []),
    `To: ${addressList(message.to)}`,
    `Subject: ${encodeHeader(message.subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(message.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(message.html),
    `--${boundary}--`,
    '',
  ];
  return lines.join('\r\n');
}

/** `message.raw` for Gmail.Users.Drafts.create. */
export function rawMessage(message: DraftMessage, from?: string): string {
  return base64Url(utf8Bytes(rfc2822(message, from)));
}
