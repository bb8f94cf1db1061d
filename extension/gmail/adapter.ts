/**
 * The Gmail page adapter: everything Payladder reads from Gmail's DOM. Surfaces (status
 * chip, row badges, compose button) import from here or from `read/`, never from
 * `selectors.ts` directly: eslint.config.js refuses it and test/gmail/conventions.test.ts
 * checks it.
 */
export { routeOf, accountOf } from './routes';
export type { GmailView, ListView, ThreadView, ComposeView, OtherView } from './routes';
export { readListRows, readListRow } from './read/list-rows';
export type { ListRow } from './read/list-rows';
export { readThread, readThreadContainer, findThreadContainers, findReplyLink } from './read/thread';
export type { GmailThread, ThreadMessage } from './read/thread';
export { readComposeWindows, readCompose, findComposeRoots } from './read/compose';
export type { ComposeWindow, ComposeKind } from './read/compose';
export { readRecipients, recipientAddresses } from './read/recipients';
export type { Recipient, ComposeRecipients } from './read/recipients';
export { readComposeBody } from './read/compose-body';
export type { ComposeBody } from './read/compose-body';
export { normalizeAddress, parseAddressList } from './read/addresses';
export { censoredSkeleton, createSkeletonReporter } from './read/skeleton';
export type { SkeletonOptions } from './read/skeleton';
export type { RecipientField } from './selectors';
