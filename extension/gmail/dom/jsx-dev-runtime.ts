// What vitest's JSX transform imports: the same runtime (no dev-only checks).
import { type DomProps, jsx } from './jsx-runtime';

export { Fragment } from './jsx-runtime';
export type { JSX } from './jsx-runtime';

export const jsxDEV = <P>(type: string | ((props: P) => HTMLElement), props: P & DomProps): HTMLElement =>
  jsx(type, props);
