import { Type } from '@sinclair/typebox';
import { Nullable } from '../platform/http/schemas.js';

const Localized = Type.Object({ nb: Type.String(), en: Type.String() });
const Status = Type.Union([Type.Literal('on_track'), Type.Literal('at_risk'), Type.Literal('off_track'), Type.Literal('no_data')]);
const Counts = Type.Object({ on_track: Type.Integer(), at_risk: Type.Integer(), off_track: Type.Integer(), no_data: Type.Integer() });
const UnitRef = Nullable(Type.Object({ id: Type.String(), name: Type.String() }));

export const IndicatorSchema = Type.Object(
  {
    id: Type.String(),
    key: Type.String(),
    goalCode: Nullable(Type.String()),
    name: Localized,
    description: Localized,
    unit: Type.String(),
    direction: Type.String({ description: 'increase or decrease: which way is better' }),
    decimals: Type.Integer(),
    baseline: Nullable(Type.Object({ value: Type.Number(), date: Type.String(), note: Nullable(Localized) })),
    targets: Type.Array(Type.Object({ date: Type.String(), value: Type.Number(), label: Nullable(Localized) })),
    path: Type.String(),
    tolerance: Type.Number(),
    reportingInterval: Type.String(),
    responsibleUnit: UnitRef,
    visibility: Type.String(),
    source: Type.String({ description: 'entered | computed | derived | open_data' }),
    domain: Nullable(Type.String()),
    metric: Nullable(Type.String()),
    formula: Nullable(Type.String()),
    plannedDomain: Nullable(Type.String()),
    sources: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), name: Type.String(), producer: Type.String(), method: Type.String(), version: Type.String(), limits: Type.String(), url: Nullable(Type.String()), primary: Type.Boolean() })),
    values: Type.Array(
      Type.Object({ id: Nullable(Type.String()), sourceId: Type.String(), period: Type.String(), date: Type.String(), value: Type.Number(), note: Nullable(Type.String()), producedBy: Type.String(), importFile: Nullable(Type.String()), importLine: Nullable(Type.Integer()) }),
    ),
    latestValue: Nullable(Type.Number()),
    latestPeriod: Nullable(Type.String()),
    latestDate: Nullable(Type.String()),
    nextDue: Nullable(Type.String()),
    status: Status,
    assessment: Type.Object({
      status: Status,
      reason: Type.Object({ code: Type.String(), params: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])) }),
      expected: Nullable(Type.Number()),
      latest: Nullable(Type.Object({ date: Type.String(), value: Type.Number() }, { additionalProperties: true })),
      projection: Nullable(Type.Object({ date: Type.String(), value: Type.Number(), method: Type.String() })),
      nextTarget: Nullable(Type.Object({ date: Type.String(), value: Type.Number() })),
      gap: Nullable(Type.Number()),
    }),
    pathPoints: Type.Array(Type.Object({ date: Type.String(), value: Type.Number() })),
  },
  { $id: 'Indicator' },
);

export const IndicatorSummarySchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  name: Localized,
  unit: Type.String(),
  decimals: Type.Integer(),
  direction: Type.String(),
  status: Status,
  reason: Type.Object({ code: Type.String(), params: Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()])) }),
  latestValue: Nullable(Type.Number()),
  latestPeriod: Nullable(Type.String()),
  baseline: Nullable(Type.Object({ date: Type.String(), value: Type.Number() })),
  finalTarget: Nullable(Type.Object({ date: Type.String(), value: Type.Number() })),
  series: Type.Array(Type.Tuple([Type.String(), Type.Number()]), { description: '[date, value] pairs of the primary source, oldest first' }),
  source: Type.String(),
  domain: Nullable(Type.String()),
});

const Action = Type.Object({
  id: Type.String(),
  key: Type.String(),
  goalCode: Type.String(),
  title: Localized,
  description: Localized,
  status: Type.String(),
  startDate: Nullable(Type.String()),
  endDate: Nullable(Type.String()),
  budgetNok: Nullable(Type.Number()),
  responsibleUnit: UnitRef,
  indicatorKeys: Type.Array(Type.String()),
  log: Type.Array(Type.Object({ id: Type.String(), date: Type.String(), kind: Type.String(), text: Localized, caseNumber: Nullable(Type.String()), author: Type.String() })),
  lacks: Type.Array(Type.String()),
});

const GoalSchema = Type.Object({ id: Type.String(), code: Type.String(), title: Localized, text: Localized, responsibleUnit: UnitRef, servedBy: Type.Array(Type.String()), status: Status, statusCounts: Counts, indicators: Type.Array(Type.Ref('Indicator')), actions: Type.Array(Action) });

export const ProgramViewSchema = Type.Object(
  {
    id: Type.String(),
    key: Type.String(),
    name: Localized,
    description: Localized,
    startDate: Type.String(),
    endDate: Type.String(),
    asOf: Type.String(),
    status: Status,
    statusCounts: Counts,
    areas: Type.Array(
      Type.Object({
        id: Type.String(),
        code: Type.String(),
        title: Localized,
        description: Localized,
        status: Status,
        statusCounts: Counts,
        goals: Type.Array(GoalSchema),
      }),
    ),
    contextIndicators: Type.Array(Type.Ref('Indicator')),
    rules: Type.Object({ text: Localized, numbers: Type.Object({}, { additionalProperties: true }) }),
  },
  { $id: 'ProgramView' },
);

export const ProgramSummaryViewSchema = Type.Object(
  {
    id: Type.String(),
    key: Type.String(),
    name: Localized,
    description: Localized,
    startDate: Type.String(),
    endDate: Type.String(),
    asOf: Type.String(),
    status: Status,
    statusCounts: Counts,
    rules: Type.Object({ text: Localized, numbers: Type.Object({}, { additionalProperties: true }) }),
    areas: Type.Array(
      Type.Object({
        code: Type.String(),
        title: Localized,
        status: Status,
        statusCounts: Counts,
        goals: Type.Array(Type.Object({ code: Type.String(), title: Localized, status: Status, statusCounts: Counts, responsibleUnit: Nullable(Type.String()), actionCounts: Type.Record(Type.String(), Type.Integer()), indicators: Type.Array(IndicatorSummarySchema) })),
      }),
    ),
    contextIndicators: Type.Array(IndicatorSummarySchema),
  },
  { $id: 'ProgramSummaryView' },
);

export const PublicGoalSchema = Type.Object(
  {
    program: Type.Object({ id: Type.String(), key: Type.String(), name: Localized, asOf: Type.String() }),
    area: Type.Object({ code: Type.String(), title: Localized }),
    goal: GoalSchema,
    rules: Type.Object({ text: Localized, numbers: Type.Object({}, { additionalProperties: true }) }),
  },
  { $id: 'PublicGoal' },
);

export const ProgramSummarySchema = Type.Object({ id: Type.String(), key: Type.String(), name: Localized, startDate: Type.String(), endDate: Type.String() });

export const ValueBody = Type.Object({
  period: Type.String({ minLength: 1, maxLength: 30 }),
  date: Type.String({ format: 'date' }),
  value: Type.Number(),
  note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  sourceId: Type.Optional(Nullable(Type.String())),
});

export const ActionLogBody = Type.Object({
  date: Type.String({ format: 'date' }),
  kind: Type.Union([Type.Literal('update'), Type.Literal('decision')]),
  text: Type.String({ minLength: 1, maxLength: 4000 }),
  textEn: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  caseNumber: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  status: Type.Optional(Nullable(Type.Union([Type.Literal('planned'), Type.Literal('in_progress'), Type.Literal('done'), Type.Literal('cancelled')]))),
});
