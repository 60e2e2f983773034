import { DOMAINS, type Domain } from '@omstilling/core/access/access';

export { DOMAINS, type Domain };

/** The program points (program/PROGRAM.md) each domain serves; `program` serves them all. */
export const PROGRAM_POINTS = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'C1', 'C2'] as const;

export const POINTS_BY_DOMAIN: Record<Domain, readonly string[]> = {
  program: PROGRAM_POINTS,
  organisations: ['B1'],
  certification: ['A1', 'B1'],
  procurement: ['A2'],
  climate: ['A2'],
  investments: ['A3'],
  enterprise: ['A4', 'A5', 'B6', 'B7'],
  apprenticeships: ['A5', 'B4'],
  foodwaste: ['A6'],
  circular: ['B2'],
  economy: ['B2', 'B3', 'B7'],
  land: ['B3'],
  agriculture: ['B5'],
  footprint: ['C1'],
  campaign: ['C1'],
  services: ['C2'],
};

/** Domains that have pages in this web app; the rest show "not built yet" whatever the server says. */
export const WEB_DOMAINS: readonly Domain[] = ['organisations', 'program', 'certification', 'foodwaste', 'apprenticeships', 'enterprise', 'footprint', 'climate', 'procurement', 'investments', 'land', 'campaign', 'agriculture', 'economy', 'services', 'circular'];

export const isDomain = (s: string): s is Domain => (DOMAINS as readonly string[]).includes(s);
