import { Inject, Injectable, Optional, type OnApplicationShutdown } from '@nestjs/common';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { AppConfig } from '../../config/app-config';
import { defaultPdfWorkers, PdfWorkerPool, renderOnThisThread, type FontFiles } from './pdf-worker-pool';

/** An administrative document (isolation decision, recovery confirmation) in the layout of Decree 30/2020/NĐ-CP. */
export interface OfficialDocumentSpec {
  /** The body above the issuer, e.g. 'UBND HUYỆN NA HANG' (written in capitals). */
  issuerParent: string;
  /** The issuing body, e.g. 'ỦY BAN NHÂN DÂN XÃ THƯỢNG GIÁP' (written in bold capitals). */
  issuer: string;
  /** e.g. '12/QĐ-UBND' (rendered as 'Số: 12/QĐ-UBND'). */
  numberText: string;
  /** Where it is issued, e.g. 'Thượng Giáp'. */
  placeName: string;
  /** The date of issue (its calendar day in Asia/Ho_Chi_Minh); also the PDF's creation date. */
  date: Date;
  /** e.g. 'QUYẾT ĐỊNH' (written in capitals). */
  title: string;
  /** e.g. 'Về việc cách ly y tế tại nhà đối với người nhiễm COVID-19'. */
  subject: string;
  /** e.g. 'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG GIÁP'. */
  authority?: string;
  /** Each 'Căn cứ ...;' (italic). */
  basis: string[];
  /** e.g. 'QUYẾT ĐỊNH:'. */
  decisionHeading?: string;
  /** e.g. { heading: 'Điều 1.', text: '...' }; a newline in text starts a new paragraph. */
  articles: { heading: string; text: string }[];
  /** The 'Nơi nhận:' list, e.g. ['Như Điều 3;', 'Lưu: VT.']. */
  recipients?: string[];
  signer: { titleLines: string[]; name: string };
  /** A QR code (bottom left) opening the public verification page. */
  qr?: { url: string; caption: string };
}

export interface TablesSpec {
  title: string;
  subtitle?: string;
  sections: { heading: string; header?: string[]; widths?: (number | string)[]; rows: string[][] }[];
  footer?: string;
  date?: Date;
}

export interface PosterSpec {
  title: string;
  /** Short instructions, one per line. */
  lines: string[];
  /** What the big QR code opens. */
  url: string;
  footer: string;
  /** The PDF's creation date (default: now). */
  date?: Date;
}

/** Slips to hand out and cut apart, three to an A4 page (one-time activation codes). */
export interface SlipsSpec {
  title: string;
  slips: { heading: string; lines: [label: string, value: string][]; code: { label: string; value: string }; note: string }[];
  date?: Date;
}

const MM = 72 / 25.4;
const A4_WIDTH = 595.28;
/** Decree 30/2020/NĐ-CP, Appendix I: top 20-25 mm, bottom 20-25 mm, left 30-35 mm, right 15-20 mm. */
const MARGINS = { left: 30 * MM, top: 20 * MM, right: 15 * MM, bottom: 20 * MM };
/** Three slips, their cut lines and margins fill an A4 page. */
const SLIP_HEIGHT = 235;
const CONTENT_WIDTH = A4_WIDTH - MARGINS.left - MARGINS.right;
const HEADER_LEFT_WIDTH = 190;
const HEADER_RIGHT_WIDTH = CONTENT_WIDTH - HEADER_LEFT_WIDTH;
const FONT = 'Tinos';
const ZONE = 'Asia/Ho_Chi_Minh';

function fontFile(path: string): string {
  return require.resolve(`@expo-google-fonts/tinos/${path}`);
}

/** A short horizontal rule, centred in its column. */
function rule(length: number, margin: [number, number, number, number] = [0, 3, 0, 3]): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: length, y2: 0, lineWidth: 0.6 }], alignment: 'center', margin };
}

