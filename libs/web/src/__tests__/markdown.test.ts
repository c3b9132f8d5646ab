import { describe, expect, it } from 'vitest';
import { escapeHtml, firstHeading, isSafeUrl, renderInline, renderMarkdown } from '../help/markdown';

describe('renderMarkdown', () => {
  it('renders headings, paragraphs and a rule', () => {
    expect(renderMarkdown('# Tiêu đề\n\nDòng một\ndòng hai.\n\n---\n## Phần 2')).toBe(
      '<h1>Tiêu đề</h1><p>Dòng một dòng hai.</p><hr><h2>Phần 2</h2>',
    );
  });

  it('renders bold, italic and inline code', () => {
    expect(renderInline('Bấm **Ký ban hành**, *nghiêng*, _cũng nghiêng_ và `/citizen/verify/<mã>`')).toBe(
      'Bấm <strong>Ký ban hành</strong>, <em>nghiêng</em>, <em>cũng nghiêng</em> và <code>/citizen/verify/&lt;mã&gt;</code>',
    );
    // underscores inside words and lone asterisks stay text
    expect(renderInline('staff_02200 và 2 * 3 * 4')).toBe('staff_02200 và 2 * 3 * 4');
  });

  it('renders ordered and unordered lists, with continuation lines and a nested list', () => {
    const md = ['1. **Bước một**: nhập', '   tên đăng nhập.', '2. Bước hai', '   - chi tiết a', '   - chi tiết b', '', '- x', '- y'].join('\n');
    expect(renderMarkdown(md)).toBe(
      '<ol><li><strong>Bước một</strong>: nhập tên đăng nhập.</li><li>Bước hai<ul><li>chi tiết a</li><li>chi tiết b</li></ul></li></ol>' +
        '<ul><li>x</li><li>y</li></ul>',
    );
  });

  it('keeps an ordered list together across blank lines and keeps its start number', () => {
    expect(renderMarkdown('1. a\n\n2. b')).toBe('<ol><li>a</li><li>b</li></ol>');
    expect(renderMarkdown('3. c\n4. d')).toBe('<ol start="3"><li>c</li><li>d</li></ol>');
  });

  it('renders a table', () => {
    expect(renderMarkdown('| vai trò | ứng dụng |\n|---|---|\n| **Cán bộ xã** | `/commune/` |')).toBe(
      '<table><thead><tr><th>vai trò</th><th>ứng dụng</th></tr></thead><tbody><tr><td><strong>Cán bộ xã</strong></td><td><code>/commune/</code></td></tr></tbody></table>',
    );
  });

  it('escapes raw HTML everywhere: <script> is shown as text, never run', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n# <img src=x onerror=alert(1)>\n\n- **<b>bold</b>**\n\n```\n<script>x</script>\n```');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(html).toContain('<pre><code>&lt;script&gt;x&lt;/script&gt;</code></pre>');
    expect(escapeHtml(`"'&`)).toBe('&quot;&#39;&amp;');
  });

  it('keeps links to http(s), mailto and relative targets only', () => {
    expect(renderInline('[Cổng](https://tuyenquang.gov.vn/a?b=1&c=2)')).toBe(
      '<a href="https://tuyenquang.gov.vn/a?b=1&amp;c=2" rel="noopener noreferrer">Cổng</a>',
    );
    expect(renderInline('[thư](mailto:a@b.vn)')).toBe('<a href="mailto:a@b.vn">thư</a>');
    expect(renderInline('[xem](can-bo-xa.md)')).toBe('<a href="can-bo-xa.md">xem</a>');
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/x', '/\\evil.example']) {
      expect(renderInline(`[bấm](${bad})`)).toBe('bấm');
    }
    expect(isSafeUrl('images/a.png')).toBe(true);
    expect(isSafeUrl('java\tscript:x')).toBe(false);
  });

  it('maps guide links through the link option', () => {
    expect(renderInline('[lãnh đạo](lanh-dao-xa.md)', { link: (h) => `/commune/help?guide=${h.replace('.md', '')}` })).toBe(
      '<a href="/commune/help?guide=lanh-dao-xa">lãnh đạo</a>',
    );
  });

  it('resolves images through the image option; missing or unsafe images show their alt text', () => {
    const image = (src: string) => (src === 'images/a.png' ? '/citizen/assets/a-123.png' : undefined);
    expect(renderMarkdown('![Trang chủ](images/a.png)', { image })).toBe('<p><img src="/citizen/assets/a-123.png" alt="Trang chủ" loading="lazy"></p>');
    expect(renderInline('![Chưa có](images/b.png)', { image })).toBe('<span class="md-missing-image">Chưa có</span>');
    expect(renderInline('![x"><script>](javascript:alert(1))', { image })).toBe('<span class="md-missing-image">x&quot;&gt;&lt;script&gt;</span>');
    expect(renderInline('![ảnh](https://example.org/a.png)')).toBe('<img src="https://example.org/a.png" alt="ảnh" loading="lazy">');
  });

  it('finds the title of a guide', () => {
    expect(firstHeading('Lời dẫn\n# Hướng dẫn cho cán bộ xã\n## 1.')).toBe('Hướng dẫn cho cán bộ xã');
  });
});
