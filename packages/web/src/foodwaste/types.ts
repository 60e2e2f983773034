import type { Status } from '../program/types';

export interface Options {
  stages: string[];
  categories: string[];
  reasons: string[];
  destinations: string[];
  /** Names of the municipality's own list entries. */
  labels: { list: ListName; key: string; nb: string; en: string }[];
  activityKinds: string[];
  kitchenKinds: string[];
  maxKg: number;
  maxKgPerOffer: number;
  factors: Record<'kgCo2ePerKg' | 'mealsPerKg' | 'nokPerKg', { value: number; source: string; approximation: boolean }>;
  today: string;
}

export type ListName = 'stages' | 'categories' | 'reasons' | 'destinations';
export interface ListItem {
  id: string;
  list: ListName;
  key: string;
  labelNb: string;
  labelEn: string;
  active: boolean;
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
  lat: number | null;
  lon: number | null;
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
  /** km from the position asked about (null without one, or when the offer has no place). */
  distanceKm: number | null;
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
