// The agriculture API's answers, as the pages use them.
export type Management = 'conventional' | 'conversion' | 'organic';
interface Named {
  key: string;
  nb: string;
  en: string;
}
export interface Options {
  unit: 'daa';
  crops: (Named & { conversionMonths: number; horticulture?: boolean })[];
  channels: Named[];
  products: (Named & { horticulture: boolean })[];
  certifiers: (Named & { name: string; url: string })[];
  schemes: (Named & { by: string | null })[];
  managements: Management[];
  planStatuses: string[];
  today: string;
}
export interface Farm {
  id: string;
  organisationId: string;
  name: string;
  orgNumber: string;
  place: string | null;
  agriculturalAreaDaa: number;
  certifierKey: string | null;
  certifier: string | null;
  certificateNumber: string | null;
  certificateDate: string | null;
  note: string | null;
}
export interface FarmListItem extends Farm {
  latestYear: number | null;
  areaDaa: number;
  organicDaa: number;
  conversionDaa: number;
  lastYearKg: number;
  lastYear: number;
}
export interface Totals {
  kg: number;
  nok: number;
}
export interface ResultYear {
  year: number;
  partial: boolean;
  totalDaa: number;
  organicDaa: number;
  conversionDaa: number;
  conventionalDaa: number;
  organicShare: number | null;
  conversionShare: number | null;
  organicOrConversionShare: number | null;
  farms: number;
  deliveredKg: number;
  deliveredNok: number;
  byChannel: Record<string, Totals>;
  byProduct: Record<string, Totals>;
  deliveringFarms: number;
  horticultureFarms: number;
  supportNok: number;
  supportByScheme: Record<string, number>;
}
export interface Results {
  asOf: string;
  unit: 'daa';
  farms: number;
  years: ResultYear[];
  plans: { open: number; openAreaDaa: number; completed: number };
}
export interface FarmArea {
  cropKey: string;
  areaDaa: number;
  management: Management;
  conversionStart: string | null;
  managementAtEnd: Management;
}
export interface FarmYear {
  year: number;
  areas: FarmArea[];
  totalDaa: number;
  organicDaa: number;
  conversionDaa: number;
  organicShare: number | null;
  conversionShare: number | null;
  deliveredKg: number;
  deliveredNok: number;
}
export interface Plan {
  id: string;
  farmId: string;
  targetYear: number;
  areaDaa: number;
  status: string;
  note: string | null;
}
export interface Support {
  id: string;
  schemeKey: string;
  year: number;
  amountNok: number;
  note: string | null;
}
export interface FarmDetail {
  farm: Farm;
  canEdit: boolean;
  canGrant: boolean;
  today: string;
  years: FarmYear[];
  plans: Plan[];
  support: Support[];
}
export interface Delivery {
  id: string;
  farmId: string;
  year: number;
  month: number | null;
  period: string;
  channelKey: string;
  productKey: string;
  kg: number;
  valueNok: number;
  note: string | null;
  importFile: string | null;
  importLine: number | null;
  enteredBy: string;
}
export interface DeliveryPage {
  total: number;
  limit: number;
  offset: number;
  items: Delivery[];
}
