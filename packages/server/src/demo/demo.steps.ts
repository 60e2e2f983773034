import type { Ctx } from '../platform/context.js';
import type { AppDeps } from '../platform/http/deps.js';
import { programDemoStep } from '../program/program.demo.js';
import { certificationDemoStep } from '../certification/certification.demo.js';
import { foodwasteDemoStep } from '../foodwaste/foodwaste.demo.js';
import { apprenticeshipsDemoStep } from '../apprenticeships/apprenticeships.demo.js';
import { enterpriseDemoStep } from '../enterprise/enterprise.demo.js';
import { climateDemoStep } from '../climate/climate.demo.js';
import { procurementDemoStep } from '../procurement/procurement.demo.js';
import { footprintDemoStep } from '../footprint/footprint.demo.js';
import { campaignDemoStep } from '../campaign/campaign.demo.js';
import { investmentsDemoStep } from '../investments/investments.demo.js';
import { agricultureDemoStep } from '../agriculture/agriculture.demo.js';
import { circularDemoStep } from '../circular/circular.demo.js';
import { landDemoStep } from '../land/land.demo.js';
import { servicesDemoStep } from '../services/services.demo.js';
import { economyDemoStep } from '../economy/economy.demo.js';
import { enterpriseRegisterDemoStep } from '../enterprise/enterprise-register.demo.js';

/** A domain's demo data loader: reads its files from the demo folder; must be idempotent. */
export type DemoStep = (ctx: Ctx, demoDir: string, deps: AppDeps) => Promise<void>;

// Each domain adds one line here.
export const DEMO_STEPS: DemoStep[] = [programDemoStep, certificationDemoStep, foodwasteDemoStep, apprenticeshipsDemoStep, enterpriseDemoStep, procurementDemoStep, footprintDemoStep, climateDemoStep, investmentsDemoStep, landDemoStep, servicesDemoStep, campaignDemoStep, economyDemoStep, enterpriseRegisterDemoStep, circularDemoStep, agricultureDemoStep];
