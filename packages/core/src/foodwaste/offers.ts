import { isIsoDate, type RegistrationIssue } from './registration.js';

/** Life of a surplus-food offer: open → claimed → collected | no_show; open (or claimed, not picked up) → expired. */
export const OFFER_STATES = ['open', 'claimed', 'collected', 'no_show', 'expired'] as const;
export type OfferState = (typeof OFFER_STATES)[number];
export type OfferEvent = 'claim' | 'collect' | 'no_show' | 'expire';

const TRANSITIONS: Record<OfferState, Partial<Record<OfferEvent, OfferState>>> = {
  open: { claim: 'claimed', expire: 'expired' },
  claimed: { collect: 'collected', no_show: 'no_show' },
  collected: {},
  no_show: {},
  expired: {},
};

/** The state after an event, or null when the event is not allowed in that state. */
export function nextOfferState(state: OfferState, event: OfferEvent): OfferState | null {
  return TRANSITIONS[state][event] ?? null;
}

/** True for a state nothing can leave. */
export function isFinalOfferState(state: OfferState): boolean {
  return Object.keys(TRANSITIONS[state]).length === 0;
}

/** The state as of `nowIso`: an open offer past its expiry is expired even before the job has marked it. */
export function effectiveOfferState(state: OfferState, expiresAt: string, nowIso: string): OfferState {
  return state === 'open' && expiresAt <= nowIso ? 'expired' : state;
}

/** Norwegian message for an event refused in a state (a claim on a taken or expired offer…). */
export function refusedMessage(state: OfferState, event: OfferEvent): string {
  if (event === 'claim') {
    if (state === 'expired') return 'Tilbudet er utløpt og kan ikke lenger reserveres';
    if (state === 'open') return 'Tilbudet kan reserveres';
    return 'Tilbudet er allerede reservert av en annen mottaker';
  }
  if (event === 'collect' || event === 'no_show') return state === 'open' ? 'Tilbudet er ikke reservert ennå' : `Tilbudet er ${OFFER_STATE_NB[state]}, og hentingen kan ikke registreres`;
  return `Tilbudet er ${OFFER_STATE_NB[state]}`;
}

/** Norwegian names of the states. */
export const OFFER_STATE_NB: Record<OfferState, string> = { open: 'ledig', claimed: 'reservert', collected: 'hentet', no_show: 'ikke hentet', expired: 'utløpt' };

/** An offer as a donor posts it. */
export interface OfferInput {
  title: string;
  kg: number;
  bestBefore: string;
  pickupFrom: string;
  pickupTo: string;
  place: string;
  coldChain: boolean;
}

/** Checks an offer at `nowIso`; the pickup window must end in the future and within 14 days, best-before not passed. */
export function validateOffer(input: OfferInput, nowIso: string, maxKg: number): RegistrationIssue[] {
  const issues: RegistrationIssue[] = [];
  if (!input.title.trim()) issues.push({ field: 'title', message: 'Skriv hva som tilbys' });
  if (!input.place.trim()) issues.push({ field: 'place', message: 'Skriv hvor maten hentes' });
  if (!Number.isFinite(input.kg) || input.kg <= 0) issues.push({ field: 'kg', message: 'Vekten må være større enn 0 kg' });
  else if (input.kg > maxKg) issues.push({ field: 'kg', message: `Vekten er over grensen på ${maxKg} kg per tilbud` });
  const today = nowIso.slice(0, 10);
  if (!isIsoDate(input.bestBefore)) issues.push({ field: 'bestBefore', message: 'Ugyldig dato for «best før»' });
  else if (input.bestBefore < today) issues.push({ field: 'bestBefore', message: '«Best før» er allerede passert' });
  const from = Date.parse(input.pickupFrom);
  const to = Date.parse(input.pickupTo);
  const now = Date.parse(nowIso);
  if (Number.isNaN(from)) issues.push({ field: 'pickupFrom', message: 'Ugyldig starttid for henting' });
  if (Number.isNaN(to)) issues.push({ field: 'pickupTo', message: 'Ugyldig sluttid for henting' });
  else if (to <= now) issues.push({ field: 'pickupTo', message: 'Hentevinduet er allerede over' });
  else if (to - now > 14 * 86_400_000) issues.push({ field: 'pickupTo', message: 'Hentevinduet kan slutte høyst 14 dager fram i tid' });
  else if (!Number.isNaN(from) && from >= to) issues.push({ field: 'pickupTo', message: 'Hentevinduet må slutte etter at det begynner' });
  return issues;
}

/** Meals that redistributed food makes, by the sourced meals-per-kg factor. */
export function mealsFrom(kg: number, mealsPerKg: number): number {
  return Math.round(kg * mealsPerKg);
}
