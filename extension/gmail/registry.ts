/**
 * Every Gmail surface, in the order a frame runs them. Adding a surface means adding it
 * here; test/gmail/conventions.test.ts checks that every surface file is listed.
 */
import { composeButton } from './compose-button';
import { rowBadges } from './row-badges';
import { sendLogger } from './send-logger';
import type { Surface } from './surface';
import { threadChip } from './thread-chip';

export const SURFACES: readonly Surface[] = [threadChip, rowBadges, composeButton, sendLogger];
