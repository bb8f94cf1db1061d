// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { censoredSkeleton, createSkeletonReporter } from '../../extension/gmail/read/skeleton';
import { fixtureDirs, fixturesOf, loadFixture, parsePage } from './fixture-set';

const page = (html: string): Document => parsePage(html, true);

describe('censoredSkeleton', () => {
  it('keeps tags, attribute names and roles; drops text and every other value', () => {
    const doc =
      page(`<div role="dialog" class="nH Hd" aria-label="Invoice 2026-014 for giulia.conti@example.com">
      <span email="giulia.conti@example.com" name="Giulia Conti">Giulia Conti</span> owes EUR 4,800.00</div>`);
    expect(censoredSkeleton(doc.body)).toBe(
      ['body', '  div[role=dialog] {aria-label,class}', '    span {email,name}'].join('\n'),
    );
  });

  it('does not enter message bodies or editables', () => {
    const doc = page(`<div class="a3s"><p><b>secret structure</b></p></div>
      <div g_editable="true" role="textbox"><div><br></div></div>`);
    expect(censoredSkeleton(doc.body)).toBe(
      ['body', '  div {class} …', '  div[role=textbox] {g_editable} …'].join('\n'),
    );
  });

  it('prints repeated siblings once, with a count', () => {
    const doc = page(
      `<table><tbody>${'<tr class="zA"><td><span email="x@example.com">x</span></td></tr>'.repeat(12)}</tbody></table>`,
    );
    expect(censoredSkeleton(doc.body)).toBe(
      ['body', '  table', '    tbody', '      tr {class} ×12', '        td', '          span {email}'].join(
        '\n',
      ),
    );
  });

  it('prints an unusual role as "?" rather than echo it', () => {
    const doc = page('<div role="giulia.conti@example.com"></div>');
    expect(censoredSkeleton(doc.body)).toContain('div[role=?]');
  });

  it('stops at the line and depth limits and says so', () => {
    const doc = page(
      '<div><div><div><div><span></span></div></div></div></div>' + '<p></p><i></i>'.repeat(20),
    );
    const deep = censoredSkeleton(doc.body, { maxDepth: 2 });
    expect(deep).toContain('div … (deeper levels omitted)');
    const short = censoredSkeleton(doc.body, { maxLines: 5 }).split('\n');
    expect(short).toHaveLength(6);
    expect(short.at(-1)).toBe('… cut at 5 lines');
  });

  it.each(fixturesOf(fixtureDirs()).map((f) => [`${f.dir.label}/${f.name}`, f] as const))(
    'shows no address, name or subject of %s',
    (_name, fixture) => {
      const { doc, expected } = loadFixture(fixture);
      const skeleton = censoredSkeleton(doc, { maxLines: 100_000 });
      expect(skeleton.length).toBeGreaterThan(100);
      expect(skeleton).not.toContain('@');
      const secrets = [
        ...(expected.rows ?? []).flatMap((r) => r.senders),
        ...(expected.thread ? [expected.thread.subject, ...expected.thread.participants] : []),
        ...(expected.compose ? [expected.compose.subject, ...expected.compose.to] : []),
      ].filter((s) => s.length > 3);
      for (const secret of secrets) expect(skeleton).not.toContain(secret);
    },
  );
});

describe('createSkeletonReporter', () => {
  it('logs each missing anchor once per page load', () => {
    const logged: string[] = [];
    const report = createSkeletonReporter((m) => logged.push(m));
    const doc = page('<div role="main"></div>');
    report('composeSend', doc);
    report('composeSend', doc);
    report('threadSubject', doc);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toContain('"composeSend" not found');
    expect(logged[0]).toContain('div[role=main]');
  });
});
