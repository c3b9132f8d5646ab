/** Codes typed or scanned at a checkpoint. */

/** A typed short code: upper case, letters and digits only, at most 8. */
export function normaliseShortCode(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, 8);
}

/** `K7M2QX9P` -> `K7M2 QX9P` (read aloud in two groups of four). */
export function groupShortCode(code: string): string {
  const c = normaliseShortCode(code);
  return c.length > 4 ? `${c.slice(0, 4)} ${c.slice(4)}` : c;
}

/**
 * What to look up from a scanned QR text: the opaque token as is (case matters), or the last path
 * segment / `code` parameter when the QR holds a link.
 */
export function codeFromQr(text: string): string {
  const t = text.trim();
  if (/^https?:\/\//i.test(t)) {
    try {
      const u = new URL(t);
      const p = u.searchParams.get('code') ?? u.searchParams.get('c') ?? u.searchParams.get('t');
      if (p) return p.trim();
      const seg = u.pathname.split('/').filter(Boolean).pop();
      if (seg) return decodeURIComponent(seg);
    } catch {
      /* not a link after all */
    }
  }
  return t;
}
