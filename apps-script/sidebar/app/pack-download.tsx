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
  const urls = useMemo(
    () => ({
      html: objectUrl(pack.html, 'text/html;charset=utf-8'),
      csv: objectUrl(pack.csv, 'text/csv;charset=utf-8'),
    }),
    [pack],
  );
  useEffect(
    () => () => {
      for (const url of Object.values(urls)) if (url) URL.revokeObjectURL(url);
    },
    [urls],
  );
  return (
    <p class="row pack">
      {urls.html ? (
        <a
          class="button secondary"
          href={urls.html}
          download={`${base}.html`}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t.downloadHtml}
        </a>
      ) : null}
      {urls.csv ? (
        <a
          class="button secondary"
          href={urls.csv}
          download={`${base}.csv`}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t.downloadCsv}
        </a>
      ) : null}
    </p>
  );
}

function objectUrl(text: string, type: string): string | null {
  // Some test DOMs have no createObjectURL; the notice still names the file.
  if (typeof URL.createObjectURL !== 'function') return null;
  return URL.createObjectURL(new Blob([text], { type }));
}
