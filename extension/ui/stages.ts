/**
 * Stage colours, shared by the chips, the chart and the toolbar badge. Warm and darker as
 * the ladder climbs; greys for states that need nothing; each reads with white text at
 * WCAG AA contrast (4.5:1) or better.
 */
import type { Stage } from '../../shared/index.ts';

export const STAGE_COLORS: Readonly<Record<Stage, string>> = {
  current: '#5f6368',
  upcoming: '#1967d2',
  reminder: '#8a5a00',
  followup: '#b04a00',
  final: '#c5221f',
  stop_work: '#a50e0e',
  demand: '#7b1fa2',
  small_claims: '#4a148c',
  disputed: '#8d4e00',
  on_hold: '#5f6368',
  renegotiated: '#00707a',
  paid: '#137333',
  cancelled: '#5f6368',
  written_off: '#5f6368',
  promised: '#0b6e99',
  broken_promise: '#a50e0e',
};

/** The badge's colour for an error (`!`). */
export const ERROR_COLOR = '#c5221f';
