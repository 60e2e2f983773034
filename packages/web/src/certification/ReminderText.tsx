import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../app/format';
import type { Reminder, ReminderKind } from './types';

const COLOR: Record<ReminderKind, string> = { lapsed: 'danger', in_grace: 'danger', report_missing: 'warning', expires_30: 'warning', expires_90: 'neutral' };

/** The kind of a reminder as a tag (a word, not a colour). */
export function ReminderTag({ kind }: { kind: ReminderKind }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={COLOR[kind]} data-size="sm">
      {t(`certification.reminders.kinds.${kind}`)}
    </Tag>
  );
}

/** One sentence saying what is due and by when. */
export function useReminderText() {
  const { t } = useTranslation();
  const f = useFormat();
  return (r: Reminder) =>
    t(`certification.reminders.text.${r.kind}`, {
      unit: r.unitName,
      scheme: r.schemeName ?? '',
      number: r.certificateNumber ? ` (${r.certificateNumber})` : '',
      date: f.date(r.date),
      days: Math.abs(r.daysLeft),
      count: Math.abs(r.daysLeft),
      year: r.year ?? '',
    });
}
