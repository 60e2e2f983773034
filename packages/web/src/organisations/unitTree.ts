import type { Unit } from './types';

export interface UnitNode {
  unit: Unit;
  children: UnitNode[];
  /** Staff of this unit and every unit below it. */
  totalStaff: number;
}

/** Builds the unit tree from the flat list (units whose parent is unknown become roots). */
export function buildUnitTree(units: readonly Unit[], lng: string): UnitNode[] {
  const byId = new Map(units.map((u) => [u.id, { unit: u, children: [] as UnitNode[], totalStaff: 0 }]));
  const roots: UnitNode[] = [];
  for (const node of byId.values()) {
    const parent = node.unit.parentId ? byId.get(node.unit.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const collator = new Intl.Collator(lng === 'en' ? 'en' : 'nb');
  const finish = (n: UnitNode, seen: Set<string>): number => {
    if (seen.has(n.unit.id)) return 0; // a cycle in bad data must not hang the page
    seen.add(n.unit.id);
    n.children.sort((a, b) => collator.compare(a.unit.name, b.unit.name));
    n.totalStaff = n.unit.staff + n.children.reduce((s, c) => s + finish(c, seen), 0);
    return n.totalStaff;
  };
  roots.sort((a, b) => collator.compare(a.unit.name, b.unit.name));
  const seen = new Set<string>();
  for (const r of roots) finish(r, seen);
  return roots;
}

/** The tree pruned to units whose name or place matches, with their ancestors kept. */
export function filterUnitTree(nodes: UnitNode[], q: string): UnitNode[] {
  const needle = q.trim().toLocaleLowerCase('nb');
  if (!needle) return nodes;
  const out: UnitNode[] = [];
  for (const n of nodes) {
    const children = filterUnitTree(n.children, q);
    const hit = n.unit.name.toLocaleLowerCase('nb').includes(needle) || (n.unit.place ?? '').toLocaleLowerCase('nb').includes(needle);
    if (hit || children.length) out.push({ ...n, children: hit && !children.length ? n.children : children });
  }
  return out;
}

/** Number of nodes in a tree. */
export const countNodes = (nodes: UnitNode[]): number => nodes.reduce((s, n) => s + 1 + countNodes(n.children), 0);

/** Ids of a unit and everything below it (a unit cannot be moved under these). */
export function subtreeIds(units: readonly Unit[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
      out.add(u.id);
      grew = true;
    }
  }
  return out;
}
