export type { CriterionKind, ExceptionKind, Finding as ProcurementFinding, RuleCriterion, RuleException, RuleResult, TenderRuleInput } from './rules.js';
export { CRITERION_KINDS, ENV_RULE_THRESHOLD_NOK, EXCEPTION_KINDS, EXCEPTION_TEXT, MIN_ENV_WEIGHT, MIN_JUSTIFICATION_CHARS, checkTenderRules } from './rules.js';
export type { CarbonPricePoint, LccInput, LccResult, LccYear } from './lcc.js';
export { DEFAULT_DISCOUNT_RATE, carbonPriceFor, lifeCycleCost, validateLcc } from './lcc.js';
export type { EvalBid, EvalCriterion, EvaluationInput as TenderEvaluationInput, EvaluationResult as TenderEvaluationResult, PriceModel, PriceModelKind, RankedBid, Sensitivity as EnvWeightSensitivity } from './evaluation.js';
export { PRICE_MODEL_FORMULAS, PRICE_MODEL_KINDS, TOTAL_FORMULA, evaluateTender, pricePoints, withEnvWeight } from './evaluation.js';
export type { CheckKind, FollowUpFacts, FollowUpStatus, Outcome as FollowUpOutcome, ProcurementFigures, Sanction as FollowUpSanction, TenderFacts } from './followup.js';
export { CHECK_KINDS, FOLLOW_UP_STATUSES, OUTCOMES, SANCTIONS, followUpDueDates, followUpStatus, procurementFigures, validateOutcome } from './followup.js';
