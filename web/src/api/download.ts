// Files the API generates (exports) need the bearer token, so a plain <a href> cannot fetch them:
// the file is fetched through the client, then handed to the browser through an object URL.
import { apiResponse, type QueryValue } from './client';

/**
 * The name a Content-Disposition header gives: the UTF-8 `filename*` (RFC 6266/5987) when present,
 * else the plain `filename`.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  return (plain?.[1] ?? plain?.[2])?.trim() || null;
}

/** Fetches a file from the API and lets the browser save it under the server's name. */
export async function downloadFile(
  path: string,
  query: Record<string, QueryValue>,
  fallbackName: string,
): Promise<string> {
  const response = await apiResponse(path, { query });
  const name = filenameFromDisposition(response.headers.get('content-disposition')) ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has started the download; the browser keeps its own copy of the data.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return name;
}
