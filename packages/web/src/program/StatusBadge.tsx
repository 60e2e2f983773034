import './translations';
import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { formatValue, reasonParams, useProgramFormat } from './present';
import { STATUSES, type Indicator, type Status, type StatusCounts } from './types';
import './program.css';

const COLOR: Record<Status, string> = { on_track: 'success', at_risk: 'warning', off_track: 'danger', no_data: 'neutral' };

/** A status symbol drawn in the text colour; the words beside it carry the meaning. */
export function StatusIcon({ status }: { status: Status | 'due' | 'overdue' | 'stale' }) {
  const common = { width: 16, height: 16, viewBox: '0 0 16 16', 'aria-hidden': true, focusable: false, className: 'status-icon' } as const;
  switch (status) {
    case 'on_track':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M4.5 8.2 7 10.6l4.6-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      );
    case 'at_risk':
    case 'due':
      return (
        <svg {...common}>
          <path d="M8 1.6 15 14H1z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          <path d="M8 6v3.6" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="11.8" r="1" fill="currentColor" />
        </svg>
      );
    case 'off_track':
    case 'overdue':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="m5.3 5.3 5.4 5.4m0-5.4-5.4 5.4" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" strokeWidth="1.5" strokeDasharray="2.5 2" />
          <path d="M5 8h6" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
      );
  }
}

/** A status as a tag: an icon and the word (never colour alone). */
export function StatusBadge({ status, size = 'sm' }: { status: Status; size?: 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={COLOR[status]} data-size={size} className="status-badge" data-status={status}>
      <StatusIcon status={status} />
      <span>{t(`program.status.${status}`)}</span>
    </Tag>
  );
}

/** Counts per status as a list ("11 on track, 6 at risk …"). */
export function StatusCountList({ counts, of }: { counts: StatusCounts; of: 'indicators' | 'goals' }) {
  const { t } = useTranslation();
  return (
    <ul className="status-counts">
      {STATUSES.map((s) => (
        <li key={s} data-status={s}>
          <StatusIcon status={s} />
          <span className="status-counts__n">{counts[s]}</span> <span>{t(`program.counts.${of}.${s}`, { count: counts[s] })}</span>
        </li>
      ))}
    </ul>
  );
}

/** Why an indicator has its status, in plain words with its numbers. */
export function useReasonText() {
  const { t } = useTranslation();
  const f = useProgramFormat();
  return (reason: Indicator['assessment']['reason'], ind: Pick<Indicator, 'unit' | 'decimals'>): string => {
    const code = reason.code;
    return t(`program.reason.${code}`, { ...reasonParams(reason, ind, f), defaultValue: t('program.reason.unknown', { code }) });
  };
}

/** The projected value at the final target date, as a sentence (empty when there is none). */
export function useProjectionText() {
  const { t } = useTranslation();
  const f = useProgramFormat();
  return (ind: Indicator): string => {
    const p = ind.assessment.projection;
    const final = [...ind.targets].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
    if (!p || !final) return '';
    const reaches = ind.direction === 'decrease' ? p.value <= final.value : p.value >= final.value;
    return t(p.method === 'single_point' ? 'program.projection.single' : 'program.projection.trend', {
      year: f.year(p.date),
      value: formatValue(p.value, ind, f.lng),
      target: formatValue(final.value, ind, f.lng),
      verdict: t(reaches ? 'program.projection.reaches' : 'program.projection.misses'),
    });
  };
}
