import { crc32 } from 'node:zlib';

/** The only kinds of file the platform keeps. */
export const STORED_CONTENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
export type StoredContentType = (typeof STORED_CONTENT_TYPES)[number];

/** Thrown by the pure helpers for bytes that do not follow their format; FileStorage turns it into 400 UNSUPPORTED_FILE. */
export class MalformedFileError extends Error {}

const JPEG_MAGIC = Buffer.from([0xff, 0xd8, 0xff]);
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** The type of a file from its first bytes (never from a name or a declared Content-Type); null when unknown. */
export function sniff(data: Uint8Array): StoredContentType | null {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (bytes.length >= JPEG_MAGIC.length && bytes.subarray(0, JPEG_MAGIC.length).equals(JPEG_MAGIC)) return 'image/jpeg';
  if (bytes.length >= PNG_MAGIC.length && bytes.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) return 'image/png';
  if (bytes.length >= PDF_MAGIC.length && bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return 'application/pdf';
  return null;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const isApp1to15 = (marker: number) => marker >= 0xe1 && marker <= 0xef;
/** Markers that stand alone (no length field): TEM and RST0..RST7. */
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7);

/**
 * A JPEG without its metadata: drops APP1..APP15 (EXIF with GPS, XMP, ICC, maker notes...) and COM segments
 * wherever they are, keeps APP0 (JFIF) and every other segment, copies the entropy-coded scans as they are,
 * and ends at EOI (bytes appended after it are dropped). Throws MalformedFileError on a broken segment structure.
 */
export function stripJpeg(input: Buffer): Buffer {
  if (input.length < 4 || input[0] !== 0xff || input[1] !== SOI) throw new MalformedFileError('not a JPEG (no SOI marker)');
  const out: Buffer[] = [input.subarray(0, 2)];
  let pos = 2;
  let sawFrame = false;
  let sawScan = false;
  while (pos < input.length) {
    if (input[pos] !== 0xff) throw new MalformedFileError(`expected a marker at byte ${pos}`);
    // Fill bytes: any number of 0xFF may precede a marker.
    while (pos < input.length && input[pos] === 0xff) pos++;
    if (pos >= input.length) throw new MalformedFileError('truncated marker');
    const marker = input[pos];
    const start = pos - 1;
    pos++;
    if (marker === EOI) {
      if (!sawScan) throw new MalformedFileError('no image data before EOI');
      out.push(Buffer.from([0xff, EOI]));
      return Buffer.concat(out);
    }
    if (marker === 0x00 || marker === SOI) throw new MalformedFileError(`unexpected marker 0x${marker.toString(16)} at byte ${start}`);
    if (isStandalone(marker)) {
      out.push(input.subarray(start, pos));
      continue;
    }
    if (pos + 2 > input.length) throw new MalformedFileError('truncated segment length');
    const length = input.readUInt16BE(pos);
    if (length < 2 || pos + length > input.length) throw new MalformedFileError(`bad length of segment 0x${marker.toString(16)} at byte ${start}`);
    const end = pos + length;
    if ((marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)) sawFrame = true;
    if (!isApp1to15(marker) && marker !== COM) out.push(input.subarray(start, end));
    pos = end;
    if (marker === SOS) {
      if (!sawFrame) throw new MalformedFileError('scan before any frame header');
      sawScan = true;
      // Entropy-coded data: a 0xFF is followed by 0x00 (stuffing), a restart marker, fill bytes, or a real marker.
      const dataStart = pos;
      while (pos < input.length) {
        if (input[pos] !== 0xff) {
          pos++;
          continue;
        }
        const next = input[pos + 1];
        if (next === undefined) {
          pos++;
          break;
        }
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
          pos += 2;
          continue;
        }
        if (next === 0xff) {
          // Fill byte before a marker: leave the run to the segment walker.
          let look = pos;
          while (look < input.length && input[look] === 0xff) look++;
          if (look < input.length && input[look] !== 0x00 && !(input[look] >= 0xd0 && input[look] <= 0xd7)) break;
          pos = look + 1;
          continue;
        }
        break;
      }
      out.push(input.subarray(dataStart, pos));
    }
  }
  // No EOI: a truncated file. Decoders show what there is; keep it only if a scan was seen.
  if (!sawScan) throw new MalformedFileError('no image data');
  return Buffer.concat(out);
}

/** PNG chunks that carry text, EXIF (with GPS) or a timestamp: dropped. */
const PNG_METADATA_CHUNKS = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

/**
 * A PNG without its metadata chunks (tEXt, iTXt, zTXt, eXIf, tIME); critical and other ancillary chunks are
 * kept, and anything after IEND is dropped. Checks the chunk structure and CRCs (MalformedFileError).
 */
export function stripPng(input: Buffer): Buffer {
  if (input.length < PNG_MAGIC.length || !input.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) throw new MalformedFileError('not a PNG (bad signature)');
  const out: Buffer[] = [input.subarray(0, PNG_MAGIC.length)];
  let pos = PNG_MAGIC.length;
  let first = true;
  let sawData = false;
  while (pos < input.length) {
    if (pos + 12 > input.length) throw new MalformedFileError('truncated chunk');
    const length = input.readUInt32BE(pos);
    const end = pos + 12 + length;
    if (length > 0x7fffffff || end > input.length) throw new MalformedFileError('chunk longer than the file');
    const typeBytes = input.subarray(pos + 4, pos + 8);
    if (!typeBytes.every((b) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a))) throw new MalformedFileError('bad chunk type');
    const type = typeBytes.toString('latin1');
    if (crc32(input.subarray(pos + 4, pos + 8 + length)) !== input.readUInt32BE(pos + 8 + length)) throw new MalformedFileError(`bad CRC of chunk ${type}`);
    if (first && type !== 'IHDR') throw new MalformedFileError('IHDR is not the first chunk');
    first = false;
    if (type === 'IDAT') sawData = true;
    if (!PNG_METADATA_CHUNKS.has(type)) out.push(input.subarray(pos, end));
    pos = end;
    if (type === 'IEND') {
      if (!sawData) throw new MalformedFileError('no image data');
      return Buffer.concat(out);
    }
  }
  throw new MalformedFileError('no IEND chunk');
}
