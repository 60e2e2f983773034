// What the circular API answers (packages/server/src/circular/circular.service.ts).
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface Place {
  id: string;
  name: string;
  kind: string;
  organisationId: string | null;
  organisation: string | null;
  description: string;
  address: string | null;
  postalCode: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  openingHours: Partial<Record<Weekday, [string, string][]>>;
  openingNote: string | null;
  categories: string[];
  phone: string | null;
  email: string | null;
  website: string | null;
  active: boolean;
  openNow: boolean;
}
export interface PlaceList {
  items: Place[];
  total: number;
  at: string;
  categories: string[];
  kinds: string[];
}
export interface Scheme {
  id: string;
  title: string;
  description: string;
  opensAt: string;
  deadline: string;
  budgetNok: number;
  state: 'upcoming' | 'open' | 'closed';
}
export interface Boundary {
  boundary: number[][][][] | null;
  attribution: string | null;
}
export interface Impact {
  items: number;
  kg: number;
  nokSaved: number;
  co2eKg: number;
}
export interface Reservation {
  id: string;
  unitId: string;
  unit: string;
  quantity: number;
  state: 'reserved' | 'collected' | 'cancelled';
  reservedAt: string;
  closedAt: string | null;
  mayCollect: boolean;
  mayCancel: boolean;
}
export interface Item {
  id: string;
  unitId: string;
  unit: string;
  title: string;
  description: string;
  category: string;
  condition: string;
  quantity: number;
  quantityLeft: number;
  location: string;
  availableFrom: string;
  costNok: number;
  hasPhoto: boolean;
  state: 'available' | 'reserved' | 'collected' | 'withdrawn';
  mine: boolean;
  impactPerItem: Impact;
  reservations: Reservation[];
}
export interface ItemPage {
  items: Item[];
  total: number;
  limit: number;
  offset: number;
}
export interface Category {
  key: string;
  nb: string;
  en: string;
  kgPerItem: number;
  newPriceNok: number;
  co2ePerItemKg: number;
  co2eMethod: 'per_item' | 'per_kg';
  co2eValue: number;
  co2eSource: string;
  weightPriceSource: string;
  year: number;
}
export interface MarketOptions {
  categories: Category[];
  factorsFile: string;
  conditions: string[];
  myUnits: { id: string; name: string }[];
  isEditor: boolean;
  maxPhotoBytes: number;
}
export interface Figures {
  years: (Impact & { year: string; pickups: number })[];
  categories: (Impact & { category: string })[];
  total: Impact;
  factorsFile: string;
}
export interface Call {
  id: string;
  title: string;
  deadline: string;
  budgetNok: number;
  state: string;
}
