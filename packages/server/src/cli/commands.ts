import type { CliCommand } from './main.js';

// Domain commands; each domain adds its entries here (e.g. 'program import').
export const CLI_COMMANDS: Record<string, CliCommand> = {};
