import { SHORT_CODE_PATTERN } from '@cordon/contracts';
import { parseDmy } from '@cordon/web';
import type { Trip } from '../trip-types';
import { offlineStore } from './offlineStore';

export const TRIPS_KEY = 'cordon.citizen.trips';
/** A trip has at most this many passengers (the API's limit). */
export const MAX_PASSENGERS = 80;

/** The last 10 trips, kept on the phone so the trip's QR shows at the checkpoint without a connection. */
export const tripStore = offlineStore<Trip>(TRIPS_KEY, 10);

/**
 * Codes typed or pasted into the passenger box: upper case, separated by spaces, commas, semicolons or new
 * lines; a code typed in two groups of four (`K7M2 QX9P`) counts as one.
 */
export function splitCodes(text: string): string[] {
  const tokens = text
    .toUpperCase()
    .split(/[\s,;]+/)
    .map((x) => x.replace(/[^A-Z0-9]/g, ''))
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    if (tok.length === 4 && next?.length === 4) {
      out.push(tok + next);
      i++;
    } else {
      out.push(tok);
    }
  }
  return out;
}

export function isShortCode(code: string): boolean {
  return SHORT_CODE_PATTERN.test(code);
}

/**
 * What the box shows while typing: one code grouped 4-4 in upper case; a longer paste (several codes)
 * is left as typed, in upper case.
 */
export function formatCodeInput(text: string): string {
  const up = text.toUpperCase();
  if (/[,;\n]/.test(up)) return up;
  const bare = up.replace(/[\s-]/g, '');
  if (bare.length > 8) return up;
  return bare.replace(/[^A-Z0-9]/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

const TIME = /^([01]?\d|2[0-3])[:hH.]?([0-5]\d)$/;

/** `HH:mm` (also `7:05`, `0705`, `7h05`) -> `07:05`, or null. */
export function parseTime(text: string): string | null {
  const m = TIME.exec(text.trim().replace(/\s/g, ''));
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}

/** dd/mm/yyyy and HH:mm in Vietnam's time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) -> ISO timestamp. */
export function departureIso(dateText: string, timeText: string): string | null {
  const date = parseDmy(dateText);
  const time = parseTime(timeText);
  if (!date || !time) return null;
  const d = new Date(`${date}T${time}:00+07:00`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
