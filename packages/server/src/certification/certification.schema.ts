import { Type, type TSchema } from '@sinclair/typebox';
import { REPORT_FIELDS, STATUS_ORDER } from '@omstilling/core';
import { Nullable } from '../platform/http/schemas.js';
import { REGISTER_SORTS } from './certification.service.js';
import { CONTACT_CHANNELS, CONTACT_OUTCOMES, SIZE_CLASSES } from './businesses.service.js';
import { SESSION_FORMATS } from './training.service.js';

const lit = <T extends readonly string[]>(xs: T) => Type.Unsafe<T[number]>(Type.Union(xs.map((x) => Type.Literal(x))));
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'yyyy-mm-dd' });
const Text = Type.Object({ nb: Type.String(), en: Type.String() });
const Status = lit(STATUS_ORDER);
/** A response object whose every documented field is listed, and which may carry more (nested views). */
const Open = <T extends Record<string, TSchema>>(props: T, description?: string) => Type.Object(props, { additionalProperties: true, ...(description ? { description } : {}) });

export const DateQuery = Type.Object({ date: Type.Optional(IsoDate) });

export const Scheme = Type.Object({
  key: Type.String(),
  name: Text,
  description: Text,
  url: Nullable(Type.String()),
  builtIn: Type.Boolean(),
  validityMonths: Type.Integer(),
  graceMonths: Type.Integer(),
  annualReport: Nullable(Type.Object({ month: Type.Integer(), day: Type.Integer() })),
  surveillanceAuditsPerYear: Type.Integer(),
  countsForCoverage: Type.Boolean(),
  holders: Type.Array(Type.String()),
});

export const SchemeBody = Type.Object({
  key: Type.String({ maxLength: 40 }),
  name: Type.Object({ nb: Type.String({ maxLength: 120 }), en: Type.String({ maxLength: 120 }) }),
  description: Type.Optional(Type.Object({ nb: Type.String({ maxLength: 2000 }), en: Type.String({ maxLength: 2000 }) })),
  url: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  validityMonths: Type.Integer(),
  graceMonths: Type.Integer(),
  annualReport: Nullable(Type.Object({ month: Type.Integer(), day: Type.Integer() })),
  surveillanceAuditsPerYear: Type.Integer(),
  countsForCoverage: Type.Boolean(),
  holders: Type.Array(lit(['unit', 'organisation'] as const), { maxItems: 2 }),
});

const Coverage = Open({
  date: Type.String(),
  units: Type.Integer(),
  certified: Type.Integer(),
  certifiedShare: Nullable(Type.Number()),
  staff: Type.Integer(),
  staffCovered: Type.Integer(),
  staffShare: Nullable(Type.Number()),
  byStatus: Type.Record(Type.String(), Type.Integer()),
});

export const Overview = Open({ date: Type.String(), coverage: Coverage, history: Type.Array(Coverage) }, 'Coverage now and by quarter, staff trained, businesses certified, reports on time, reminders by kind');

export const RegisterRow = Type.Object({
  unitId: Type.String(),
  key: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  type: Type.String(),
  parentId: Nullable(Type.String()),
  sectorId: Type.String(),
  sectorName: Type.String(),
  place: Nullable(Type.String()),
  staff: Type.Integer(),
  status: Status,
  schemeKey: Nullable(Type.String()),
  schemeName: Nullable(Type.String()),
  certificateId: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  viaScope: Type.Boolean(),
  holderName: Nullable(Type.String()),
});

const registerFilters = {
  date: Type.Optional(IsoDate),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Type.String({ maxLength: 100, description: 'comma-separated statuses' })),
  scheme: Type.Optional(Type.String({ maxLength: 40 })),
  sector: Type.Optional(Type.String({ maxLength: 100, description: 'sector unit id' })),
  type: Type.Optional(Type.String({ maxLength: 30 })),
  kind: Type.Optional(Type.String({ maxLength: 10, description: 'unit (default), sector, subunit or all' })),
  sort: Type.Optional(lit(REGISTER_SORTS)),
  dir: Type.Optional(lit(['asc', 'desc'] as const)),
};
export const RegisterQuery = Type.Object({ ...registerFilters, limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })), offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })) });
export const RegisterPage = Type.Object({ items: Type.Array(RegisterRow), total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer(), date: Type.String(), coverage: Coverage });
export const ExportQuery = Type.Object({ ...registerFilters, format: Type.Optional(lit(['csv', 'xlsx'] as const)), lang: Type.Optional(lit(['nb', 'en'] as const)) });

export const MapView = Open({
  date: Type.String(),
  boundary: Nullable(Type.Array(Type.Array(Type.Array(Type.Array(Type.Number()))))),
  attribution: Nullable(Type.String()),
  points: Type.Array(Type.Object({ unitId: Type.String(), name: Type.String(), status: Status, lat: Type.Number(), lon: Type.Number(), place: Nullable(Type.String()) })),
  unplaced: Type.Array(Type.Object({ unitId: Type.String(), name: Type.String(), status: Status, place: Nullable(Type.String()) })),
});

