import type { Status } from '../program/types';

export interface Options {
  stages: string[];
  categories: string[];
  reasons: string[];
  destinations: string[];
  activityKinds: string[];
  kitchenKinds: string[];
  maxKg: number;
  maxKgPerOffer: number;
  factors: Record<'kgCo2ePerKg' | 'mealsPerKg' | 'nokPerKg', { value: number; source: string; approximation: boolean }>;
  today: string;
}

export interface Kitchen {
  id: string;
  name: string;
  kind: string;
  unitId: string | null;
  organisationId: string | null;
  owner: 'municipal' | 'external';
  activityKind: string;
  intensityUnit: { nb: string; en: string };
  baselineFrom: string | null;
  baselineTo: string | null;
  targetReduction: number;
  targetDate: string;
  status: Status;
  baseline: number | null;
  target: number | null;
  latest: { period: string; value: number } | null;
  change: number | null;
  kgLast12Months: number;
  kgCo2eLast12Months: number;
}

export interface Registration {
  id: string;
  kitchenId: string;
  date: string;
  stage: string;
  category: string;
  reason: string;
  destination: string;
  kg: number;
  enteredBy: string;
}

export interface Totals {
  kg: number;
  registrations: number;
  kgCo2e: number;
  moneyLostOre: number;
  byStage: Record<string, number>;
  byCategory: Record<string, number>;
  byReason: Record<string, number>;
  byDestination: Record<string, number>;
  byWeekday: Record<string, number>;
}

export interface Dashboard {
  kitchen: Kitchen;
  asOf: string;
  canRegister: boolean;
  status: Status;
  reason: { code: string; params: Record<string, number | string> };
  baseline: number | null;
  target: number | null;
  series: { period: string; date: string; value: number; kg: number; activity: number; partial: boolean }[];
  last12Months: Totals;
  recent: Registration[];
}

export interface Overview {
  asOf: string;
  from: string;
  kitchens: Kitchen[];
  totals: Totals;
  ownKitchensKg: number;
  externalKitchensKg: number;
  externalReporting: number;
  population: number | null;
  kgPerResidentPerYear: number | null;
  worst: { id: string; name: string; change: number }[];
  mostImproved: { id: string; name: string; change: number }[];
  redistribution: { offers: number; kg: number; meals: number; kgCo2eAvoided: number };
}

export type OfferStatus = 'open' | 'claimed' | 'collected' | 'no_show' | 'expired';
export interface Offer {
  id: string;
  kitchenId: string;
  donor: string;
  title: string;
  kg: number;
  bestBefore: string;
  pickupFrom: string;
  pickupTo: string;
  place: string;
  coldChain: boolean;
  status: OfferStatus;
  receiverOrganisationId: string | null;
  receiver: string | null;
  mine: boolean;
}
export interface OfferList {
  isReceiver: boolean;
  receiverOrganisationId: string | null;
  receivers: { id: string; name: string }[];
  items: Offer[];
}

/** A registration as the quick-entry page sends it (and keeps it while offline). */
export interface RegistrationBody {
  kitchenId: string;
  date: string;
  stage: string;
  category: string;
  reason: string;
  destination: string;
  kg: number;
  clientId: string;
}
