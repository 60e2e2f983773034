import type { ReactNode } from 'react';
import { Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useProgramFormat } from './present';
import { useProjectionText, useReasonText } from './StatusBadge';
import type { Indicator } from './types';

/** The reason for an indicator's status, its key figures and the projection to the target year. */
export function IndicatorFigures({ indicator: i }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const reason = useReasonText();
  const projection = useProjectionText();
  const next = i.assessment.nextTarget;
  const rows: [string, ReactNode][] = [
    [t('program.indicator.latest'), i.latestValue === null ? '–' : `${f.value(i.latestValue, i)}${i.latestPeriod ? ` (${i.latestPeriod})` : ''}`],
    [t('program.indicator.expected'), f.value(i.assessment.expected, i)],
    [t('program.indicator.nextTarget'), next ? t('program.chart.targetBy', { value: f.value(next.value, i), date: f.date(next.date) }) : '–'],
  ];
  const proj = projection(i);
  return (
    <>
      <Paragraph className="reason">{reason(i.assessment.reason, i)}</Paragraph>
      <dl className="figures">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {proj && <Paragraph data-size="sm" className="reason">{proj}</Paragraph>}
    </>
  );
}

/** Where the figures come from: the primary source's producer, method, version and limits. */
export function SourceLine({ indicator: i }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const src = i.sources.find((s) => s.primary) ?? i.sources[0];
  if (!src) return null;
  const parts = [src.producer, src.method, src.version && t('program.source.version', { version: src.version })].filter(Boolean).join(' · ');
  return (
    <Paragraph className="source-line">
      <strong>{t('program.source.label')}:</strong> {parts}
      {src.limits && (
        <>
          {' '}
          · {t('program.source.limits')}: {src.limits}
        </>
      )}
      {src.url && (
        <>
          {' '}
          · <a href={src.url}>{t('program.source.link')}</a>
        </>
      )}
    </Paragraph>
  );
}
