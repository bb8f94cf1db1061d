/** Payladder's domain core: every surface imports from here. */
export * from './model.ts';
export {
  isOpen,
  isBusinessParty,
  BUSINESS_KINDS,
  CHANNELS,
  WRITTEN_CHANNELS,
  type BusinessKind,
  type ChannelKind,
} from './stages.ts';
export * from './dates.ts';
export * from './money.ts';
export * from './amounts.ts';
export * from './tabs.ts';
export * from './cells.ts';
export * from './jurisdictions.ts';
export * from './problems.ts';
export * from './parse.ts';
export * from './ladder.ts';
export * from './behaviour.ts';
export * from './report.ts';
export * from './match.ts';
export * from './json-report.ts';
export * from './computed.ts';
export * from './demo.ts';
export * from './law/rates.ts';
export * from './law/interest.ts';
export * from './law/small-claims.ts';
export * from './law/notice-period.ts';
export * from './law/notices.ts';
export * from './law/party.ts';
export * from './format.ts';
export * from './plans.ts';
export * from './law/bad-debt.ts';
export * from './messages/templates.ts';
export * from './messages/render.ts';
export * from './messages/compose.ts';
export * from './pack/build.ts';
export * from './pack/html.ts';
export * from './pack/csv.ts';
export * from './stage-labels.ts';
export * from './stage-look.ts';
export * from './today.ts';
export * from './pack/notes.ts';
export * from './pack/words.ts';
