import fs from 'node:fs';
import { rankApplicants, rankSensitivity, validateRankInput } from '@omstilling/core';
import { AppError } from '../platform/errors.js';
import type { CliCommand } from '../cli/main.js';
import { UsageError } from '../cli/usage-error.js';

// The business-land ranking from the command line; no database: the method is in core (docs/land-rank.md).

const nb = (n: number, d = 2) => n.toLocaleString('nb-NO', { maximumFractionDigits: d }).replace(/\u00a0/g, ' ');

/** Reads a call file; a missing file or broken JSON is reported as an error of the ranking (INVALID_INPUT). */
function readCallFile(file: string): { json: unknown; error: string | null } {
  if (!fs.existsSync(file)) return { json: null, error: `Finner ikke ${file}` };
  try {
    return { json: JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')), error: null };
  } catch (e) {
    return { json: null, error: `${file} er ikke gyldig JSON: ${(e as Error).message}` };
  }
}

/** The rank command's JSON: the ranking with each criterion's points, the errors, ties and the leader's sensitivity. */
export function landRankOutput(json: unknown) {
  const r = rankApplicants(json);
  const { input } = validateRankInput(json);
  const s = input && r.errors.length === 0 ? rankSensitivity(input) : null;
  return {
    ranking: r.ranking.map((x) => ({ applicant: x.applicant, rank: x.rank, score: x.score, contributions: x.contributions })),
    errors: r.errors.map((e) => ({ code: e.code, message: e.message })),
    normalisation: r.normalisation,
    ties: r.ties,
    sensitivity: s,
  };
}

export const landCommands: Record<string, CliCommand> = {
  'land rank': {
    usage: 'CALL.json [--json]',
    describe: 'rank the applicants of a business-land call: score 0–100 and each criterion’s points, ties, weight sensitivity; exit 1 on errors (no database)',
    needsDb: false,
    async run(c) {
      const file = c.args[0];
      if (!file) throw new UsageError('land rank needs a CALL.json');
      const read = readCallFile(file);
      const out = read.error ? { ranking: [], errors: [{ code: 'INVALID_INPUT', message: read.error }], normalisation: null, ties: [], sensitivity: null } : landRankOutput(read.json);
      c.print(
        [
          ...out.ranking.map((x) => `${String(x.rank).padStart(2)}. ${x.applicant.padEnd(24)} ${nb(x.score).padStart(7)}  (${Object.entries(x.contributions).map(([k, v]) => `${k} ${nb(v)}`).join(', ')})`),
          ...out.ties.map((t) => `Likt: ${t.join(', ')}`),
          ...(out.sensitivity?.leader && !out.sensitivity.leaderTied
            ? out.sensitivity.criteria.map((k) => `${k.criterion}: ${out.sensitivity!.leader} leder for vekt ${nb(k.stableFrom)}–${nb(k.stableTo)}${k.below ? `; under: ${k.below.newLeader}` : ''}${k.above ? `; over: ${k.above.newLeader}` : ''}`)
            : []),
          ...out.errors.map((e) => `Feil ${e.code}: ${e.message}`),
        ].join('\n') || 'Ingen søkere',
        out,
      );
      if (out.errors.length) throw new AppError('validation', `${out.errors.length} feil i utlysningen: ${[...new Set(out.errors.map((e) => e.code))].join(', ')}`);
    },
  },
};
