export type PlaceStatus = 'open' | 'filled' | 'completed' | 'dropped_out';

export interface Trade {
  key: string;
  nb: string;
  en: string;
  programme: string;
}

export interface Options {
  trades: Trade[];
  programmes: { key: string; nb: string; en: string }[];
  statuses: PlaceStatus[];
  today: string;
}

export interface Place {
  id: string;
  unitId: string | null;
  organisationId: string | null;
  holder: string;
  tradeKey: string;
  trade: { nb: string; en: string };
  startDate: string;
  endDate: string;
  status: PlaceStatus;
  contractRef: string | null;
  closedOn: string | null;
  note: string | null;
}

export interface PlacePage {
  total: number;
  limit: number;
  offset: number;
  items: Place[];
}

export interface Overview {
  asOf: string;
  goal: { indicatorId: string; baselineYear: number; baseline: number; targetYear: number; target: number; multiple: number } | null;
  series: { year: number; count: number | null; expected: number | null; partial: boolean }[];
  now: { municipal: number; businesses: number; businessApprentices: number; openPlaces: number };
  bySector: { id: string; name: string; count: number }[];
  byUnit: { id: string; name: string; staff: number; count: number }[];
  byTrade: { key: string; name: { nb: string; en: string }; municipal: number; count: number }[];
  firstTimeBusinesses: { year: number; businesses: { id: string; name: string }[] }[];
  unitsWithout: { id: string; name: string; staff: number; sector: string | null }[];
}
