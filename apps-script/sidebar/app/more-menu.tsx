import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useStore } from './context.ts';

export interface MoreItem {
  key: string;
  label: string;
  onSelect: () => void;
  /** Shows the item as the one that cannot be taken back (Write off). */
  danger?: boolean;
  /** The panel this item opens is showing. */
  expanded?: boolean;
}

/**
 * The card's other actions behind one *More* button: a disclosure (a button that shows a
 * list of buttons), so Tab and Enter work as everywhere else in the sidebar. Escape closes
 * it and gives the focus back to *More*; choosing an item closes it too.
 */
export function MoreMenu({ label, items }: { label: string; items: readonly MoreItem[] }) {
  const store = useStore();
  const t = store.t.value;
  const id = useId();
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (open) list.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [open]);

  if (items.length === 0) return null;
  return (
    <div
      class="more"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          toggle.current?.focus();
        }
      }}
    >
      <button
        ref={toggle}
        type="button"
        class="secondary more-toggle"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-label={label}
        onClick={() => setOpen(!open)}
      >
        {t.more} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      {open ? (
        <ul id={`${id}-list`} class="more-list" ref={list}>
          {items.map((item) => (
            <li key={item.key}>
              <button
                type="button"
                class={item.danger ? 'more-item danger-text' : 'more-item'}
                aria-expanded={item.expanded}
                onClick={() => {
                  setOpen(false);
                  // Back on More; an item that opens a form then moves the focus into it.
                  toggle.current?.focus();
                  item.onSelect();
                }}
              >
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
