import type { Platform } from './harness';

/**
 * "No ID number or phone number in the logs": the values a run stored (every text and JSON column of
 * every table) and sent, plus anything in the logs shaped like one, after identifiers (UUIDs, long tokens)
 * are taken out so their digits cannot look like a number.
 */

/** A 12-digit citizen ID number (CCCD) and a Vietnamese mobile number, not inside a longer word or number. */
export const ID_NUMBER = /(?<![0-9A-Za-z])0\d{11}(?![0-9A-Za-z])/g;
export const PHONE = /(?<![0-9A-Za-z])0[35789]\d{8}(?![0-9A-Za-z])/g;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Request ids, hashes, tokens: runs of 20+ word characters that mix letters and digits. */
const TOKEN = /[A-Za-z0-9_-]{20,}/g;

function numbersIn(text: string): string[] {
  const clean = text.replace(UUID, ' ').replace(TOKEN, (t) => (/[A-Za-z]/.test(t) ? ' ' : t));
  return [...(clean.match(ID_NUMBER) ?? []), ...(clean.match(PHONE) ?? [])];
}

/** Every ID or phone number stored anywhere in the platform's database (text, varchar and JSON columns). */
export async function storedPersonalNumbers(platform: Platform): Promise<Set<string>> {
  const columns = await platform.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`,
  );
  const found = new Set<string>();
  for (const { table_name, column_name } of columns) {
    const rows = await platform.query<{ v: string }>(`SELECT DISTINCT "${column_name}"::text AS v FROM "${table_name}" WHERE "${column_name}"::text ~ '0[0-9]{9}'`);
    for (const { v } of rows) for (const n of numbersIn(v)) found.add(n);
  }
  return found;
}

export interface LogCheck {
  bytes: number;
  lines: number;
  /** Distinct ID and phone numbers looked for (stored by the run or sent in its requests). */
  numbersLookedFor: number;
  /** Occurrences in the logs: known numbers, and anything else shaped like one. */
  idNumbersFound: number;
  phoneNumbersFound: number;
  /** The first few offending lines, the number masked. */
  examples: string[];
}

const mask = (n: string) => `${n.slice(0, 3)}*****${n.slice(-2)}`;

/**
 * The start-up banner's list of demo accounts (SEED_DEMO only, refused in production): the sign-in names of
 * the fake demo citizens are their phone numbers, printed on purpose so that a developer can sign in. It is
 * a console banner, not a log line, and the only place they may appear; it is left out of the check.
 */
export function withoutDemoBanner(output: string): string {
  return output.replace(/^Demo accounts \(password: [^\n]*\n(?: {2}[^\n]*\n)*/gm, '');
}

/** Looks for every known number, and for anything shaped like one, in the concatenated logs. */
export function checkLogs(logs: string, known: Iterable<string>): LogCheck {
  const wanted = new Set(known);
  let ids = 0;
  let phones = 0;
  const examples: string[] = [];
  const lines = logs.split('\n');
  for (const line of lines) {
    const hits = new Set(numbersIn(line));
    for (const n of wanted) if (line.includes(n)) hits.add(n);
    for (const n of hits) {
      if (n.length === 12) ids++;
      else phones++;
      if (examples.length < 5) examples.push(line.replaceAll(n, mask(n)).slice(0, 300));
    }
  }
  return { bytes: Buffer.byteLength(logs), lines: lines.length, numbersLookedFor: wanted.size, idNumbersFound: ids, phoneNumbersFound: phones, examples };
}

/** Numbers in a request (body or query) this run sent, to look for them in the logs too. */
export function numbersSent(text: string, into: Set<string>): void {
  for (const n of numbersIn(text)) into.add(n);
}
