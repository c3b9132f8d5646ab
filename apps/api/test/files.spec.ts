import { createHash } from 'node:crypto';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { Role } from '@cordon/contracts';
import { FileAccess } from '../src/modules/files/file-access';
import { FileStorage, MalformedFileError, sniff, stripJpeg, stripPng } from '../src/modules/files/file-storage.service';
import { auditOf, createTestApp, type TestApp } from './support/test-app';

// ---- fixtures built from bytes ----

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A real 2x2 RGB PNG (decodable), with metadata chunks when asked. */
function png(withMetadata: boolean): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const rows = Buffer.from([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
  const chunks = [pngChunk('IHDR', ihdr)];
  if (withMetadata) {
    chunks.push(pngChunk('tEXt', Buffer.from('Comment\0GPS 21.0285,105.8542', 'latin1')));
    chunks.push(pngChunk('iTXt', Buffer.from('Author\0\0\0\0\0Nguyễn Thị Hường', 'utf8')));
    chunks.push(pngChunk('zTXt', Buffer.concat([Buffer.from('Location\0\0', 'latin1'), deflateSync('Thượng Giáp 22.4,105.4')])));
    chunks.push(pngChunk('eXIf', Buffer.from('MM\0*GPSLatitude', 'latin1')));
    chunks.push(pngChunk('tIME', Buffer.from([0x07, 0xe6, 3, 12, 9, 30, 0])));
  }
  chunks.push(pngChunk('pHYs', Buffer.from([0, 0, 0x0b, 0x13, 0, 0, 0x0b, 0x13, 1])));
  chunks.push(pngChunk('IDAT', deflateSync(rows)));
  chunks.push(pngChunk('IEND', Buffer.alloc(0)));
  return Buffer.concat([PNG_SIGNATURE, ...chunks]);
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

const GPS_BYTES = Buffer.from('GPSLatitude 21/1 1/1 42/1 N; GPSLongitude 105/1 51/1 15/1 E', 'latin1');
const ENTROPY = Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd0, 0x78, 0x9a]);

/** SOI, APP0 (JFIF), APP1 (Exif with GPS), APP1 (XMP), COM, DQT, SOF0, DHT, SOS, entropy data, EOI, trailing junk. */
function jpeg(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0MM\0*', 'latin1'), GPS_BYTES])),
    segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Nguyễn</x:xmpmeta>', 'utf8')),
    segment(0xfe, Buffer.from('taken at home, 21.0285 105.8542', 'latin1')),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
    segment(0xc4, Buffer.concat([Buffer.from([0]), Buffer.alloc(16, 0), Buffer.alloc(0)])),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    ENTROPY,
    Buffer.from([0xff, 0xd9]),
    Buffer.from('appended secret GPS 21.0285', 'latin1'),
  ]);
}

