/**
 * gzip + base64 with the platform's CompressionStream (service workers, pages and Node 18+).
 * `storage.local` holds 10 MB without the `unlimitedStorage` permission; a 100,000-milestone
 * ledger is about 40 MB of JSON and about 4 MB compressed.
 */

export async function gzipBase64(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return toBase64(new Uint8Array(await new Response(stream).arrayBuffer()));
}

export async function gunzipBase64(data: string): Promise<string> {
  const stream = new Blob([fromBase64(data)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

// btoa wants a "binary string"; built in slices, as String.fromCharCode(...bytes) overflows the
// argument limit on megabytes.
const SLICE = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

export function fromBase64(data: string): Uint8Array<ArrayBuffer> {
  const binary = atob(data);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