export const Certificate = Type.Object({
  id: Type.String(),
  schemeKey: Type.String(),
  schemeName: Text,
  holder: Type.Object({ kind: lit(['unit', 'organisation'] as const), id: Type.String(), name: Type.String(), orgNumber: Nullable(Type.String()) }),
  scope: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  includeSubunits: Type.Boolean(),
  certificateNumber: Nullable(Type.String()),
  issuer: Nullable(Type.String()),
  startedOn: Nullable(Type.String()),
  issuedOn: Nullable(Type.String()),
  validUntil: Nullable(Type.String()),
  withdrawnOn: Nullable(Type.String()),
  supersedesId: Nullable(Type.String()),
  verification: Type.String(),
  rejectionReason: Nullable(Type.String()),
  verifiedBy: Nullable(Type.String()),
  verifiedAt: Nullable(Type.String()),
  note: Nullable(Type.String()),
  registeredBy: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  status: Status,
  graceEnd: Nullable(Type.String()),
  evidence: Type.Array(Type.Object({ fileId: Type.String(), filename: Type.String(), contentType: Type.String(), size: Type.Integer(), createdAt: Type.String() })),
});

const OptDate = Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'yyyy-mm-dd' })));
const certificateFields = {
  scopeUnitIds: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 500 })),
  includeSubunits: Type.Optional(Type.Boolean()),
  certificateNumber: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  issuer: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  startedOn: OptDate,
  issuedOn: OptDate,
  validUntil: OptDate,
  withdrawnOn: OptDate,
  supersedesId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
};
export const CertificateBody = Type.Object({ schemeKey: Type.String({ maxLength: 40 }), holderUnitId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))), organisationId: Type.Optional(Nullable(Type.String({ maxLength: 100 }))), ...certificateFields });
export const CertificatePatch = Type.Object({ schemeKey: Type.Optional(Type.String({ maxLength: 40 })), ...certificateFields });
export const CertificateQuery = Type.Object({
  holder: Type.Optional(lit(['unit', 'organisation'] as const)),
  verification: Type.Optional(lit(['verified', 'pending', 'rejected'] as const)),
  organisationId: Type.Optional(Type.String({ maxLength: 100 })),
  unitId: Type.Optional(Type.String({ maxLength: 100 })),
  scheme: Type.Optional(Type.String({ maxLength: 40 })),
  date: Type.Optional(IsoDate),
});
export const VerifyBody = Type.Object({ decision: lit(['verified', 'rejected'] as const), reason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) });

const reportValues = Type.Object(Object.fromEntries(REPORT_FIELDS.map((f) => [f.key, Type.Optional(Nullable(Type.Number({ description: `${f.label.en} (${f.unit})` })))])), { additionalProperties: false });
const OwnIndicator = Type.Object({ name: Type.String({ maxLength: 100 }), value: Type.Number(), unit: Type.String({ maxLength: 20 }) });
export const ReportBody = Type.Object({ unitId: Type.String({ maxLength: 100 }), year: Type.Integer(), values: reportValues, own: Type.Optional(Type.Array(OwnIndicator, { maxItems: 10 })), submit: Type.Optional(Type.Boolean()) });
export const Report = Open({
  id: Type.String(),
  unitId: Type.String(),
  unitName: Type.String(),
  year: Type.Integer(),
  values: Type.Record(Type.String(), Nullable(Type.Number())),
  own: Type.Array(OwnIndicator),
  derived: Type.Object({ kwhPerM2: Nullable(Type.Number()), wasteTotalKg: Nullable(Type.Number()), sortingRatePct: Nullable(Type.Number()), sortingRateComputedPct: Nullable(Type.Number()) }),
  status: lit(['draft', 'submitted'] as const),
  submittedAt: Nullable(Type.String()),
  submittedBy: Nullable(Type.String()),
  importFile: Nullable(Type.String()),
  importLine: Nullable(Type.Integer()),
  updatedBy: Type.String(),
  updatedAt: Type.String(),
});
export const ReportQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), unitId: Type.Optional(Type.String({ maxLength: 100 })) });
export const ReportImportResult = Type.Object({ file: Type.String(), format: Type.String(), rows: Type.Integer(), created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });

export const CourseBody = Type.Object({ title: Type.String({ maxLength: 200 }), theme: Type.String({ maxLength: 100 }), hours: Type.Number(), description: Type.Optional(Type.String({ maxLength: 2000 })) });
export const SessionBody = Type.Object({ courseId: Type.String({ maxLength: 100 }), date: Type.String({ maxLength: 10 }), format: lit(SESSION_FORMATS), place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))) });
export const ParticipationBody = Type.Object({ sessionId: Type.String({ maxLength: 100 }), unitId: Type.String({ maxLength: 100 }), participants: Type.Integer(), completed: Type.Integer(), names: Type.Optional(Nullable(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 1000 }))) });

export const OutreachQuery = Type.Object({
  industry: Type.Optional(Type.String({ maxLength: 10, description: 'SN2007 code prefix, e.g. 55 or 47.1' })),
  size: Type.Optional(lit(Object.keys(SIZE_CLASSES) as (keyof typeof SIZE_CLASSES)[])),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  contacted: Type.Optional(lit(['yes', 'no'] as const)),
  date: Type.Optional(IsoDate),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 25 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export const ContactBody = Type.Object({ organisationId: Type.String({ maxLength: 100 }), date: Type.String({ maxLength: 10 }), channel: lit(CONTACT_CHANNELS), outcome: lit(CONTACT_OUTCOMES), note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) });

export const AnyObject = Type.Object({}, { additionalProperties: true });