describe('file type helpers', () => {
  it('sniffs JPEG, PNG and PDF from the bytes only', () => {
    expect(sniff(jpeg())).toBe('image/jpeg');
    expect(sniff(png(false))).toBe('image/png');
    expect(sniff(Buffer.from('%PDF-1.3\n...'))).toBe('application/pdf');
    expect(sniff(Buffer.from('GIF89a...'))).toBeNull();
    expect(sniff(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniff(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniff(Buffer.alloc(0))).toBeNull();
  });

  it('strips APP1..APP15 and COM from a JPEG, keeps APP0 and the image, ends at EOI', () => {
    const input = jpeg();
    const out = stripJpeg(input);
    expect(out.includes(GPS_BYTES)).toBe(false);
    expect(out.includes('Exif')).toBe(false);
    expect(out.includes('xmpmeta')).toBe(false);
    expect(out.includes('taken at home')).toBe(false);
    expect(out.includes('appended secret')).toBe(false);
    expect(out.includes('JFIF')).toBe(true);
    expect(out.includes(ENTROPY)).toBe(true);
    expect([...out.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect([...out.subarray(-2)]).toEqual([0xff, 0xd9]);
    // Exactly the metadata segments are gone.
    const expected = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
      segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
      segment(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0])),
      segment(0xc4, Buffer.concat([Buffer.from([0]), Buffer.alloc(16, 0)])),
      segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
      ENTROPY,
      Buffer.from([0xff, 0xd9]),
    ]);
    expect(out.equals(expected)).toBe(true);
    expect(stripJpeg(out).equals(out)).toBe(true);
  });

  it('refuses broken JPEGs', () => {
    const good = jpeg();
    expect(() => stripJpeg(good.subarray(0, 30))).toThrow(MalformedFileError);
    const badLength = Buffer.from(good);
    badLength.writeUInt16BE(0xfff0, 4); // APP0 length past the end
    expect(() => stripJpeg(badLength)).toThrow(MalformedFileError);
    expect(() => stripJpeg(Buffer.from([0xff, 0xd8, 0x00, 0x01, 0x02]))).toThrow(MalformedFileError);
    expect(() => stripJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toThrow(MalformedFileError);
  });

  it('strips tEXt, iTXt, zTXt, eXIf and tIME from a PNG, keeping a decodable image', () => {
    const out = stripPng(png(true));
    expect(out.equals(png(false))).toBe(true);
    expect(out.includes('GPS')).toBe(false);
    // Still a valid PNG: the image data inflates back to the pixels.
    const idat = out.indexOf('IDAT');
    const length = out.readUInt32BE(idat - 4);
    expect([...inflateSync(out.subarray(idat + 4, idat + 4 + length))]).toEqual([0, 255, 0, 0, 0, 255, 0, 0, 0, 0, 255, 255, 255, 255]);
    expect(out.includes('pHYs')).toBe(true);
  });

  it('refuses broken PNGs (bad CRC, truncated, no IEND, IHDR not first)', () => {
    const good = png(true);
    const badCrc = Buffer.from(good);
    badCrc[20] ^= 0xff; // inside IHDR data
    expect(() => stripPng(badCrc)).toThrow(MalformedFileError);
    expect(() => stripPng(good.subarray(0, good.length - 12))).toThrow(MalformedFileError);
    expect(() => stripPng(good.subarray(0, 40))).toThrow(MalformedFileError);
    expect(() => stripPng(Buffer.concat([PNG_SIGNATURE, pngChunk('IDAT', deflateSync(Buffer.alloc(4))), pngChunk('IEND', Buffer.alloc(0))]))).toThrow(MalformedFileError);
  });
});

describe('files API', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  const upload = (auth: string, type: string, body: Buffer) => t.http.post('/api/v1/files/test-photos').set('Authorization', auth).set('Content-Type', type).send(body);

  it('takes a PNG test photo from a citizen, strips its metadata, and serves it back to them', async () => {
    const citizen = await t.newCitizen();
    const res = await upload(citizen.auth, 'image/png', png(true)).expect(201);
    const clean = png(false);
    expect(res.body).toEqual({ id: expect.any(String), contentType: 'image/png', size: clean.length });

    const got = await t.http.get(`/api/v1/files/${res.body.id}`).set('Authorization', citizen.auth).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['cache-control']).toBe('private, max-age=3600');
    expect(got.headers['content-disposition']).toBe('inline');
    expect((got.body as Buffer).equals(clean)).toBe(true);

    const [row] = await t.dataSource.query(`SELECT purpose, owner_id, sha256, size FROM stored_files WHERE id = $1`, [res.body.id]);
    expect(row).toEqual({ purpose: 'test-photo', owner_id: citizen.user.id, sha256: createHash('sha256').update(clean).digest('hex'), size: clean.length });

    const audit = await auditOf(t.dataSource, res.body.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'file.upload', actor_id: citizen.user.id, request_id: expect.any(String) });
    expect(JSON.stringify(audit[0].after)).not.toContain('Người');
  });

  it('strips EXIF/GPS from a JPEG', async () => {
    const citizen = await t.newCitizen();
    const res = await upload(citizen.auth, 'image/jpeg', jpeg()).expect(201);
    expect(res.body.contentType).toBe('image/jpeg');
    const { file, data } = (await t.app.get(FileStorage).read(res.body.id))!;
    expect(file.contentType).toBe('image/jpeg');
    expect(data.includes(GPS_BYTES)).toBe(false);
    expect(data.includes('Exif')).toBe(false);
    expect(data.length).toBe(res.body.size);
  });

  it('refuses other types, a declared type that does not match the bytes, and damaged images (400 UNSUPPORTED_FILE)', async () => {
    const citizen = await t.newCitizen();
    for (const [type, body] of [
      ['image/jpeg', png(false)],
      ['image/png', jpeg()],
      ['image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
      ['image/png', Buffer.from('%PDF-1.4 not a photo')],
      ['image/png', png(false).subarray(0, 50)],
      ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff])],
    ] as const) {
      const res = await upload(citizen.auth, type, body).expect(400);
      expect(res.body).toMatchObject({ code: 'UNSUPPORTED_FILE', details: [{ field: 'file' }] });
    }
    const empty = await t.http.post('/api/v1/files/test-photos').set('Authorization', citizen.auth).set('Content-Type', 'image/png').send(Buffer.alloc(0));
    expect(empty.status).toBe(400);
    const gif = await upload(citizen.auth, 'image/gif', Buffer.from('GIF89a'));
    expect(gif.status).toBeGreaterThanOrEqual(400);
    expect(gif.status).toBeLessThan(500);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM stored_files WHERE owner_id = $1`, [citizen.user.id]);
    expect(count).toBe(0);
  });

  it('refuses photos over 5 MB with 413', async () => {
    const citizen = await t.newCitizen();
    const justOver = Buffer.concat([png(false), Buffer.alloc(5 * 1024 * 1024 + 1 - png(false).length)]);
    const res = await upload(citizen.auth, 'image/png', justOver).expect(413);
    expect(res.body.code).toBe('FILE_TOO_LARGE');
    const huge = await upload(citizen.auth, 'image/png', Buffer.alloc(8 * 1024 * 1024, 1)).expect(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('takes uploads from citizens only', async () => {
    await t.http.post('/api/v1/files/test-photos').set('Content-Type', 'image/png').send(png(false)).expect(401);
    const staff = await t.newStaff(Role.COMMUNE_STAFF, '02230');
    const res = await upload(staff.auth, 'image/png', png(false)).expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('hides a file from everyone but its uploader unless a module allows them (404, nothing leaks)', async () => {
    const owner = await t.newCitizen();
    const other = await t.newCitizen();
    const staff = await t.newStaff(Role.COMMUNE_STAFF, '02230');
    const { id } = (await upload(owner.auth, 'image/png', png(false)).expect(201)).body;

    expect((await t.http.get(`/api/v1/files/${id}`).set('Authorization', other.auth).expect(404)).body.code).toBe('NOT_FOUND');
    await t.http.get(`/api/v1/files/${id}`).set('Authorization', staff.auth).expect(404);
    await t.http.get(`/api/v1/files/${id}`).expect(401);
    await t.http.get('/api/v1/files/0190aaaa-bbbb-7ccc-8ddd-eeeeeeeeeeee').set('Authorization', owner.auth).expect(404);
    await t.http.get('/api/v1/files/not-a-uuid').set('Authorization', owner.auth).expect(404);

    // A module registers who else may read: here, this staff member for test photos.
    const seen: string[] = [];
    t.app.get(FileAccess).register(async (user, fileId, file) => {
      seen.push(fileId);
      return user.id === staff.user.id && file.purpose === 'test-photo';
    });
    const res = await t.http.get(`/api/v1/files/${id}`).set('Authorization', staff.auth).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(seen).toContain(id);
    await t.http.get(`/api/v1/files/${id}`).set('Authorization', other.auth).expect(404);
  });

  it('stores system files (PDFs) inside a transaction, only of the allowed types', async () => {
    const storage = t.app.get(FileStorage);
    const pdf = Buffer.from('%PDF-1.3\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n', 'latin1');
    const saved = await t.dataSource.transaction((manager) => storage.save({ purpose: 'document-pdf', ownerId: null, data: pdf, allowed: ['application/pdf'], maxBytes: 1024, manager }));
    expect(saved).toMatchObject({ purpose: 'document-pdf', contentType: 'application/pdf', size: pdf.length, ownerId: null, sha256: createHash('sha256').update(pdf).digest('hex'), createdAt: expect.any(Date) });
    expect('data' in saved).toBe(false);
    expect((await storage.read(saved.id))!.data.equals(pdf)).toBe(true);
    expect(await storage.describe(saved.id)).toMatchObject({ id: saved.id, purpose: 'document-pdf' });
    await expect(storage.save({ purpose: 'document-pdf', ownerId: null, data: png(false), allowed: ['application/pdf'], maxBytes: 1024 })).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE' });
    await expect(storage.save({ purpose: 'document-pdf', ownerId: null, data: pdf, allowed: ['application/pdf'], maxBytes: 10 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    // Rolled back with its transaction.
    let id = '';
    await t.dataSource
      .transaction(async (manager) => {
        id = (await storage.save({ purpose: 'document-pdf', ownerId: null, data: pdf, allowed: ['application/pdf'], maxBytes: 1024, manager })).id;
        throw new Error('rollback');
      })
      .catch(() => undefined);
    expect(await storage.read(id)).toBeNull();
  });
});
