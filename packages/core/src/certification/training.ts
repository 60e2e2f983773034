/** Completed training in one session for one unit: a count, or named staff where the unit wants it. */
export interface Participation {
  unitId: string;
  date: string;
  /** Staff who completed (for named participation: the number of names). */
  completed: number;
  names: readonly string[] | null;
}

/** Staff trained in a unit (or the whole municipality) and the share of its staff. */
export interface TrainingShare {
  staff: number;
  trained: number;
  /** trained / staff, 0–1; null when there are no staff. */
  share: number | null;
}

const norm = (s: string) => s.trim().toLocaleLowerCase('nb').replace(/\s+/g, ' ');

/**
 * Trained staff per unit on `asOf`: named participants count once each however many sessions they
 * took; counted participants cannot be told apart, so are added up. Capped at the unit's staff.
 */
export function trainingByUnit(units: readonly { id: string; staff: number }[], participations: readonly Participation[], asOf: string): Map<string, TrainingShare> {
  const names = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const p of participations) {
    if (p.date > asOf) continue;
    if (p.names && p.names.length) {
      const set = names.get(p.unitId) ?? new Set<string>();
      for (const n of p.names) if (n.trim()) set.add(norm(n));
      names.set(p.unitId, set);
    } else if (Number.isFinite(p.completed) && p.completed > 0) counts.set(p.unitId, (counts.get(p.unitId) ?? 0) + Math.floor(p.completed));
  }
  const out = new Map<string, TrainingShare>();
  for (const u of units) {
    const staff = Number.isFinite(u.staff) && u.staff > 0 ? u.staff : 0;
    const trained = Math.min(staff, (names.get(u.id)?.size ?? 0) + (counts.get(u.id) ?? 0));
    out.set(u.id, { staff, trained, share: staff ? trained / staff : null });
  }
  return out;
}

/** The municipality's total: trained staff over all staff. */
export function trainingTotal(byUnit: ReadonlyMap<string, TrainingShare>): TrainingShare {
  let staff = 0;
  let trained = 0;
  for (const s of byUnit.values()) {
    staff += s.staff;
    trained += s.trained;
  }
  return { staff, trained, share: staff ? trained / staff : null };
}
