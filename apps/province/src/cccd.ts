import type { Gender } from '@cordon/contracts';

/** What the QR code on the back of a chip-based citizen ID card (CCCD gắn chip) tells. */
export interface CccdData {
  idNumber: string;
  oldIdNumber: string;
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  gender: Gender;
  address: string;
  /** YYYY-MM-DD, '' when missing or unreadable. */
  issueDate: string;
}

/** `ddMMyyyy` -> `YYYY-MM-DD` (a real calendar date), else null. */
export function cccdDate(text: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(text.trim());
  if (!m) return null;
  const [, dd, mm, yyyy] = m as unknown as [string, string, string, string];
  const d = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  if (d.getUTCFullYear() !== Number(yyyy) || d.getUTCMonth() !== Number(mm) - 1 || d.getUTCDate() !== Number(dd)) return null;
  return `${yyyy}-${mm}-${dd}`;
}

function genderOf(text: string): Gender | null {
  const g = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
  if (g === 'nam' || g === 'male') return 'MALE';
  if (g === 'nu' || g === 'female') return 'FEMALE';
  return null;
}

/**
 * Parses the CCCD QR text `ID|old ID|full name|DOB ddMMyyyy|gender|address|issue date ddMMyyyy`
 * (pipe-separated; the old 9-digit ID may be empty; gender "Nam" / "Nữ"). Null when it is not a CCCD.
 */
export function parseCccdQr(raw: string): CccdData | null {
  const parts = raw.normalize('NFC').replace(/^\uFEFF/, '').trim().split('|').map((p) => p.trim());
  if (parts.length < 5) return null;
  const [idNumber = '', oldIdNumber = '', name = '', dob = '', gender = '', address = '', issued = ''] = parts;
  if (!/^\d{12}$/.test(idNumber)) return null;
  const dateOfBirth = cccdDate(dob);
  const g = genderOf(gender);
  const fullName = name.replace(/\s+/g, ' ');
  if (!dateOfBirth || !g || !fullName) return null;
  return { idNumber, oldIdNumber, fullName, dateOfBirth, gender: g, address, issueDate: cccdDate(issued) ?? '' };
}