/** 'Thượng Giáp, ngày 12 tháng 3 năm 2022': a day below 10 and the months 1 and 2 get a leading zero (Decree 30). */
export function vietnameseDateLine(placeName: string, date: Date): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', { timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date).map((p) => [p.type, p.value]));
  const day = Number(parts.day);
  const month = Number(parts.month);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${placeName}, ngày ${dd} tháng ${mm} năm ${parts.year}`;
}

/**
 * The one PDF renderer of the platform (pdfmake on the server, Tinos fonts embedded: Times-like, with every
 * Vietnamese glyph). The same spec gives the same bytes: the creation date comes from the spec. Documents render
 * off the event loop in PDF_WORKERS worker threads (pdf-render.cjs), terminated when the application shuts down.
 */
@Injectable()
export class PdfService implements OnApplicationShutdown {
  private readonly pool?: PdfWorkerPool;
  private readonly renderHere?: (definition: TDocumentDefinitions) => Promise<Buffer>;

  constructor(@Optional() @Inject(AppConfig) config?: AppConfig) {
    const fonts: FontFiles = {
      [FONT]: {
        normal: fontFile('400Regular/Tinos_400Regular.ttf'),
        bold: fontFile('700Bold/Tinos_700Bold.ttf'),
        italics: fontFile('400Regular_Italic/Tinos_400Regular_Italic.ttf'),
        bolditalics: fontFile('700Bold_Italic/Tinos_700Bold_Italic.ttf'),
      },
    };
    const workers = config?.PDF_WORKERS ?? defaultPdfWorkers();
    if (workers > 0) this.pool = new PdfWorkerPool(workers, fonts);
    else this.renderHere = renderOnThisThread(fonts);
  }

  /** After the HTTP server has drained (documents of requests in flight still render), not before. */
  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
  }

  renderOfficialDocument(spec: OfficialDocumentSpec): Promise<Buffer> {
    const header: Content = {
      table: {
        widths: [HEADER_LEFT_WIDTH, HEADER_RIGHT_WIDTH],
        body: [
          [
            {
              stack: [
                { text: spec.issuerParent.toUpperCase(), fontSize: 12.5 },
                { text: spec.issuer.toUpperCase(), fontSize: 12.5, bold: true },
                rule(60),
                { text: `Số: ${spec.numberText}`, fontSize: 13, margin: [0, 4, 0, 0] },
              ],
              alignment: 'center',
            },
            {
              stack: [
                { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', fontSize: 12.5, bold: true },
                { text: 'Độc lập - Tự do - Hạnh phúc', fontSize: 13, bold: true },
                rule(165),
                { text: vietnameseDateLine(spec.placeName, spec.date), fontSize: 13, italics: true, margin: [0, 4, 0, 0] },
              ],
              alignment: 'center',
            },
          ],
        ],
      },
      layout: 'flush',
    };

    const body: Content[] = [
      header,
      { text: spec.title.toUpperCase(), style: 'title', margin: [0, 22, 0, 0] },
      { text: spec.subject, style: 'centredBold' },
      rule(120, [0, 3, 0, 0]),
    ];
    if (spec.authority) body.push({ text: spec.authority.toUpperCase(), style: 'centredBold', margin: [0, 12, 0, 0] });
    if (spec.basis.length) body.push({ stack: spec.basis.map((b) => ({ text: b, style: 'paragraph', italics: true })), margin: [0, 10, 0, 0] });
    if (spec.decisionHeading) body.push({ text: spec.decisionHeading, style: 'centredBold', margin: [0, 8, 0, 6] });
    for (const article of spec.articles) {
      const [first, ...rest] = article.text.split('\n');
      body.push({ text: [{ text: article.heading, bold: true }, ` ${first}`], style: 'paragraph' });
      for (const paragraph of rest) if (paragraph.trim()) body.push({ text: paragraph, style: 'paragraph' });
    }

    const left: Content[] = [];
    if (spec.recipients?.length) {
      left.push({ text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 });
      for (const r of spec.recipients) left.push({ text: `- ${r}`, fontSize: 11 });
    }
    if (spec.qr) {
      left.push({ qr: spec.qr.url, fit: 90, eccLevel: 'M', margin: [0, 10, 0, 2] });
      left.push({ text: spec.qr.caption, fontSize: 9, italics: true });
    }
    body.push({
      table: {
        widths: ['45%', '55%'],
        dontBreakRows: true,
        body: [
          [
            { stack: left.length ? left : [{ text: '' }] },
            {
              stack: [...spec.signer.titleLines.map((line) => ({ text: line.toUpperCase(), bold: true })), { text: spec.signer.name, bold: true, margin: [0, 62, 0, 0] }],
              alignment: 'center',
              fontSize: 13,
            },
          ],
        ],
      },
      layout: 'flush',
      margin: [0, 14, 0, 0],
      unbreakable: true,
    });

    return this.render({
      pageSize: 'A4',
      pageMargins: [MARGINS.left, MARGINS.top, MARGINS.right, MARGINS.bottom],
      language: 'vi-VN',
      info: { title: `${spec.title} ${spec.numberText}`.trim(), subject: spec.subject, author: 'Cordon', creator: 'Cordon', producer: 'Cordon', creationDate: spec.date, modDate: spec.date },
      content: body,
      defaultStyle: { font: FONT, fontSize: 13, lineHeight: 1.1 },
      styles: {
        title: { fontSize: 14, bold: true, alignment: 'center' },
        centredBold: { fontSize: 13.5, bold: true, alignment: 'center' },
        paragraph: { fontSize: 13.5, alignment: 'justify', leadingIndent: 28, margin: [0, 0, 0, 4] },
      },
    });
  }

  renderPoster(spec: PosterSpec): Promise<Buffer> {
    return this.render({
      pageSize: 'A4',
      pageMargins: [25 * MM, 20 * MM, 25 * MM, 22 * MM],
      language: 'vi-VN',
      info: { title: spec.title, author: 'Cordon', creator: 'Cordon', producer: 'Cordon', ...(spec.date ? { creationDate: spec.date, modDate: spec.date } : {}) },
      content: [
        { text: spec.title, fontSize: 30, bold: true, alignment: 'center', lineHeight: 1.05 },
        { qr: spec.url, fit: 280, eccLevel: 'M', alignment: 'center', margin: [0, 24, 0, 24] },
        { stack: spec.lines.map((line) => ({ text: line, margin: [0, 0, 0, 9] })), fontSize: 17, lineHeight: 1.1 },
      ],
      footer: { text: spec.footer, fontSize: 12, italics: true, alignment: 'center', margin: [25 * MM, 0, 25 * MM, 0] },
      defaultStyle: { font: FONT },
    });
  }

  /**
   * A report or form: a title, a subtitle, then sections of tables (header row + rows). A row of empty
   * cells is a blank line to fill in by hand (the paper declaration form).
   */
  renderTables(spec: TablesSpec): Promise<Buffer> {
    return this.render({
      pageSize: 'A4',
      pageMargins: [18 * MM, 15 * MM, 15 * MM, 18 * MM],
      language: 'vi-VN',
      info: { title: spec.title, author: 'Cordon', creator: 'Cordon', producer: 'Cordon', ...(spec.date ? { creationDate: spec.date, modDate: spec.date } : {}) },
      content: [
        { text: spec.title, fontSize: 16, bold: true, alignment: 'center' },
        ...(spec.subtitle ? [{ text: spec.subtitle, fontSize: 12, italics: true, alignment: 'center' as const, margin: [0, 2, 0, 8] as [number, number, number, number] }] : []),
        ...spec.sections.flatMap((section) => [
          { text: section.heading, fontSize: 13, bold: true, margin: [0, 10, 0, 4] as [number, number, number, number] },
          {
            table: {
              headerRows: section.header ? 1 : 0,
              widths: section.widths ?? section.rows[0]?.map(() => '*') ?? ['*'],
              body: [...(section.header ? [section.header.map((h) => ({ text: h, bold: true }))] : []), ...section.rows.map((row) => row.map((cell) => ({ text: cell === '' ? ' ' : cell, margin: [0, cell === '' ? 8 : 1, 0, cell === '' ? 8 : 1] as [number, number, number, number] })))],
            },
            fontSize: 11,
          },
        ]),
        ...(spec.footer ? [{ text: spec.footer, fontSize: 10, italics: true, margin: [0, 12, 0, 0] as [number, number, number, number] }] : []),
      ],
      defaultStyle: { font: FONT },
    });
  }

  renderSlips(spec: SlipsSpec): Promise<Buffer> {
    const slip = (s: SlipsSpec['slips'][number], last: boolean): Content => ({
      unbreakable: true,
      stack: [
        {
          table: {
            widths: ['*'],
            heights: [SLIP_HEIGHT],
            body: [
              [
                {
                  margin: [8, 6, 8, 6],
                  stack: [
                    { text: s.heading, bold: true, fontSize: 13, margin: [0, 0, 0, 6] },
                    { table: { widths: [130, '*'], body: s.lines.map(([label, value]) => [{ text: label, color: '#444' }, { text: value, bold: true }]) }, layout: 'noBorders', fontSize: 11 },
                    { text: s.code.label, fontSize: 11, margin: [0, 8, 0, 2] },
                    { text: s.code.value, font: FONT, bold: true, fontSize: 17, characterSpacing: 1 },
                    { text: s.note, fontSize: 9.5, italics: true, margin: [0, 8, 0, 0] },
                  ],
                },
              ],
            ],
          },
        },
        ...(last ? [] : [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: A4_WIDTH - 30 * MM, y2: 0, lineWidth: 0.5, dash: { length: 4 } }], margin: [0, 9, 0, 9] } as Content]),
      ],
    });
    return this.render({
      pageSize: 'A4',
      pageMargins: [15 * MM, 12 * MM, 15 * MM, 12 * MM],
      language: 'vi-VN',
      info: { title: spec.title, author: 'Cordon', creator: 'Cordon', producer: 'Cordon', ...(spec.date ? { creationDate: spec.date, modDate: spec.date } : {}) },
      content: spec.slips.map((s, i) => ({ ...(slip(s, i % 3 === 2 || i === spec.slips.length - 1) as object), ...(i > 0 && i % 3 === 0 ? { pageBreak: 'before' } : {}) }) as Content),
      defaultStyle: { font: FONT },
    });
  }

  private render(definition: TDocumentDefinitions): Promise<Buffer> {
    return this.pool ? this.pool.render(definition) : this.renderHere!(definition);
  }
}
