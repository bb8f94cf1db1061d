/**
 * What the build was configured with (see wxt.config.ts). Read through `typeof` so unit
 * tests, which have no build, see an unconfigured build rather than a ReferenceError.
 */
import type { AuthConfig } from './auth/auth.ts';

declare const __PAYLADDER_OAUTH_CLIENT_ID__: string | undefined;
declare const __PAYLADDER_WEB_OAUTH_CLIENT_ID__: string | undefined;

export const BUILD_AUTH: AuthConfig = {
  chromeClientId: typeof __PAYLADDER_OAUTH_CLIENT_ID__ === 'string' ? __PAYLADDER_OAUTH_CLIENT_ID__ : '',
  webClientId: typeof __PAYLADDER_WEB_OAUTH_CLIENT_ID__ === 'string' ? __PAYLADDER_WEB_OAUTH_CLIENT_ID__ : '',
};
