import type { Observation } from '@omstilling/core';
import type { Ctx } from '../platform/context.js';

/**
 * The one interface through which a domain publishes an indicator to the program: the
 * program's figures are computed from the domain's records, never typed in twice.
 */
export interface IndicatorPublisher {
  domain: string;
  metric: string;
  producer: string;
  method: string;
  limits: string;
  /** Observations up to asOf, each dated at the end of its period. */
  compute(ctx: Ctx, asOf: string): Promise<(Observation & { period: string; note?: string })[]>;
}

const registry = new Map<string, IndicatorPublisher>();

/** Domains call this once at start-up. */
export function registerPublisher(p: IndicatorPublisher): void {
  registry.set(`${p.domain}/${p.metric}`, p);
}

/** The publisher of a computed indicator, or null when its domain is not built yet. */
export function publisherFor(domain: string | null, metric: string | null): IndicatorPublisher | null {
  return domain && metric ? (registry.get(`${domain}/${metric}`) ?? null) : null;
}
