// The climate and environment rule for award criteria (procurement regulation FOA § 7-9, in force 2024):
// from NOK 100 000 ex. VAT, climate and environment weigh at least 30 %; where criteria are only ranked,
// environment should be among the three most important; two exceptions must be justified in writing.

/** What an award criterion measures. `environment` is the only kind that counts towards the 30 % rule. */
export type CriterionKind = 'price' | 'lcc' | 'environment' | 'quality' | 'other';
export const CRITERION_KINDS: readonly CriterionKind[] = ['price', 'lcc', 'environment', 'quality', 'other'];

/** The two exceptions in FOA § 7-9: specification requirements that clearly give a better effect, or an insignificant footprint. */
export type ExceptionKind = 'specification' | 'insignificant';
export const EXCEPTION_KINDS: readonly ExceptionKind[] = ['specification', 'insignificant'];

export interface RuleException {
  kind: ExceptionKind;
  justification: string;
}

/** One award criterion as the rules see it: a weight in % (weighting) or a rank, 1 = most important (ranking). */
export interface RuleCriterion {
  id: string;
  kind: CriterionKind;
  weight?: number | null;
  rank?: number | null;
  name?: string;
}

export interface TenderRuleInput {
  estimatedValueNok: number;
  /** `weights` (default): weights in % summing to 100; `ranking`: criteria ordered by importance only. */
  weighting?: 'weights' | 'ranking';
  criteria: readonly RuleCriterion[];
  exception?: RuleException | null;
}

export interface Finding {
  code: string;
  message: string;
  /** The bid or criterion the finding is about, when there is one. */
  bid?: string;
  criterion?: string;
}

export interface RuleResult {
  /** Sum of the weights of environment criteria in % (null when criteria are ranked). */
  envWeight: number | null;
  /** Whether the purchase is at or above NOK 100 000 ex. VAT, where the rule applies. */
  ruleApplies: boolean;
  /** Whether the tender relies on a justified exception to meet the rule. */
  exceptionUsed: boolean;
  errors: Finding[];
  warnings: Finding[];
  /** Plain-language explanation of the outcome, for the officer and the file. */
  explanation: string;
}

/** Threshold in NOK ex. VAT from which the 30 % rule applies. */
export const ENV_RULE_THRESHOLD_NOK = 100_000;
/** Minimum weight of climate and environment in % under FOA § 7-9. */
export const MIN_ENV_WEIGHT = 30;
/** A written justification shorter than this is not a justification. */
export const MIN_JUSTIFICATION_CHARS = 40;

export const EXCEPTION_TEXT: Record<ExceptionKind, { nb: string; en: string }> = {
  specification: {
    nb: 'Kravspesifikasjonen inneholder klima- og miljøkrav som klart gir en bedre klima- og miljøeffekt enn vekting',
    en: 'The specification holds climate and environment requirements that clearly give a better effect than weighting',
  },
  insignificant: {
    nb: 'Anskaffelsen har et klima- og miljøavtrykk som av natur er ubetydelig',
    en: 'The purchase has a climate and environment footprint that is insignificant by nature',
  },
};

const nok = (n: number) => `${Math.round(n).toLocaleString('nb-NO').replace(/\u00a0/g, ' ')} kr`;
const pct = (n: number) => `${(Math.round(n * 10) / 10).toLocaleString('nb-NO')} %`;

