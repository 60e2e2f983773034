// The calculator's answers live in this browser only (localStorage), as typed, until the person
// chooses to share them; nothing is sent while answering.
const KEY = 'omstilling.footprint.answers';

export type RawAnswers = Record<string, string>;

/** The answers saved in this browser (empty when none or unreadable). */
export function loadAnswers(): RawAnswers {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string')) as RawAnswers : {};
  } catch {
    return {};
  }
}

export function saveAnswers(a: RawAnswers): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(a));
  } catch {
    // Private mode or full storage: the calculator still works for this visit.
  }
}

export function clearAnswers(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
