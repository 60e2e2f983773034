import { canEditDomain, canReadInternal, type Actor } from '@omstilling/core';

// Who may do what with the climate account, in one place.
export const climatePolicy = {
  /** Ledger imports, ansvar → unit mapping, art mapping, supplier factors, decisions on flagged factors: climate editors. */
  edit: (a: Actor) => canEditDomain(a, 'climate'),
  /** Results, sources and imports: municipal staff. */
  read: (a: Actor) => canReadInternal(a),
};
