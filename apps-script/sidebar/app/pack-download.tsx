import { useEffect, useMemo } from 'preact/hooks';
import type { PackResult } from '../../src/api.ts';
import { useStore } from './context.ts';

/**
 * Download links for the client's exported documentation pack. The pack comes back as
 * text; it becomes files here (Blob URLs) and is never rendered into the sidebar's page.
 * Links carry an explicit target: in HtmlService's IFRAME sandbox a link without one does
 * not leave the frame (Apps Script guide, "Migrating to IFRAME sandbox mode").
 */
export function PackDownload({ client }: { client: string }) {
  const store = useStore();
  const exported = store.exported.value;
  if (exported === null || exported.client !== client) return null;
  return <PackLinks pack={exported.pack} />;
}

function PackLinks({ pack }: { pack: PackResult }) {
  const t = useStore().t.value;
  const base = pack.filename.replace(/\.[a-z]+$/i, '');
  const files = useMemo(
    () => [
      { key: 'html', label: t.downloadHtml, name: `${base}.html`, url: objectUrl(pack.html, HTML) },
      { key: 'notes', label: t.downloadNotes, name: `${base}-notes.html`, url: objectUrl(pack.notes, HTML) },
      {
        key: 'statement',
        label: t.downloadStatement,
        name: `${base}-statement.csv`,
        url: objectUrl(pack.statementCsv, CSV),
      },
      {
        key: 'chasing',
        label: t.downloadChasing,
        name: `${base}-chasing.csv`,
        url: objectUrl(pack.chasingCsv, CSV),
      },
    ],
    [pack, t, base],
  );
  useEffect(
    () => () => {
      for (const f of files) if (f.url) URL.revokeObjectURL(f.url);
    },
    [files],
  );
  return (
    <p class="row pack">
      {files.map((f) =>
        f.url ? (
          <a
            key={f.key}
            class="button secondary"
            href={f.url}
            download={f.name}
            target="_blank"
            rel="noopener noreferrer"
          >
            {f.label}
          </a>
        ) : null,
      )}
    </p>
  );
}

const HTML = 'text/html;charset=utf-8';
const CSV = 'text/csv;charset=utf-8';

function objectUrl(text: string, type: string): string | null {
  // Some test DOMs have no createObjectURL; the notice still names the file.
  if (typeof URL.createObjectURL !== 'function') return null;
  return URL.createObjectURL(new Blob([text], { type }));
}
