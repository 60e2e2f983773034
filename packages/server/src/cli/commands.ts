import type { CliCommand } from './main.js';
import { programCommands } from '../program/program.cli.js';
import { certificationCommands } from '../certification/certification.cli.js';
import { foodwasteCommands } from '../foodwaste/foodwaste.cli.js';

// Domain commands; each domain adds its entries here.
export const CLI_COMMANDS: Record<string, CliCommand> = { ...programCommands, ...certificationCommands, ...foodwasteCommands };
