import { useStore } from './context.ts';

/**
 * What the last action did. The live region stays in the page so screen readers announce
 * each new notice; an error says why and offers the same call again.
 */
export function NoticeBar() {
  const store = useStore();
  const t = store.t.value;
  const notice = store.notice.value;
  return (
    <div class="notices" role="status" aria-live="polite">
      {notice ? (
        <div class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
          <p>{notice.text}</p>
          <div class="row">
            {notice.retry ? (
              <button type="button" class="primary" onClick={notice.retry}>
                {t.retry}
              </button>
            ) : null}
            <button type="button" class="quiet" onClick={() => store.dismissNotice()}>
              {t.dismiss}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
