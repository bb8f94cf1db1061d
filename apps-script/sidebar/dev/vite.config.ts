/**
 * The dev harness: `npm run dev:sidebar` serves the sidebar on localhost with a fake
 * `google.script.run` (harness.ts). The e2e tests build the same page and serve it
 * statically. Never deployed: only `../vite.config.ts` builds what Apps Script serves.
 */
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  plugins: [preact({ prefreshEnabled: false })],
  server: { host: '127.0.0.1', port: 5178, strictPort: false },
  build: {
    outDir: fileURLToPath(new URL('../../../test-results/sidebar-harness', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
});