/** Checks the 30 % rule, the top-three rule, weights summing to 100 and the exception; explains the outcome in plain Norwegian. */
export function checkTenderRules(input: TenderRuleInput): RuleResult {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const ranking = input.weighting === 'ranking';
  const ruleApplies = Number.isFinite(input.estimatedValueNok) && input.estimatedValueNok >= ENV_RULE_THRESHOLD_NOK;
  const envCriteria = input.criteria.filter((c) => c.kind === 'environment');
  const exception = input.exception ?? null;
  const justified = exception !== null && EXCEPTION_KINDS.includes(exception.kind) && (exception.justification ?? '').trim().length >= MIN_JUSTIFICATION_CHARS;

  if (!Number.isFinite(input.estimatedValueNok) || input.estimatedValueNok < 0) {
    errors.push({ code: 'ESTIMATED_VALUE_INVALID', message: 'Anslått verdi må være et tall på 0 kr eller mer (ekskl. mva.).' });
  }
  if (input.criteria.length === 0) errors.push({ code: 'NO_CRITERIA', message: 'Konkurransen har ingen tildelingskriterier.' });
  const ids = new Set<string>();
  for (const c of input.criteria) {
    if (ids.has(c.id)) errors.push({ code: 'DUPLICATE_CRITERION', message: `Kriteriet «${c.id}» står mer enn én gang.`, criterion: c.id });
    ids.add(c.id);
  }

  let envWeight: number | null = null;
  if (!ranking) {
    for (const c of input.criteria) {
      if (typeof c.weight !== 'number' || !Number.isFinite(c.weight) || c.weight < 0 || c.weight > 100) {
        errors.push({ code: 'WEIGHT_INVALID', message: `Vekten til «${c.name ?? c.id}» må være et tall fra 0 til 100 %.`, criterion: c.id });
      }
    }
    const sum = input.criteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? (c.weight as number) : 0), 0);
    if (input.criteria.length > 0 && Math.abs(sum - 100) > 1e-6) {
      errors.push({ code: 'WEIGHTS_NOT_100', message: `Vektene summerer seg til ${pct(sum)}; de må til sammen være 100 %.` });
    }
    envWeight = envCriteria.reduce((s, c) => s + (Number.isFinite(c.weight) ? (c.weight as number) : 0), 0);
  } else {
    const ranks = input.criteria.map((c) => c.rank);
    if (ranks.some((r) => typeof r !== 'number' || !Number.isInteger(r) || r < 1)) {
      errors.push({ code: 'RANK_INVALID', message: 'Ved rangering må hvert kriterium ha en plass: 1 er viktigst.' });
    }
  }

  let breach: Finding | null = null;
  if (ruleApplies && !ranking && envWeight !== null && envWeight < MIN_ENV_WEIGHT) {
    breach = {
      code: 'ENV_WEIGHT_BELOW_30',
      message: `Klima og miljø vektes ${pct(envWeight)}, men skal vektes minst ${MIN_ENV_WEIGHT} % fordi anskaffelsen er anslått til ${nok(input.estimatedValueNok)} ekskl. mva. (${nok(ENV_RULE_THRESHOLD_NOK)} eller mer, anskaffelsesforskriften § 7-9). Øk miljøvekten med ${pct(MIN_ENV_WEIGHT - envWeight)}, eller begrunn skriftlig et av de to unntakene.`,
    };
  }
  if (ruleApplies && ranking) {
    const sorted = [...input.criteria].filter((c) => typeof c.rank === 'number').sort((a, b) => (a.rank as number) - (b.rank as number));
    const best = envCriteria.reduce((m, c) => Math.min(m, typeof c.rank === 'number' ? c.rank : Infinity), Infinity);
    // "Among the top three" means fewer than three criteria rank strictly above it.
    const above = sorted.filter((c) => (c.rank as number) < best).length;
    if (!Number.isFinite(best) || above >= 3) {
      breach = {
        code: 'ENV_NOT_TOP_THREE',
        message: envCriteria.length
          ? `Klima og miljø er rangert som nummer ${above + 1}. Når kriteriene bare rangeres, skal klima og miljø være blant de tre viktigste (anskaffelsesforskriften § 7-9). Flytt miljøkriteriet opp, eller begrunn skriftlig et av de to unntakene.`
          : `Ingen av de rangerte kriteriene gjelder klima og miljø. Når kriteriene bare rangeres, skal klima og miljø være blant de tre viktigste (anskaffelsesforskriften § 7-9). Legg til et miljøkriterium, eller begrunn skriftlig et av de to unntakene.`,
      };
    }
  }

  let exceptionUsed = false;
  if (exception !== null && !EXCEPTION_KINDS.includes(exception.kind)) {
    errors.push({ code: 'EXCEPTION_UNKNOWN', message: 'Unntaket må være enten «kravspesifikasjon» eller «ubetydelig avtrykk».' });
  }
  if (breach) {
    if (justified) {
      exceptionUsed = true;
      warnings.push({
        code: 'EXCEPTION_USED',
        message: `Regelen om minst ${MIN_ENV_WEIGHT} % klima og miljø er ikke oppfylt, men unntaket er begrunnet: ${EXCEPTION_TEXT[exception!.kind].nb.toLowerCase()}. Begrunnelsen skal ligge i anskaffelsesprotokollen.`,
      });
    } else {
      errors.push(breach);
      if (exception !== null && EXCEPTION_KINDS.includes(exception.kind)) {
        errors.push({ code: 'EXCEPTION_NOT_JUSTIFIED', message: `Unntaket er valgt, men begrunnelsen er for kort (minst ${MIN_JUSTIFICATION_CHARS} tegn). Skriv hvorfor unntaket gjelder for akkurat denne anskaffelsen.` });
      }
    }
  }
  if (!ruleApplies && Number.isFinite(input.estimatedValueNok) && input.estimatedValueNok >= 0 && !ranking && envWeight !== null && envWeight < MIN_ENV_WEIGHT) {
    warnings.push({ code: 'BELOW_THRESHOLD', message: `Anskaffelsen er under ${nok(ENV_RULE_THRESHOLD_NOK)}, så kravet om ${MIN_ENV_WEIGHT} % gjelder ikke. Vurder likevel å vekte klima og miljø.` });
  }

  let explanation: string;
  if (errors.some((e) => e.code === 'ENV_WEIGHT_BELOW_30' || e.code === 'ENV_NOT_TOP_THREE')) explanation = breach!.message;
  else if (exceptionUsed) explanation = warnings.find((w) => w.code === 'EXCEPTION_USED')!.message;
  else if (!ruleApplies) explanation = `Anskaffelsen er under ${nok(ENV_RULE_THRESHOLD_NOK)} ekskl. mva.; kravet om klima og miljø i § 7-9 gjelder ikke.`;
  else if (ranking) explanation = 'Klima og miljø er blant de tre viktigste kriteriene, slik § 7-9 krever ved rangering.';
  else explanation = `Klima og miljø vektes ${pct(envWeight ?? 0)}, som oppfyller kravet om minst ${MIN_ENV_WEIGHT} % (anskaffelsesforskriften § 7-9).`;

  return { envWeight, ruleApplies, exceptionUsed, errors, warnings, explanation };
}
