import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { StatusIcon } from '../program/StatusBadge';
import type { Status } from '../program/types';

const COLOR: Record<Status, 'success' | 'warning' | 'danger' | 'neutral'> = { on_track: 'success', at_risk: 'warning', off_track: 'danger', no_data: 'neutral' };

/** A kitchen's status against its target, in words with a symbol (never colour alone). */
export function StatusTag({ status }: { status: Status }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={COLOR[status]} data-size="sm" className="fw-status">
      <StatusIcon status={status} /> {t(`foodwaste.status.${status}`)}
    </Tag>
  );
}
