#!/usr/bin/env node
// The omstilling command: thin launcher for the compiled CLI (npm run build first).
import { run } from '../packages/server/dist/cli/main.js';

process.exitCode = await run(process.argv.slice(2), process.env);
