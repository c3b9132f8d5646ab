import Fastify from 'fastify';
import type { Readable } from 'node:stream';
import { attachmentDisposition, csvCell, csvStream, sendCsv, type CsvColumn } from '../src/common/csv/csv';

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

interface Person {
  name: string;
  age: number | null;
  note?: string;
  active: boolean;
}

const columns: CsvColumn<Person>[] = [
  { header: 'Họ và tên', value: (p) => p.name },
  { header: 'Tuổi', value: (p) => p.age },
  { header: 'Ghi chú', value: (p) => p.note },
  { header: 'Đang cách ly', value: (p) => p.active },
];

describe('CSV writer', () => {
  it('writes a UTF-8 BOM, a header line and rows with CRLF line ends', async () => {
    const bytes = await collect(csvStream(columns, [{ name: 'Nguyễn Thị Hường', age: 34, active: true }, { name: 'Trần Văn Đức', age: null, note: '', active: false }]));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toBe('Họ và tên,Tuổi,Ghi chú,Đang cách ly\r\nNguyễn Thị Hường,34,,true\r\nTrần Văn Đức,,,false\r\n');
  });

  it('quotes fields with commas, quotes, CR or LF (RFC 4180)', () => {
    expect(csvCell('Thôn 3, xã Thượng Giáp')).toBe('"Thôn 3, xã Thượng Giáp"');
    expect(csvCell('nói "không"')).toBe('"nói ""không"""');
    expect(csvCell('dòng 1\ndòng 2')).toBe('"dòng 1\ndòng 2"');
    expect(csvCell('a\rb')).toBe('"a\rb"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('defuses spreadsheet formulas in strings, but keeps numbers', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+cmd|calc')).toBe("'+cmd|calc");
    expect(csvCell('-2+3+cmd|calc')).toBe("'-2+3+cmd|calc");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('-5')).toBe('-5');
    expect(csvCell('+84912345678')).toBe('+84912345678');
    expect(csvCell(36.5)).toBe('36.5');
  });

  it('streams 10,000 rows from an async generator as they are read', async () => {
    let produced = 0;
    async function* rows(): AsyncGenerator<Person> {
      for (let i = 0; i < 10_000; i++) {
        produced++;
        yield { name: `Người ${i}`, age: i % 90, note: i % 7 === 0 ? 'có, dấu phẩy' : undefined, active: i % 2 === 0 };
      }
    }
    const stream = csvStream(columns, rows());
    // Nothing is produced before the consumer reads, and the first chunk comes long before the last row.
    expect(produced).toBe(0);
    const iterator = stream[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(produced).toBeLessThan(10_000);
    const chunks: Buffer[] = [first.value as Buffer];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) chunks.push(next.value as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(10_002); // header, 10,000 rows, and the empty string after the last CRLF
    expect(lines[1]).toBe('Người 0,0,"có, dấu phẩy",true');
    expect(lines[10_000]).toBe('Người 9999,9,,false');
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('sends a download with the CSV content type and a Vietnamese file name', async () => {
    expect(attachmentDisposition('ca-bệnh 2022-03.csv')).toBe(`attachment; filename="ca-benh_2022-03.csv"; filename*=UTF-8''ca-b%E1%BB%87nh%202022-03.csv`);
    const app = Fastify();
    app.get('/x', (_req, reply) => sendCsv(reply, 'Danh sách ca bệnh.csv', csvStream(columns, [{ name: 'Đỗ Thị Ánh', age: 1, active: true }])));
    const res = await app.inject({ method: 'GET', url: '/x' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="Danh_sach_ca_benh.csv"; filename*=UTF-8''Danh%20s%C3%A1ch%20ca%20b%E1%BB%87nh.csv`);
    expect(res.rawPayload.toString('utf8')).toBe('\uFEFFHọ và tên,Tuổi,Ghi chú,Đang cách ly\r\nĐỗ Thị Ánh,1,,true\r\n');
    await app.close();
  });
});
