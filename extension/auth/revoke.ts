/**
 * Withdrawing Payladder's access at Google on sign-out (issue 18 item 11): forgetting the
 * token in the browser is not enough, the grant would stay on the user's Google account
 * (myaccount.google.com/permissions) until they removed it by hand.
 *
 * `POST https://oauth2.googleapis.com/revoke` with the token as a form field revokes the
 * whole grant that token belongs to, every scope of it
 * (developers.google.com/identity/protocols/oauth2/web-server#tokenrevoke). The endpoint
 * does not answer CORS (Google's own implicit-flow sample posts a form for that reason),
 * and a host permission for it would be one more permission to ask for: the request goes
 * `no-cors`, a simple form POST any page may send. Its answer cannot be read, so the
 * caller says only that it was asked for, never that it was done.
 */

export const GOOGLE_REVOKE_URL = 'https://oauth2.googleapis.com/revoke';

/** Asks Google to revoke `token`'s grant; true when the request went out (its answer is opaque). */
export async function revokeGrant(fetchFn: typeof fetch, token: string): Promise<boolean> {
  try {
    await fetchFn(GOOGLE_REVOKE_URL, {
      method: 'POST',
      mode: 'no-cors',
      body: new URLSearchParams({ token }),
      // Never with the browser's Google cookies: the token says whose grant it is.
      credentials: 'omit',
    });
    return true;
  } catch {
    return false;
  }
}
