import { PdfService, vietnameseDateLine, type OfficialDocumentSpec } from '../src/common/pdf/pdf.service';
import type { AppConfig } from '../src/config/app-config';

interface TextItem {
  str: string;
  transform: number[];
}

interface ExtractedPdf {
  pages: { width: number; height: number; items: TextItem[] }[];
  text: string;
  info: Record<string, unknown>;
}

/** Text of every page with pdfjs-dist (legacy build, ESM: loaded dynamically; no worker in Node). */
async function extract(pdf: Buffer): Promise<ExtractedPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false });
  const doc = await task.promise;
  const pages: ExtractedPdf['pages'] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    const content = await page.getTextContent();
    pages.push({ width: x1 - x0, height: y1 - y0, items: content.items.filter((i): i is TextItem & typeof i => 'str' in i).map((i) => ({ str: i.str, transform: i.transform as number[] })) });
  }
  const { info } = await doc.getMetadata();
  await task.destroy();
  return { pages, text: pages.flatMap((p) => p.items.map((i) => i.str)).join('\n'), info: info as Record<string, unknown> };
}

const spec: OfficialDocumentSpec = {
  issuerParent: 'UBND HUYỆN NA HANG',
  issuer: 'ỦY BAN NHÂN DÂN XÃ THƯỢNG GIÁP',
  numberText: '12/QĐ-UBND',
  placeName: 'Thượng Giáp',
  date: new Date('2022-03-12T02:30:00Z'),
  title: 'QUYẾT ĐỊNH',
  subject: 'Về việc cách ly y tế tại nhà đối với người nhiễm COVID-19',
  authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG GIÁP',
  basis: [
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
    'Căn cứ Luật Phòng, chống bệnh truyền nhiễm ngày 21 tháng 11 năm 2007;',
    'Căn cứ Quyết định số 4109/QĐ-BYT ngày 03 tháng 9 năm 2021 của Bộ Y tế về việc ban hành Hướng dẫn chẩn đoán và điều trị COVID-19;',
    'Theo đề nghị của Trạm Y tế xã Thượng Giáp.',
  ],
  decisionHeading: 'QUYẾT ĐỊNH:',
  articles: [
    { heading: 'Điều 1.', text: 'Cách ly y tế tại nhà đối với bà Nguyễn Thị Hường, sinh ngày 05/01/1985, số định danh cá nhân 008185012345, nơi cách ly: thôn Nà Khà, xã Thượng Giáp, huyện Na Hang, tỉnh Tuyên Quang.\nThời gian cách ly: 07 ngày, từ ngày 10/3/2022 đến hết ngày 16/3/2022.' },
    { heading: 'Điều 2.', text: 'Người được cách ly có trách nhiệm chấp hành nghiêm các quy định về cách ly y tế tại nhà, tự theo dõi sức khỏe và khai báo hằng ngày.' },
    { heading: 'Điều 3.', text: 'Quyết định có hiệu lực kể từ ngày ký. Trạm Y tế xã, Công an xã và bà Nguyễn Thị Hường chịu trách nhiệm thi hành Quyết định này.' },
  ],
  recipients: ['Như Điều 3;', 'UBND huyện Na Hang (b/c);', 'Lưu: VT.'],
  signer: { titleLines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Hoàng Văn Quý' },
  qr: { url: 'https://cordon.example.vn/citizen/verify/ABCD1234EFGH', caption: 'Quét mã để kiểm tra văn bản' },
};

describe('PDF renderer', () => {
  const pdf = new PdfService();
  afterAll(() => pdf.onApplicationShutdown());

  it('formats the place and date as Decree 30 asks (Asia/Ho_Chi_Minh, leading zeros for days < 10 and months 1-2)', () => {
    expect(vietnameseDateLine('Thượng Giáp', new Date('2022-03-12T02:30:00Z'))).toBe('Thượng Giáp, ngày 12 tháng 3 năm 2022');
    expect(vietnameseDateLine('Yên Sơn', new Date('2022-02-04T18:00:00Z'))).toBe('Yên Sơn, ngày 05 tháng 02 năm 2022');
    expect(vietnameseDateLine('Yên Sơn', new Date('2021-12-31T17:30:00Z'))).toBe('Yên Sơn, ngày 01 tháng 01 năm 2022');
  });

  it('renders an official document whose Vietnamese text round-trips, on one A4 page, with Tinos embedded', async () => {
    const bytes = await pdf.renderOfficialDocument(spec);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.includes('Tinos')).toBe(true);
    const { pages, text, info } = await extract(bytes);
    expect(pages).toHaveLength(1);
    expect(Math.round(pages[0].width)).toBe(595);
    expect(Math.round(pages[0].height)).toBe(842);
    const lines = pages[0].items.map((i) => i.str);
    // Header lines are whole lines (nothing wraps in the header table).
    for (const line of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 12/QĐ-UBND', 'Thượng Giáp, ngày 12 tháng 3 năm 2022', 'UBND HUYỆN NA HANG', 'QUYẾT ĐỊNH', 'QUYẾT ĐỊNH:', 'TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Hoàng Văn Quý', 'Nơi nhận:', 'Quét mã để kiểm tra văn bản']) {
      expect(lines).toContain(line);
    }
    expect(text).toContain('Nguyễn Thị Hường');
    expect(text).toContain('Điều 1.');
    expect(text).toContain('Điều 3.');
    expect(text).toContain('Căn cứ Luật Phòng, chống bệnh truyền nhiễm');
    // National motto on the right of the issuer, both on the top line; the signer at the bottom right.
    const at = (s: string) => pages[0].items.find((i) => i.str === s)!.transform;
    expect(at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')[4]).toBeGreaterThan(at('UBND HUYỆN NA HANG')[4]);
    expect(Math.abs(at('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')[5] - at('UBND HUYỆN NA HANG')[5])).toBeLessThan(2);
    expect(at('Hoàng Văn Quý')[4]).toBeGreaterThan(595 / 2);
    expect(at('Hoàng Văn Quý')[5]).toBeLessThan(at('Điều 3.')[5]);
    expect(info).toMatchObject({ Title: 'QUYẾT ĐỊNH 12/QĐ-UBND', Author: 'Cordon' });
  });

  it('gives the same bytes for the same spec', async () => {
    const [a, b] = await Promise.all([pdf.renderOfficialDocument(spec), pdf.renderOfficialDocument(spec)]);
    expect(a.equals(b)).toBe(true);
  });

  it('gives the same bytes in its worker threads as on the event loop (PDF_WORKERS=0), whatever was rendered before', async () => {
    const onLoop = new PdfService({ PDF_WORKERS: 0 } as AppConfig);
    const minimal: OfficialDocumentSpec = { ...spec, recipients: undefined, qr: undefined, numberText: '7/QĐ-UBND' };
    // The workers render many documents concurrently (font tables decoded once, shared by later documents).
    const inWorkers = await Promise.all([spec, minimal, spec, minimal, spec].map((s) => pdf.renderOfficialDocument(s)));
    const fresh = [await onLoop.renderOfficialDocument(minimal), await onLoop.renderOfficialDocument(spec)];
    expect(inWorkers[1].equals(fresh[0])).toBe(true);
    expect(inWorkers[3].equals(fresh[0])).toBe(true);
    for (const i of [0, 2, 4]) expect(inWorkers[i].equals(fresh[1])).toBe(true);
    const poster = { title: 'Khai báo', lines: ['Quét mã QR'], url: 'https://cordon.example.vn/x', footer: 'UBND', date: spec.date };
    expect((await pdf.renderPoster(poster)).equals(await onLoop.renderPoster(poster))).toBe(true);
    await onLoop.onApplicationShutdown();
  });

  it('fails a document that cannot be rendered, and renders the next ones', async () => {
    await expect(pdf.renderTables({ title: 'x', sections: [{ heading: 'h', widths: [10], rows: [['a', 'b']] }], date: spec.date })).rejects.toThrow();
    expect((await pdf.renderOfficialDocument(spec)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('renders a minimal document (no authority, basis, recipients or QR)', async () => {
    const bytes = await pdf.renderOfficialDocument({ ...spec, authority: undefined, basis: [], decisionHeading: undefined, recipients: undefined, qr: undefined, title: 'Giấy xác nhận', subject: 'Hoàn thành cách ly y tế', articles: [{ heading: '', text: 'Xác nhận bà Nguyễn Thị Hường đã hoàn thành cách ly.' }] });
    const { pages, text } = await extract(bytes);
    expect(pages).toHaveLength(1);
    expect(text).toContain('GIẤY XÁC NHẬN');
    expect(text).toContain('Nguyễn Thị Hường');
  });

  it('continues on a second page when the body is long', async () => {
    const articles = Array.from({ length: 12 }, (_, i) => ({ heading: `Điều ${i + 1}.`, text: 'Nội dung dài về việc thực hiện các biện pháp phòng, chống dịch bệnh COVID-19 trên địa bàn xã. '.repeat(4) }));
    const { pages, text } = await extract(await pdf.renderOfficialDocument({ ...spec, articles }));
    expect(pages.length).toBeGreaterThan(1);
    expect(text).toContain('Điều 12.');
    expect(text).toContain('Hoàng Văn Quý');
  });

  it('renders a poster with a big QR code and Vietnamese text', async () => {
    const bytes = await pdf.renderPoster({
      title: 'Khai báo nhiễm COVID-19 (F0)',
      lines: ['Quét mã QR bằng điện thoại', 'Điền thông tin và ảnh kết quả xét nghiệm', 'Trạm Y tế xã sẽ liên hệ với bạn'],
      url: 'https://cordon.example.vn/citizen/reports/new?commune=02230',
      footer: 'Ủy ban nhân dân xã Thượng Giáp - Đường dây nóng: 1900 9095',
      date: new Date('2022-03-12T00:00:00Z'),
    });
    expect(bytes.includes('Tinos')).toBe(true);
    const { pages, text } = await extract(bytes);
    expect(pages).toHaveLength(1);
    expect(Math.round(pages[0].width)).toBe(595);
    expect(text).toContain('Khai báo nhiễm COVID-19 (F0)');
    expect(text).toContain('Điền thông tin và ảnh kết quả xét nghiệm');
    expect(text).toContain('Đường dây nóng: 1900 9095');
  });
});
