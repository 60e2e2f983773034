export interface Criterion {
  key: string;
  name: string;
  weight: number;
  maxScore: number;
}

export interface Call {
  id: string;
  title: string;
  description: string;
  opensAt: string;
  deadline: string;
  budgetNok: number;
  minReviewers: number;
  criteria: Criterion[];
  open: boolean;
  state: 'upcoming' | 'open' | 'closed';
}

export type ApplicationState = 'submitted' | 'granted' | 'declined' | 'reported';
export interface Application {
  id: string;
  callId: string;
  organisationId: string;
  organisation: string;
  title: string;
  summary: string;
  amountNok: number;
  fileIds: string[];
  state: ApplicationState;
  grantedNok: number | null;
  caseNumber: string | null;
  decidedAt: string | null;
  submittedAt: string;
  reports?: { id: string; text: string; submittedAt: string }[];
}

export interface Ranked {
  applicationId: string;
  rank: number;
  total: number;
  perCriterion: Record<string, { mean: number; contribution: number }>;
  reviewers: number;
  conflicts: number;
  withinBudget: boolean;
  warnings: ('too_few_reviews' | 'tie')[];
}

export interface Review {
  id: string;
  applicationId: string;
  reviewerId: string;
  reviewer: string;
  conflict: boolean;
  conflictReason: string | null;
  scores: Record<string, number>;
}

export interface CallView {
  call: Call;
  applications: Application[];
  ranking: Ranked[] | null;
  reviews: Review[];
}
