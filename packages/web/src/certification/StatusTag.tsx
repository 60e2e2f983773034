import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { CertStatus } from './types';
import './certification.css';

const COLOR: Record<CertStatus, string> = { certified: 'success', expiring: 'warning', in_grace: 'warning', in_progress: 'info', lapsed: 'danger', none: 'neutral' };

/**
 * The shape of a status, the same on the map, in its legend and in tags, so that colour is never
 * the only cue: certified ●, expiring ▲, renewal overdue ◆, in progress ◐, lapsed ✕ in a square, none ○.
 */
export function StatusShape({ status, x = 8, y = 8, r = 6, className }: { status: CertStatus; x?: number; y?: number; r?: number; className?: string }) {
  const cls = `cert-shape cert-shape--${status}${className ? ` ${className}` : ''}`;
  switch (status) {
    case 'certified':
      return <circle className={cls} cx={x} cy={y} r={r} />;
    case 'expiring':
      return <path className={cls} d={`M${x} ${y - r * 1.15}L${x + r * 1.1} ${y + r * 0.85}H${x - r * 1.1}Z`} />;
    case 'in_grace':
      return <path className={cls} d={`M${x} ${y - r * 1.2}L${x + r * 1.2} ${y}L${x} ${y + r * 1.2}L${x - r * 1.2} ${y}Z`} />;
    case 'in_progress':
      return (
        <g className={cls}>
          <circle cx={x} cy={y} r={r} className="cert-shape__ring" />
          <path d={`M${x} ${y - r}A${r} ${r} 0 0 0 ${x} ${y + r}Z`} />
        </g>
      );
    case 'lapsed':
      return (
        <g className={cls}>
          <rect x={x - r} y={y - r} width={r * 2} height={r * 2} />
          <path d={`M${x - r * 0.55} ${y - r * 0.55}L${x + r * 0.55} ${y + r * 0.55}M${x + r * 0.55} ${y - r * 0.55}L${x - r * 0.55} ${y + r * 0.55}`} className="cert-shape__cross" />
        </g>
      );
    default:
      return <circle className={cls} cx={x} cy={y} r={r * 0.8} />;
  }
}

/** The status shape as a small inline icon. */
export function StatusIcon({ status }: { status: CertStatus }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="cert-status-icon">
      <StatusShape status={status} />
    </svg>
  );
}

/** A status as a tag: its shape and the word. */
export function StatusTag({ status }: { status: CertStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={COLOR[status]} data-size="sm" className="cert-status" data-status={status}>
      <StatusIcon status={status} />
      <span>{t(`certification.status.${status}`)}</span>
    </Tag>
  );
}
