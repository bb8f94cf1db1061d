/**
 * The harness page's one entry. Imports run in order, so the fake google.script.run is on
 * the page before the sidebar's entry starts and loads the view. (One module rather than
 * two <script> tags: the dev server cannot serve `../main.tsx` from above its root by URL.)
 */
import './harness.ts';
import '../main.tsx';
