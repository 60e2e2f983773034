import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canActForOrganisation, canActForUnit, canEditDomain, descendantsOf, type UserActor } from './access.js';

const base: UserActor = { kind: 'user', userId: 'u', municipalityId: 'm', name: 'N', email: 'e', role: 'editor', domains: ['procurement'], unitScope: [], unitId: null, organisationId: null };

describe('access', () => {
  it('editors edit only their domains', () => {
    expect(canEditDomain(base, 'procurement')).toBe(true);
    expect(canEditDomain(base, 'program')).toBe(false);
    expect(canEditDomain({ ...base, role: 'admin', domains: [] }, 'program')).toBe(true);
  });
  it('unit managers act only inside their unit scope', () => {
    const mgr: UserActor = { ...base, role: 'unit_manager', domains: [], unitId: 'a', unitScope: ['a', 'a1'] };
    expect(canActForUnit(mgr, 'foodwaste', 'a1')).toBe(true);
    expect(canActForUnit(mgr, 'foodwaste', 'b')).toBe(false);
    expect(canActForUnit(mgr, 'foodwaste', null)).toBe(false);
    expect(canEditDomain(mgr, 'foodwaste')).toBe(false);
  });
  it('business users act only for their organisation', () => {
    const biz: UserActor = { ...base, role: 'business', domains: [], organisationId: 'o1' };
    expect(canActForOrganisation(biz, 'certification', 'o1')).toBe(true);
    expect(canActForOrganisation(biz, 'certification', 'o2')).toBe(false);
  });
  it('descendantsOf returns the subtree and nothing else', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { minLength: 1, maxLength: 40 }), (parents) => {
        // unit i has parent parents[i] < i (a forest), or none
        const units = parents.map((p, i) => ({ id: `u${i}`, parentId: i === 0 || p >= i ? null : `u${p}` }));
        const sub = descendantsOf('u0', units);
        expect(sub[0]).toBe('u0');
        for (const id of sub.slice(1)) {
          const parent = units.find((u) => u.id === id)!.parentId;
          expect(parent !== null && sub.includes(parent)).toBe(true);
        }
        for (const u of units) if (u.parentId && sub.includes(u.parentId)) expect(sub).toContain(u.id);
      }),
    );
  });
});
