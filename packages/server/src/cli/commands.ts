import type { CliCommand } from './main.js';
import { programCommands } from '../program/program.cli.js';

// Domain commands; each domain adds its entries here.
export const CLI_COMMANDS: Record<string, CliCommand> = { ...programCommands };
