// Shapes of the register, youth-company and cluster answers of the API (server enterprise-register.service.ts).
export type VentureKind = 'social' | 'green' | 'both';
export type EngagementKind = 'reserved_contract' | 'innovation_partnership' | 'pre_commercial' | 'grant' | 'pilot';
export interface Theme {
  key: string;
  nb: string;
  en: string;
}
export interface RegisterOptions {
  ventureKinds: VentureKind[];
  engagementKinds: EngagementKind[];
  contractKinds: EngagementKind[];
  youthOutcomes: string[];
  sdgCount: number;
  themes: Theme[];
  schools: { id: string; name: string }[];
  tenders: { id: string; reference: string; title: string; status: string }[];
  grantedApplications: { id: string; title: string; organisation: string; organisationId: string; grantedNok: number | null; decidedAt: string | null }[];
  organisations: { id: string; name: string; orgNumber: string }[];
  today: string;
}
export interface Venture {
  id: string;
  organisationId: string | null;
  orgNumber: string | null;
  name: string;
  kind: VentureKind;
  activity: string;
  impactArea: string;
  sdgs: number[];
  engagements?: number;
  contracts?: number;
}
export interface Engagement {
  id: string;
  kind: EngagementKind;
  title: string;
  startDate: string;
  endDate: string | null;
  valueNok: number | null;
  tenderId: string | null;
  tender: string | null;
  applicationId: string | null;
  application: string | null;
  note: string | null;
}
export interface VentureDetail extends Omit<Venture, 'engagements'> {
  engagements: Engagement[];
}
export interface Paged<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
export interface Youth {
  id: string;
  name: string;
  schoolUnitId: string | null;
  school: string;
  year: number;
  idea: string;
  participants: number;
  outcome: string;
  orgNumber: string | null;
  prize: string | null;
  support: string;
  supportNok: number | null;
}
export interface YouthPage extends Paged<Youth> {
  perYear: { year: number; count: number; participants: number; continued: number; supportNok: number }[];
}
export interface Industry {
  code: string;
  name: string | null;
}
export interface Member {
  id: string;
  organisationId: string;
  name: string;
  orgNumber: string;
  website: string | null;
  industry: Industry | null;
  theme: Theme;
  joinedOn: string;
  leftOn: string | null;
  description: string;
  current: boolean;
}
export interface ClusterAdmin {
  today: string;
  themes: Theme[];
  members: Member[];
  events: { id: string; title: string; date: string; place: string | null; description: string; participants: { id: string; name: string }[] }[];
  projects: { id: string; title: string; description: string; theme: Theme; startDate: string; endDate: string | null; members: { id: string; name: string }[] }[];
  suggestions: { organisationId: string; name: string; orgNumber: string; place: string | null; employees: number | null; industry: Industry | null; theme: Theme; rationale: string; rulePrefix: string }[];
}
export interface Figures {
  asOf: string;
  register: { year: number; contracts: number; spendNok: number; greenSupported: number }[];
  youth: { year: number; count: number }[];
  cluster: { period: string; date: string; members: number }[];
  projects: { year: number; running: number }[];
}
export interface PublicCluster {
  memberCount: number;
  themes: (Theme & { members: { name: string; description: string; industry: Industry | null; website: string | null; place: string | null }[] })[];
  projects: { title: string; description: string; theme: Theme; startDate: string; endDate: string | null; members: string[] }[];
}
