/**
 * A small, safe Markdown renderer for the user guides (docs/guides/*.md): headings, paragraphs, ordered and
 * unordered lists (nested by indentation), tables, rules, fenced code, and inline bold, italic, code, links and
 * images. Every piece of text is HTML-escaped: raw HTML in the source shows as text. Links keep only http(s),
 * mailto and relative targets; images only http(s) and relative sources. The output is meant for v-html.
 */
export interface MarkdownOptions {
  /** Maps a relative image path (e.g. `images/x.png`) to its URL; undefined: the image is missing (alt text shows). */
  image?: (src: string) => string | undefined;
  /** Maps a link target to an href (e.g. another guide to the help route); the default keeps it as it is. */
  link?: (href: string) => string;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/** http(s) or mailto, or relative (no scheme, not protocol-relative). */
export function isSafeUrl(url: string, allowMailto = true): boolean {
  const u = url.trim();
  if (/^https?:\/\//i.test(u)) return true;
  if (allowMailto && /^mailto:/i.test(u)) return true;
  // A scheme is letters then ':' before any '/', '?' or '#'; backslashes and control characters are refused.
  return !/^[a-z][a-z0-9+.-]*:/i.test(u) && !/^[/\\]{2}/.test(u) && !u.includes('\\') && ![...u].some((c) => c < ' ');
}

const URL_PART = String.raw`((?:[^()\s]|\([^()\s]*\))+)`; // a URL, with balanced parentheses one deep
const INLINE = new RegExp(
  String.raw`\x60([^\x60]+)\x60|!\[([^\]]*)\]\(${URL_PART}\)|\[([^\]]+)\]\(${URL_PART}\)|\*\*(.+?)\*\*|\*([^*\s](?:.*?[^*\s])?)\*|(?<![\p{L}\p{N}_])_([^_\s](?:.*?[^_\s])?)_(?![\p{L}\p{N}_])`,
  'gu',
);

export function renderInline(text: string, opts: MarkdownOptions = {}): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    out += escapeHtml(text.slice(last, m.index));
    last = m.index! + m[0].length;
    const [, code, alt, src, label, href, bold, em1, em2] = m;
    if (code !== undefined) out += `<code>${escapeHtml(code)}</code>`;
    else if (src !== undefined) {
      const url = isSafeUrl(src, false) ? (/^https?:/i.test(src) ? src : opts.image ? opts.image(src) : src) : undefined;
      out += url ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt ?? '')}" loading="lazy">` : `<span class="md-missing-image">${escapeHtml(alt ?? '')}</span>`;
    } else if (href !== undefined) {
      const inner = renderInline(label!, opts);
      if (!isSafeUrl(href)) out += inner;
      else {
        const external = /^https?:/i.test(href);
        const target = external ? href : (opts.link?.(href) ?? href);
        out += `<a href="${escapeHtml(target)}"${external ? ' rel="noopener noreferrer"' : ''}>${inner}</a>`;
      }
    } else if (bold !== undefined) out += `<strong>${renderInline(bold, opts)}</strong>`;
    else out += `<em>${renderInline((em1 ?? em2)!, opts)}</em>`;
  }
  return out + escapeHtml(text.slice(last));
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const FENCE = /^\s*```/;
const TABLE_SEP = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const indentOf = (line: string): number => line.match(/^\s*/)![0].replace(/\t/g, '    ').length;
const cells = (row: string): string[] => row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
const lastOf = (a: string[]): string | undefined => a[a.length - 1];
function sibling(line: string, indent: number, ordered: boolean): boolean {
  const m = line.match(ITEM);
  return !!m && indentOf(line) === indent && /\d/.test(m[2]!) === ordered;
}
const startsBlock = (line: string, next = ''): boolean =>
  HEADING.test(line) || RULE.test(line) || ITEM.test(line) || FENCE.test(line) || (line.includes('|') && TABLE_SEP.test(next));

function renderBlocks(lines: string[], opts: MarkdownOptions): string {
  let html = '';
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    let m: RegExpMatchArray | null;
    if (!line.trim()) {
      i++;
    } else if (FENCE.test(line)) {
      const body: string[] = [];
      for (i++; i < lines.length && !FENCE.test(lines[i]!); i++) body.push(lines[i]!);
      i++;
      html += `<pre><code>${escapeHtml(body.join('\n'))}</code></pre>`;
    } else if ((m = line.match(HEADING))) {
      const level = m[1]!.length;
      html += `<h${level}>${renderInline(m[2]!, opts)}</h${level}>`;
      i++;
    } else if (RULE.test(line)) {
      html += '<hr>';
      i++;
    } else if (line.includes('|') && TABLE_SEP.test(lines[i + 1] ?? '')) {
      const head = cells(line);
      html += `<table><thead><tr>${head.map((c) => `<th>${renderInline(c, opts)}</th>`).join('')}</tr></thead><tbody>`;
      for (i += 2; i < lines.length && lines[i]!.includes('|') && lines[i]!.trim(); i++) {
        html += `<tr>${cells(lines[i]!).map((c) => `<td>${renderInline(c, opts)}</td>`).join('')}</tr>`;
      }
      html += '</tbody></table>';
    } else if ((m = line.match(ITEM))) {
      const base = indentOf(line);
      const ordered = /\d/.test(m[2]!);
      const start = ordered ? parseInt(m[2]!, 10) : 1;
      const items: string[][] = [];
      while (i < lines.length) {
        const cur = lines[i]!;
        if (sibling(cur, base, ordered)) {
          items.push([cur.match(ITEM)![3]!]);
          i++;
        } else if (cur.trim() && indentOf(cur) > base) {
          items[items.length - 1]!.push(cur.replace(new RegExp(`^\\s{0,${base + 4}}`), ''));
          i++;
        } else if (!cur.trim() && i + 1 < lines.length && lines[i + 1]!.trim() && indentOf(lines[i + 1]!) > base) {
          items[items.length - 1]!.push(''); // a blank line inside an item
          i++;
        } else if (!cur.trim() && sibling(lines[i + 1] ?? '', base, ordered)) {
          i++; // a blank line between two items of this list
        } else if (cur.trim() && !startsBlock(cur) && lastOf(items[items.length - 1]!) !== '') {
          items[items.length - 1]!.push(cur.trim()); // a lazy continuation line
          i++;
        } else break;
      }
      const tag = ordered ? 'ol' : 'ul';
      html += `<${tag}${ordered && start !== 1 ? ` start="${start}"` : ''}>`;
      for (const item of items) {
        const inner = renderBlocks(item, opts);
        // A tight item is one paragraph (maybe followed by a nested list): no <p> around its text.
        html += `<li>${inner.replace(/^<p>([\s\S]*?)<\/p>(?=$|<[uo]l)/, '$1')}</li>`;
      }
      html += `</${tag}>`;
    } else {
      const para: string[] = [];
      while (i < lines.length && lines[i]!.trim() && (para.length === 0 || !startsBlock(lines[i]!, lines[i + 1]))) para.push(lines[i++]!.trim());
      html += `<p>${renderInline(para.join(' '), opts)}</p>`;
    }
  }
  return html;
}

/** Markdown to HTML (escaped, see the module comment). */
export function renderMarkdown(source: string, opts: MarkdownOptions = {}): string {
  return renderBlocks(source.replace(/\r\n?/g, '\n').split('\n'), opts);
}

/** The text of the first `# ` heading (the guide's title), or ''. */
export function firstHeading(source: string): string {
  return source.match(/^#\s+(.*?)\s*$/m)?.[1] ?? '';
}
