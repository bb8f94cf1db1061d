// @vitest-environment happy-dom
/** Edge cases of the thread-list reader that the saved pages do not all show. */
import { describe, expect, it } from 'vitest';
import { readListRows } from '../../extension/gmail/adapter';
import { findFixture, fixtureDirs, loadFixture, parsePage } from './fixture-set';

const page = (html: string): Document => parsePage(html, true);

describe('readListRows', () => {
  it('reads a row without senders or ids as empty, not as an error', () => {
    const [row] = readListRows(
      page('<table><tr class="zA"><td><font color="#DD4B39">Draft</font></td></tr></table>'),
    );
    expect(row).toMatchObject({ senders: [], senderElements: [], threadId: null, threadPermId: null });
  });

  it('reads thread ids written as "undefined" as absent', () => {
    const [row] = readListRows(
      page(`<table><tr class="zA"><td><span email="a@example.com"></span></td>
        <td><span data-thread-id="#thread-f:undefined" data-legacy-thread-id="undefined">Invoice</span></td></tr></table>`),
    );
    expect(row).toMatchObject({ senders: ['a@example.com'], threadId: null, threadPermId: null });
  });

  it('returns no rows, without throwing, on a page without a thread list', () => {
    expect(readListRows(page('<div role="main"><h2 class="hP">Invoice</h2></div>'))).toEqual([]);
  });

  it('skips rows of a list Gmail keeps in the page but hides', () => {
    const row = (address: string) =>
      `<tr class="zA"><td class="yX"><div class="yW"><span email="${address}">x</span></div></td></tr>`;
    const doc = page(
      `<div style="display:none"><table>${row('old@example.com')}</table></div><table>${row('new@example.com')}</table>`,
    );
    expect(readListRows(doc).map((r) => r.senders)).toEqual([['new@example.com']]);
  });

  it('reads the sender column only, not the 2014 hidden accessibility line, in the order shown', () => {
    const doc = page(`<table><tr class="zA"><td>
      <div class="afn"><span email="b@example.com">B</span>, <span email="a@example.com">A</span></div>
      <div class="yW"><span email="a@example.com">A</span> .. <span email="B@example.com">B</span>, <span email="a@example.com">A</span></div>
    </td></tr></table>`);
    const [row] = readListRows(doc);
    expect(row?.senders).toEqual(['a@example.com', 'b@example.com']);
    expect(row?.senderElements.map((el) => el.closest('.yW') !== null)).toEqual([true, true]);
  });

  it('reads thread ids from the subject span of today’s rows', () => {
    const found = findFixture(fixtureDirs(), 'inbox-list-2026-B');
    if (!found) throw new Error('fixture inbox-list-2026-B not found');
    const [first] = readListRows(loadFixture(found).doc);
    expect(first?.threadId).toBe('1938f2a4c07d51e9');
    expect(first?.threadPermId).toBe('thread-f:1817469239061991913');
  });
});
