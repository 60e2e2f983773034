import { canEditDomain, type Actor } from '@omstilling/core';

// Who may do what in the campaign. Residents need no account to read, register or post; themes,
// events, the moderator queue, registrations and statistics are for campaign editors and admins.
export const campaignPolicy = {
  participate: (_actor: Actor) => true,
  manage: (actor: Actor) => canEditDomain(actor, 'campaign'),
  moderate: (actor: Actor) => canEditDomain(actor, 'campaign'),
  readStats: (actor: Actor) => canEditDomain(actor, 'campaign'),
};
