import { formulaReferences, parseFormula, FormulaError } from './formula.js';
import type { Direction, PathShape, ReportingInterval } from './types.js';

/** Text in Norwegian bokmål and English. */
export interface Localized {
  nb: string;
  en: string;
}

export type SourceKind = 'entered' | 'computed' | 'derived' | 'open_data';
export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'cancelled';
export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'done', 'cancelled'];

export interface SourceDef {
  kind: SourceKind;
  domain?: string;
  metric?: string;
  formula?: string;
  producer?: string;
  dataset?: string;
  method?: string;
  url?: string;
  limits?: string;
}

export interface IndicatorDef {
  key: string;
  name: Localized;
  description?: Localized;
  unit: string;
  direction: Direction;
  decimals: number;
  baseline: { value: number; date: string; note?: Localized } | null;
  targets: { date: string; value: number; label?: Localized }[];
  path: PathShape;
  tolerance: number;
  reportingInterval: ReportingInterval;
  responsibleUnit: string | null;
  visibility: 'public' | 'internal';
  source: SourceDef;
  plannedSource?: SourceDef;
}

export interface ActionDef {
  key: string;
  title: Localized;
  description?: Localized;
  status: ActionStatus;
  startDate: string | null;
  endDate: string | null;
  budgetNok: number | null;
  responsibleUnit: string | null;
  indicators: string[];
  log: { date: string; kind: 'decision' | 'update'; text: Localized; caseNumber: string | null }[];
}

export interface GoalDef {
  code: string;
  title: Localized;
  text: Localized;
  responsibleUnit: string | null;
  servedBy: string[];
  indicators: IndicatorDef[];
  actions: ActionDef[];
}

export interface AreaDef {
  code: string;
  title: Localized;
  description?: Localized;
  goals: GoalDef[];
}

/** A whole program as a municipality writes it in a data file. */
export interface ProgramDef {
  key: string;
  name: Localized;
  description?: Localized;
  startDate: string;
  endDate: string;
  contextIndicators: IndicatorDef[];
  areas: AreaDef[];
}

