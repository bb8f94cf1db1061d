import type { ComponentChildren } from 'preact';

/** One term and its value in a `<dl class="facts">`; `wide` puts a long value under its term. */
export function Fact({
  term,
  children,
  wide,
}: {
  term: string;
  children: ComponentChildren;
  wide?: boolean;
}) {
  return (
    <div class={wide ? 'wide' : undefined}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
