// @vitest-environment happy-dom
/** Edge cases of the thread-list reader that the saved pages do not all show. */
import { describe, expect, it } from 'vitest';
import { readListRows } from '../../extension/gmail/adapter';
import { displayedRows, rowSenders, rowsSenders } from '../../extension/gmail/read/list-rows';
import { CLASS_NAMES, findFixture, fixtureDirs, fixturesOf, loadFixture, parsePage } from './fixture-set';

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

describe('rowsSenders', () => {
  const row = (cells: string) => `<tr class="zA"><td>${cells}</td></tr>`;
  const rows = (n: number, cells: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => row(cells(i))).join('');

  it.each(CLASS_NAMES)('reads every saved page’s rows as rowSenders reads each (classes %s)', (classes) => {
    let read = 0;
    for (const fixture of fixturesOf(fixtureDirs())) {
      const listed = displayedRows(loadFixture(fixture, classes).doc);
      expect(rowsSenders(listed), fixture.name).toEqual(listed.map(rowSenders));
      read += listed.length;
    }
    expect(read).toBeGreaterThan(0);
  });

  it('reads a row the sender cell finds nothing in by the other alternatives, row by row', () => {
    const doc = page(
      `<table>${rows(12, (i) =>
        i % 3 === 0
          ? `<div class="afn"><span email="aside${i}@example.com"></span></div><span data-hovercard-id="h${i}@example.com"></span>`
          : i % 3 === 1
            ? `<span data-hovercard-id="only${i}@example.com"></span>`
            : `<div class="yW"><span email="a${i}@example.com"></span><span email="b${i}@example.com"></span></div>`,
      )}${row('<font>Draft</font>')}</table>`,
    );
    const listed = Array.from(doc.querySelectorAll('tr.zA'));
    const read = rowsSenders(listed);
    expect(read).toEqual(listed.map(rowSenders));
    expect(
      read.map((els) => els.map((el) => el.getAttribute('email') ?? el.getAttribute('data-hovercard-id'))),
    ).toEqual([
      ['aside0@example.com'],
      ['only1@example.com'],
      ['a2@example.com', 'b2@example.com'],
      ['aside3@example.com'],
      ['only4@example.com'],
      ['a5@example.com', 'b5@example.com'],
      ['aside6@example.com'],
      ['only7@example.com'],
      ['a8@example.com', 'b8@example.com'],
      ['aside9@example.com'],
      ['only10@example.com'],
      ['a11@example.com', 'b11@example.com'],
      [],
    ]);
  });

  it('reads rows of two lists, and only the rows asked for', () => {
    const list = (name: string) =>
      `<table>${rows(6, (i) => `<div class="yW"><span email="${name}${i}@example.com"></span></div>`)}</table>`;
    const doc = page(`${list('first')}${list('second')}`);
    const all = Array.from(doc.querySelectorAll('tr.zA'));
    const asked = all.filter((_, i) => i % 3 !== 1);
    const read = rowsSenders(asked);
    expect(read).toEqual(asked.map(rowSenders));
    expect(read.map((els) => els.map((el) => el.getAttribute('email')))).toEqual(
      asked.map((r) => [r.querySelector('[email]')?.getAttribute('email')]),
    );
  });
});
