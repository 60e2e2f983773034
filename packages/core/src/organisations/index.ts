export { formatOrgNumber, isValidOrgNumber, normaliseOrgNumber, orgNumberCheckDigit } from './orgnr.js';
export { BrregFormatError, filterByMunicipality, parseBrregDocument, parseBrregUpdates } from './brreg.js';
export type { BrregDocument, BrregEntity, BrregIssue, BrregKind, BrregUpdate } from './brreg.js';
export * from './kinds.js';