/** One problem in a program file, with its JSON path. */
export interface DefinitionIssue {
  path: string;
  message: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^[a-z0-9][a-z0-9-]{0,80}$/;

/**
 * Checks a program file and returns it typed, or every problem with its JSON path, so that
 * a municipality can write its own program as data and be told exactly what is wrong.
 */
export function parseProgramDefinition(json: unknown): { program: ProgramDef | null; issues: DefinitionIssue[] } {
  const issues: DefinitionIssue[] = [];
  const fail = (path: string, message: string) => {
    issues.push({ path, message });
  };
  const obj = (v: unknown, path: string): Record<string, unknown> | null => {
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    fail(path, 'må være et objekt');
    return null;
  };
  const str = (o: Record<string, unknown>, k: string, path: string, optional = false): string | null => {
    const v = o[k];
    if ((v === undefined || v === null) && optional) return null;
    if (typeof v === 'string' && v.trim()) return v;
    fail(`${path}.${k}`, 'må være en tekst');
    return null;
  };
  const date = (o: Record<string, unknown>, k: string, path: string, optional = false): string | null => {
    const v = o[k];
    if ((v === undefined || v === null) && optional) return null;
    if (typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v))) return v;
    fail(`${path}.${k}`, 'må være en dato på formen ÅÅÅÅ-MM-DD');
    return null;
  };
  const num = (o: Record<string, unknown>, k: string, path: string): number | null => {
    const v = o[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    fail(`${path}.${k}`, 'må være et tall');
    return null;
  };
  const loc = (o: Record<string, unknown>, k: string, path: string, optional = false): Localized | undefined => {
    const v = o[k];
    if (v === undefined && optional) return undefined;
    const l = obj(v, `${path}.${k}`);
    if (!l) return undefined;
    const nb = str(l, 'nb', `${path}.${k}`);
    const en = typeof l.en === 'string' ? l.en : (nb ?? '');
    return nb ? { nb, en } : undefined;
  };
  const oneOf = <T extends string>(o: Record<string, unknown>, k: string, values: readonly T[], path: string, fallback?: T): T | null => {
    const v = o[k] ?? fallback;
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    fail(`${path}.${k}`, `må være en av: ${values.join(', ')}`);
    return null;
  };
  const arr = (o: Record<string, unknown>, k: string, path: string): unknown[] => {
    const v = o[k] ?? [];
    if (Array.isArray(v)) return v;
    fail(`${path}.${k}`, 'må være en liste');
    return [];
  };

  const source = (v: unknown, path: string): SourceDef | null => {
    const s = obj(v, path);
    if (!s) return null;
    const kind = oneOf(s, 'kind', ['entered', 'computed', 'derived', 'open_data'] as const, path);
    if (!kind) return null;
    const def: SourceDef = { kind };
    for (const k of ['domain', 'metric', 'formula', 'producer', 'dataset', 'method', 'url', 'limits'] as const) if (typeof s[k] === 'string') def[k] = s[k] as string;
    if (kind === 'computed' && (!def.domain || !def.metric)) fail(path, 'en beregnet kilde må ha domain og metric');
    if (kind === 'derived') {
      if (!def.formula) fail(`${path}.formula`, 'en avledet indikator må ha en formel');
      else
        try {
          parseFormula(def.formula);
        } catch (e) {
          fail(`${path}.formula`, e instanceof FormulaError ? e.message : String(e));
        }
    }
    return def;
  };

  const keys = new Set<string>();
  const indicator = (v: unknown, path: string): IndicatorDef | null => {
    const o = obj(v, path);
    if (!o) return null;
    const key = str(o, 'key', path);
    if (key && !KEY.test(key)) fail(`${path}.key`, 'nøkkelen kan bare ha små bokstaver a–z, sifre og bindestrek');
    if (key && keys.has(key)) fail(`${path}.key`, `nøkkelen «${key}» er brukt før`);
    if (key) keys.add(key);
    let baseline: IndicatorDef['baseline'] = null;
    if (o.baseline !== undefined && o.baseline !== null) {
      const b = obj(o.baseline, `${path}.baseline`);
      if (b) {
        const value = num(b, 'value', `${path}.baseline`);
        const d = date(b, 'date', `${path}.baseline`);
        const note = loc(b, 'note', `${path}.baseline`, true);
        if (value !== null && d) baseline = { value, date: d, ...(note ? { note } : {}) };
      }
    }
    const targets = arr(o, 'targets', path).flatMap((t, i) => {
      const p = `${path}.targets[${i}]`;
      const to = obj(t, p);
      if (!to) return [];
      const d = date(to, 'date', p);
      const value = num(to, 'value', p);
      const label = loc(to, 'label', p, true);
      return d && value !== null ? [{ date: d, value, ...(label ? { label } : {}) }] : [];
    });
    if (baseline && targets.some((t) => t.date <= baseline!.date)) fail(`${path}.targets`, 'målene må ligge etter utgangspunktet');
    const src = source(o.source, `${path}.source`);
    const planned = o.plannedSource !== undefined ? source(o.plannedSource, `${path}.plannedSource`) : null;
    const tolerance = o.tolerance === undefined ? 0.1 : num(o, 'tolerance', path);
    if (tolerance !== null && (tolerance < 0 || tolerance > 1)) fail(`${path}.tolerance`, 'må være mellom 0 og 1');
    const decimals = o.decimals === undefined ? 0 : num(o, 'decimals', path);
    const name = loc(o, 'name', path);
    const unit = str(o, 'unit', path);
    const direction = oneOf(o, 'direction', ['increase', 'decrease'] as const, path);
    const pathShape = oneOf(o, 'path', ['linear', 'stepwise'] as const, path, 'linear');
    const interval = oneOf(o, 'reportingInterval', ['yearly', 'quarterly', 'monthly'] as const, path, 'yearly');
    const visibility = oneOf(o, 'visibility', ['public', 'internal'] as const, path, 'public');
    const description = loc(o, 'description', path, true);
    if (!key || !name || !unit || !direction || !pathShape || !interval || !visibility || !src || tolerance === null || decimals === null) return null;
    return {
      key,
      name,
      ...(description ? { description } : {}),
      unit,
      direction,
      decimals,
      baseline,
      targets: targets.sort((a, b) => a.date.localeCompare(b.date)),
      path: pathShape,
      tolerance,
      reportingInterval: interval,
      responsibleUnit: str(o, 'responsibleUnit', path, true),
      visibility,
      source: src,
      ...(planned ? { plannedSource: planned } : {}),
    };
  };

  const actionKeys = new Set<string>();
  const action = (v: unknown, path: string): ActionDef | null => {
    const o = obj(v, path);
    if (!o) return null;
    const key = str(o, 'key', path);
    if (key && actionKeys.has(key)) fail(`${path}.key`, `nøkkelen «${key}» er brukt før`);
    if (key) actionKeys.add(key);
    const title = loc(o, 'title', path);
    const description = loc(o, 'description', path, true);
    const status = oneOf(o, 'status', ACTION_STATUSES, path);
    const budget = o.budgetNok === undefined || o.budgetNok === null ? null : num(o, 'budgetNok', path);
    const log = arr(o, 'log', path).flatMap((e, i) => {
      const p = `${path}.log[${i}]`;
      const lo = obj(e, p);
      if (!lo) return [];
      const d = date(lo, 'date', p);
      const kind = oneOf(lo, 'kind', ['decision', 'update'] as const, p);
      const text = loc(lo, 'text', p);
      return d && kind && text ? [{ date: d, kind, text, caseNumber: str(lo, 'caseNumber', p, true) }] : [];
    });
    const indicators = arr(o, 'indicators', path).filter((k): k is string => typeof k === 'string');
    if (!key || !title || !status) return null;
    return { key, title, ...(description ? { description } : {}), status, startDate: date(o, 'startDate', path, true), endDate: date(o, 'endDate', path, true), budgetNok: budget, responsibleUnit: str(o, 'responsibleUnit', path, true), indicators, log };
  };

  const root = obj(json, '$');
  if (!root) return { program: null, issues };
  const goalCodes = new Set<string>();
  const areas = arr(root, 'areas', '$').flatMap((a, ai) => {
    const p = `$.areas[${ai}]`;
    const ao = obj(a, p);
    if (!ao) return [];
    const code = str(ao, 'code', p);
    const title = loc(ao, 'title', p);
    const description = loc(ao, 'description', p, true);
    const goals = arr(ao, 'goals', p).flatMap((g, gi) => {
      const gp = `${p}.goals[${gi}]`;
      const go = obj(g, gp);
      if (!go) return [];
      const gcode = str(go, 'code', gp);
      if (gcode && goalCodes.has(gcode)) fail(`${gp}.code`, `koden «${gcode}» er brukt før`);
      if (gcode) goalCodes.add(gcode);
      const gtitle = loc(go, 'title', gp);
      const text = loc(go, 'text', gp);
      const inds = arr(go, 'indicators', gp).flatMap((x, i) => indicator(x, `${gp}.indicators[${i}]`) ?? []);
      const acts = arr(go, 'actions', gp).flatMap((x, i) => action(x, `${gp}.actions[${i}]`) ?? []);
      const servedBy = arr(go, 'servedBy', gp).filter((s): s is string => typeof s === 'string');
      return gcode && gtitle && text ? [{ code: gcode, title: gtitle, text, responsibleUnit: str(go, 'responsibleUnit', gp, true), servedBy, indicators: inds, actions: acts }] : [];
    });
    return code && title ? [{ code, title, ...(description ? { description } : {}), goals }] : [];
  });
  const contextIndicators = arr(root, 'contextIndicators', '$').flatMap((x, i) => indicator(x, `$.contextIndicators[${i}]`) ?? []);
  // References between indicators must resolve.
  areas.forEach((a, ai) =>
    a.goals.forEach((g, gi) =>
      g.actions.forEach((ac, ci) => ac.indicators.forEach((k) => !keys.has(k) && fail(`$.areas[${ai}].goals[${gi}].actions[${ci}].indicators`, `ukjent indikator «${k}»`))),
    ),
  );
  const derived = [...contextIndicators, ...areas.flatMap((a) => a.goals.flatMap((g) => g.indicators))].filter((i) => i.source.kind === 'derived');
  for (const d of derived) {
    try {
      for (const ref of formulaReferences(parseFormula(d.source.formula!))) if (!keys.has(ref)) fail(`indicator ${d.key}.source.formula`, `ukjent indikator «${ref}» i formelen`);
    } catch {
      // already reported above
    }
  }
  const key = str(root, 'key', '$');
  const name = loc(root, 'name', '$');
  const description = loc(root, 'description', '$', true);
  const startDate = date(root, 'startDate', '$');
  const endDate = date(root, 'endDate', '$');
  if (issues.length || !key || !name || !startDate || !endDate) return { program: null, issues };
  return { program: { key, name, ...(description ? { description } : {}), startDate, endDate, contextIndicators, areas }, issues };
}

/** Every indicator of a program definition, context indicators first. */
export function allIndicators(p: ProgramDef): IndicatorDef[] {
  return [...p.contextIndicators, ...p.areas.flatMap((a) => a.goals.flatMap((g) => g.indicators))];
}
