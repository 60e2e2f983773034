import type { CliCommand } from './main.js';
import { programCommands } from '../program/program.cli.js';
import { certificationCommands } from '../certification/certification.cli.js';
import { foodwasteCommands } from '../foodwaste/foodwaste.cli.js';
import { climateCommands } from '../climate/climate.cli.js';
import { procurementCommands } from '../procurement/procurement.cli.js';
import { footprintCommands } from '../footprint/footprint.cli.js';
import { investmentsCommands } from '../investments/investments.cli.js';
import { landCommands } from '../land/land.cli.js';

// Domain commands; each domain adds its entries here.
export const CLI_COMMANDS: Record<string, CliCommand> = { ...programCommands, ...certificationCommands, ...foodwasteCommands, ...climateCommands, ...procurementCommands, ...footprintCommands, ...investmentsCommands, ...landCommands };
