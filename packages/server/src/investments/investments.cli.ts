import fs from 'node:fs';
import { ListIndex } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import { readExclusionListFile, readHoldingsFile } from './investments.import.js';
import type { CliCommand } from '../cli/main.js';
import { UsageError } from '../cli/usage-error.js';

const readFile = (file: string): Buffer => {
  if (!fs.existsSync(file)) throw AppError.validation(`Finner ikke ${file}`, [{ file, message: 'filen finnes ikke' }]);
  return fs.readFileSync(file);
};

export const investmentsCommands: Record<string, CliCommand> = {
  'investments screen': {
    usage: '--list LIST.csv --holdings HOLDINGS.csv [--json]',
    describe: 'screen a holdings report against an exclusion list (CSV/XLSX, or the Norges Bank table as HTML/text); no database',
    needsDb: false,
    options: { list: { type: 'string' }, holdings: { type: 'string' } },
    async run(c) {
      const listFile = c.flags.list;
      const holdingsFile = c.flags.holdings;
      if (typeof listFile !== 'string' || typeof holdingsFile !== 'string') throw new UsageError('investments screen needs --list FILE and --holdings FILE');
      const list = await readExclusionListFile(listFile, readFile(listFile));
      const held = await readHoldingsFile(holdingsFile, readFile(holdingsFile));
      for (const p of list.problems) c.io.err(`${listFile}, linje ${p.line}${p.field ? `, ${p.field}` : ''}: ${p.message}`);
      for (const p of held.problems) c.io.err(`${holdingsFile}, linje ${p.line}${p.field ? `, ${p.field}` : ''}: ${p.message}`);
      const index = new ListIndex(list.entries);
      // Rows are counted from 1 after the header. CSV and XLSX rows keep their physical line
      // (header = line 1), so row = line − 1 stays right when a row in between was rejected;
      // a pasted Norges Bank table is counted entry by entry.
      const listRow = (i: number) => (list.format === 'table' ? list.entries[i]!.line - 1 : i + 1);
      const matches = held.holdings.flatMap((h, i) =>
        index.screen(h, i).map((m) => ({
          holdingRow: h.line - 1,
          holdingName: h.name,
          listRow: listRow(m.listIndex),
          listName: list.entries[m.listIndex]!.name,
          method: m.method,
          score: m.score,
          status: m.status,
          evidence: m.evidence.reason,
        })),
      );
      const auto = matches.filter((m) => m.status === 'match').length;
      c.print(
        [
          `${held.holdings.length} beholdninger mot ${list.entries.length} navn på listen: ${auto} treff, ${matches.length - auto} til vurdering`,
          ...matches.map((m) => `${m.status === 'match' ? 'TREFF   ' : 'VURDER  '} rad ${String(m.holdingRow).padStart(5)} ${m.holdingName.padEnd(40)} → rad ${String(m.listRow).padStart(5)} ${m.listName} (${m.method}, ${m.score.toFixed(2)})`),
        ].join('\n'),
        { matches: matches.map(({ evidence: _e, ...m }) => m) },
      );
    },
  },
};
