// Spam protection for the campaign's open threads, without third-party services: every check is
// pure, so the server, the CLI and the tests share it. The server adds what needs I/O (the signed
// form token, the recent posts of the same poster, rate limits).

/** One reason a post was refused, with the form field it concerns. */
export interface SpamFinding {
  field: string;
  code: 'honeypot' | 'too_fast' | 'token_expired' | 'too_many_links' | 'duplicate' | 'shouting' | 'repeated' | 'burst';
  message: string;
}

/** The shortest time (ms) between showing the form and sending it; people need longer to write. */
export const MIN_FORM_MS = 3_000;
/** A form token older than this (ms) is refused; the page fetches a new one. */
export const MAX_FORM_MS = 4 * 60 * 60 * 1000;
/** Links allowed in one post; spam carries many. */
export const MAX_LINKS = 2;
/** How far back (ms) an identical post from anyone in the same thread counts as a duplicate. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Posts one poster may send within BURST_WINDOW_MS (checked in the database, so every instance agrees). */
export const BURST_MAX = 5;
export const BURST_WINDOW_MS = 10 * 60 * 1000;

/** Counts links: http(s) URLs, www. addresses and bare domains with a common top-level domain. */
export function countLinks(text: string): number {
  const re = /\b(?:https?:\/\/|www\.)[^\s<>()]+|\b[a-z0-9-]+\.(?:com|net|org|info|biz|ru|io|xyz|top|shop|no|se|dk)(?:\/[^\s]*)?\b/gi;
  return (text.match(re) ?? []).length;
}

/** The text a duplicate check compares: lower case, letters and digits only, single spaces. */
export function normaliseForDuplicate(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export interface SpamInput {
  body: string;
  /** The hidden field people never fill in; bots do. */
  honeypot?: string | null;
  /** When the form was shown (from the verified token) and now, both ms since epoch. */
  formIssuedAt: number;
  now: number;
  /** Normalised bodies of recent posts in the same thread (see normaliseForDuplicate). */
  recentBodies: readonly string[];
  /** Posts by the same poster within BURST_WINDOW_MS. */
  recentByPoster: number;
}

/** Every reason to refuse a post as spam; empty when it may be stored. */
export function spamFindings(input: SpamInput): SpamFinding[] {
  const out: SpamFinding[] = [];
  if (input.honeypot && input.honeypot.trim() !== '') out.push({ field: 'website', code: 'honeypot', message: 'Skjemaet ble avvist fordi et skjult felt var fylt ut (typisk for automatiske innsendinger)' });
  const elapsed = input.now - input.formIssuedAt;
  if (elapsed < MIN_FORM_MS) out.push({ field: 'formToken', code: 'too_fast', message: `Skjemaet ble sendt for raskt (under ${MIN_FORM_MS / 1000} sekunder etter at det ble vist). Vent litt og send igjen` });
  else if (elapsed > MAX_FORM_MS) out.push({ field: 'formToken', code: 'token_expired', message: 'Skjemaet har vært åpent for lenge. Last siden på nytt og send igjen (teksten din er tatt vare på i skjemaet)' });
  const links = countLinks(input.body);
  if (links > MAX_LINKS) out.push({ field: 'body', code: 'too_many_links', message: `Innlegget har ${links} lenker; høyst ${MAX_LINKS} er tillatt` });
  const letters = input.body.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 20 && letters.replace(/[^\p{Lu}]/gu, '').length / letters.length > 0.7) out.push({ field: 'body', code: 'shouting', message: 'Innlegget er nesten bare store bokstaver; skriv det med vanlige bokstaver' });
  if (/(.)\1{14,}/u.test(input.body)) out.push({ field: 'body', code: 'repeated', message: 'Innlegget har det samme tegnet gjentatt mange ganger' });
  const norm = normaliseForDuplicate(input.body);
  if (norm && input.recentBodies.includes(norm)) out.push({ field: 'body', code: 'duplicate', message: 'Det samme innlegget er allerede sendt i denne tråden' });
  if (input.recentByPoster >= BURST_MAX) out.push({ field: 'body', code: 'burst', message: `Du har sendt ${input.recentByPoster} innlegg de siste ${BURST_WINDOW_MS / 60000} minuttene. Vent litt før du skriver mer` });
  return out;
}
