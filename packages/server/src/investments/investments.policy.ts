import { canEditDomain, type Actor } from '@omstilling/core';

// Who may do what with the investment policy, lists, portfolios and screening, in one place.
// Holdings and breaches are the finance department's working material: investments editors
// (finance officers) and admins only.
export const investmentsPolicy = {
  read: (a: Actor) => canEditDomain(a, 'investments'),
  edit: (a: Actor) => canEditDomain(a, 'investments'),
};
