// Norwegian organisation numbers (organisasjonsnummer): 9 digits, the last a MOD11 check digit.

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Strips spaces (incl. no-break spaces) and dots; returns the 9 digits, or null if the rest is not exactly 9 digits. */
export function normaliseOrgNumber(input: string): string | null {
  const s = input.replace(/[\s\u00a0\u202f.]/g, '');
  return /^\d{9}$/.test(s) ? s : null;
}

/** MOD11 check digit for an 8-digit prefix; null when the remainder gives 10 (no valid number exists) or the input is not 8 digits. */
export function orgNumberCheckDigit(first8: string): number | null {
  if (!/^\d{8}$/.test(first8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(first8[i]) * WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check === 10 ? null : check;
}

/** True if the input (in any format normaliseOrgNumber accepts) is 9 digits with a correct MOD11 check digit. */
export function isValidOrgNumber(s: string): boolean {
  const n = normaliseOrgNumber(s);
  return n !== null && orgNumberCheckDigit(n.slice(0, 8)) === Number(n[8]);
}

/** Formats as "927 124 238"; input that does not normalise to 9 digits is returned trimmed and otherwise unchanged. */
export function formatOrgNumber(s: string): string {
  const n = normaliseOrgNumber(s);
  return n === null ? s.trim() : `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(6)}`;
}
