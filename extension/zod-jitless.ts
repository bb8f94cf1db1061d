/**
 * Imported first by every extension bundle that holds zod (the background, and the pages'
 * validation chunk), before any schema parses anything.
 *
 * zod 4 compiles object validators with `new Function` unless told otherwise: MV3's CSP
 * refuses it at run time anyway (zod then falls back after a failed probe, which strict
 * CSPs report as a violation), and Mozilla's review flags it (`DANGEROUS_EVAL`). Jitless,
 * zod validates by walking the schema. The code itself is also cut from the bundles at
 * build time (scripts/store-safe.ts), so the stores' linters see none of it.
 */
import * as z from 'zod';

z.config({ jitless: true });
