import { registerPublisher, type IndicatorPublisher } from './program/program.publishers.js';
import { CERTIFICATION_PUBLISHERS } from './certification/certification.publishers.js';
import { FOODWASTE_PUBLISHERS } from './foodwaste/foodwaste.publishers.js';
import { APPRENTICESHIPS_PUBLISHERS } from './apprenticeships/apprenticeships.publishers.js';
import { CLIMATE_PUBLISHERS } from './climate/climate.publishers.js';
import { PROCUREMENT_PUBLISHERS } from './procurement/procurement.publishers.js';
import { FOOTPRINT_PUBLISHERS } from './footprint/footprint.publishers.js';
import { CAMPAIGN_PUBLISHERS } from './campaign/campaign.publishers.js';
import { INVESTMENTS_PUBLISHERS } from './investments/investments.publishers.js';
import { AGRICULTURE_PUBLISHERS } from './agriculture/agriculture.publishers.js';
import { CIRCULAR_PUBLISHERS } from './circular/circular.publishers.js';
import { LAND_PUBLISHERS } from './land/land.publishers.js';
import { SERVICES_PUBLISHERS } from './services/services.publishers.js';
import { ECONOMY_PUBLISHERS } from './economy/economy.publishers.js';
import { ENTERPRISE_PUBLISHERS } from './enterprise/enterprise.publishers.js';

// Every domain's published indicators, registered once at start-up (one line per domain).
const PUBLISHERS: IndicatorPublisher[] = [...CERTIFICATION_PUBLISHERS, ...FOODWASTE_PUBLISHERS, ...APPRENTICESHIPS_PUBLISHERS, ...CLIMATE_PUBLISHERS, ...PROCUREMENT_PUBLISHERS, ...FOOTPRINT_PUBLISHERS, ...INVESTMENTS_PUBLISHERS, ...LAND_PUBLISHERS, ...SERVICES_PUBLISHERS, ...CAMPAIGN_PUBLISHERS, ...ECONOMY_PUBLISHERS, ...ENTERPRISE_PUBLISHERS, ...CIRCULAR_PUBLISHERS, ...AGRICULTURE_PUBLISHERS];

let registered = false;

/** Registers every domain's indicator publishers with the program (idempotent). */
export function registerPublishers(): void {
  if (registered) return;
  registered = true;
  for (const p of PUBLISHERS) registerPublisher(p);
}
