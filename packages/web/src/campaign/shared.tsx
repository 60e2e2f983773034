// What the campaign pages share: types of the API's answers, queries, formats, the browser's
// random participant id (only its keyed hash is stored on the server).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Paged } from '../app/api';
import { formatDate, formatDateTime, formatNumber, localeOf } from '../app/format';

export interface Theme {
  id: string;
  titleNb: string;
  titleEn: string | null;
  textNb: string;
  textEn: string | null;
  moderation: 'pre' | 'post';
  open: boolean;
  threads: number;
}
export interface Post {
  id: string;
  parentId: string | null;
  title: string | null;
  displayName: string;
  body: string;
  createdAt: string;
  byStaff: boolean;
}
export interface Thread extends Post {
  replies: Post[];
}
export interface ThemeThreads {
  theme: Theme;
  threads: Thread[];
  total: number;
  limit: number;
  offset: number;
}
export interface CampaignEvent {
  id: string;
  themeId: string | null;
  kind: 'meeting' | 'workshop' | 'repair_day';
  title: string;
  description: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  seatsTaken: number;
  seatsLeft: number;
  cancelled: boolean;
}
export interface QueueItem {
  post: Post & { status: 'pending' | 'visible' | 'hidden'; themeId: string; themeTitle: string; threadTitle: string | null };
  reports: { id: string; reason: string; note: string | null; createdAt: string }[];
}
export interface StatsRow {
  period: string;
  eventSeats: number;
  posters: number;
  participants: number;
  posts: number;
  calculatorResults: number;
  pledges: number;
}
export interface Stats {
  interval: 'week' | 'month';
  from: string;
  to: string;
  rows: StatsRow[];
  totals: { eventSeats: number; posts: number; calculatorResults: number; pledges: number };
}

export const campaignKeys = {
  themes: ['campaign', 'themes'] as const,
  theme: (id: string, page: number) => ['campaign', 'theme', id, page] as const,
  events: (page: number) => ['campaign', 'events', page] as const,
  allEvents: (page: number) => ['campaign', 'all-events', page] as const,
  queue: (page: number) => ['campaign', 'queue', page] as const,
  stats: (interval: string, from: string, to: string) => ['campaign', 'stats', interval, from, to] as const,
};

export const PAGE = 10;

export function useThemes() {
  return useQuery({ queryKey: campaignKeys.themes, queryFn: () => api<Theme[]>('/public/campaign/themes'), staleTime: 30_000 });
}
export function useEvents(page: number) {
  return useQuery({ queryKey: campaignKeys.events(page), queryFn: () => api<Paged<CampaignEvent>>('/public/campaign/events', { query: { limit: PAGE, offset: (page - 1) * PAGE } }), staleTime: 10_000 });
}

/** Formats and the theme texts in the page's language (English falls back to Norwegian). */
export function useCmp() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return {
    t,
    lang: en ? ('en' as const) : ('nb' as const),
    n: (v: number, d = 0) => formatNumber(v, i18n.language, d),
    date: (d: string) => formatDate(d, i18n.language),
    dateTime: (d: string) => formatDateTime(d, i18n.language),
    when: (start: string, end: string) => {
      const loc = localeOf(i18n.language);
      const day = new Intl.DateTimeFormat(loc, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(start));
      const time = new Intl.DateTimeFormat(loc, { hour: '2-digit', minute: '2-digit' });
      return `${day}, ${time.format(new Date(start))}–${time.format(new Date(end))}`;
    },
    title: (x: Theme) => (en && x.titleEn ? x.titleEn : x.titleNb),
    text: (x: Theme) => (en && x.textEn ? x.textEn : x.textNb),
  };
}

const PARTICIPANT_KEY = 'omstilling.campaign.participant';

/** A random id for this browser, so the server can limit bursts and count distinct posters without knowing who. */
export function participantId(): string {
  try {
    const have = localStorage.getItem(PARTICIPANT_KEY);
    if (have && /^[A-Za-z0-9_-]{16,64}$/.test(have)) return have;
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    const id = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    localStorage.setItem(PARTICIPANT_KEY, id);
    return id;
  } catch {
    return '';
  }
}
