import { useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Dialog, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../app/api';
import { can, useSession } from '../app/auth';
import { PageHeading } from '../app/ui/PageHeading';
import { AppLink } from '../app/ui/AppLink';
import { Loading, QueryError, useErrorMessage } from '../app/ui/Status';
import { IndicatorChart } from './IndicatorChart';
import { IndicatorFigures } from './IndicatorSummary';
import { mayActForUnit } from './permissions';
import { useProgramFormat } from './present';
import { findIndicator, programKeys, useProgram } from './queries';
import { StatusBadge } from './StatusBadge';
import { AddValueForm, ImportValuesForm } from './ValueForms';
import { JsonStatSourceForm, TableSourceForm, UsePrimaryButton } from './SourceForms';
import type { Goal, Indicator, ProgramView, ValueView } from './types';
import './program.css';

function Metadata({ indicator: i }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const domain = (d: string | null) => (d ? t(`domains.${d}.name`, { defaultValue: d }) : '–');
  const source: ReactNode =
    i.source === 'computed' ? t('program.indicator.computedBy', { domain: domain(i.domain) }) + (i.metric ? ` (${i.metric})` : '')
    : i.source === 'derived' ? (
      <>
        {t('program.indicator.derived')} <code>{i.formula}</code>
      </>
    ) : i.source === 'open_data' ? t('program.indicator.openData')
    : i.plannedDomain ? t('program.indicator.enteredPlanned', { domain: domain(i.plannedDomain) })
    : t('program.indicator.entered');
  const rows: [string, ReactNode][] = [
    [t('program.indicator.unit'), f.unit(i.unit) || t('program.valueForm.count')],
    [t('program.indicator.direction'), t(`program.direction.${i.direction}`, { defaultValue: i.direction })],
    [
      t('program.indicator.baseline'),
      i.baseline ? (
        <>
          {f.value(i.baseline.value, i)} ({f.date(i.baseline.date)})
          {i.baseline.note && <span className="value-source"> – {f.loc(i.baseline.note)}</span>}
        </>
      ) : (
        '–'
      ),
    ],
    [
      t('program.indicator.targets'),
      i.targets.length ? (
        <ul className="plain-list">
          {i.targets.map((x) => (
            <li key={x.date}>
              {t('program.chart.targetBy', { value: f.value(x.value, i), date: f.date(x.date) })}
              {x.label && <span className="value-source"> – {f.loc(x.label)}</span>}
            </li>
          ))}
        </ul>
      ) : (
        '–'
      ),
    ],
    [t('program.indicator.path'), t(`program.pathShape.${i.path}`, { defaultValue: i.path })],
    [t('program.indicator.tolerance'), t('program.indicator.toleranceValue', { share: f.number(i.tolerance * 100, 0) })],
    [t('program.indicator.interval'), t(`program.interval.${i.reportingInterval}`, { defaultValue: i.reportingInterval })],
    [t('program.indicator.nextDue'), f.date(i.nextDue)],
    [t('program.indicator.responsible'), i.responsibleUnit?.name ?? t('program.noUnit')],
    [t('program.indicator.visibility'), t(`program.visibility.${i.visibility}`, { defaultValue: i.visibility })],
    [t('program.indicator.source'), source],
  ];
  return (
    <dl className="fields">
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Sources({ indicator: i, mayChoose }: { indicator: Indicator; mayChoose: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <Table data-size="sm" border>
        <caption>{t('program.source.caption')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell scope="col">{t('program.source.name')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('program.source.producer')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('program.source.method')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('program.source.versionHead')}</Table.HeaderCell>
            <Table.HeaderCell scope="col">{t('program.source.limits')}</Table.HeaderCell>
            {mayChoose && <Table.HeaderCell scope="col">{t('program.source.actions')}</Table.HeaderCell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {i.sources.map((s) => (
            <Table.Row key={s.id}>
              <Table.Cell>
                {s.url ? <a href={s.url}>{s.name}</a> : s.name}
                {s.primary && <span className="value-source"> ({t('program.source.primary')})</span>}
              </Table.Cell>
              <Table.Cell>{s.producer || '–'}</Table.Cell>
              <Table.Cell>{s.method || '–'}</Table.Cell>
              <Table.Cell>{s.version || '–'}</Table.Cell>
              <Table.Cell>{s.limits || '–'}</Table.Cell>
              {mayChoose && <Table.Cell>{!s.primary && <UsePrimaryButton indicator={i} sourceId={s.id} label={s.name} />}</Table.Cell>}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function ValuesTable({ indicator: i, mayEdit }: { indicator: Indicator; mayEdit: boolean }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const dialog = useRef<HTMLDialogElement>(null);
  const [target, setTarget] = useState<ValueView | null>(null);
  const del = useMutation({
    mutationFn: (id: string) => api<void>(`/values/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: async () => {
      dialog.current?.close();
      await qc.invalidateQueries({ queryKey: programKeys.all });
    },
  });
  const sourceName = new Map(i.sources.map((s) => [s.id, s.name]));
  const several = new Set(i.values.map((v) => v.sourceId)).size > 1;
  const values = [...i.values].sort((a, b) => b.date.localeCompare(a.date));
  const deletable = mayEdit && (i.source === 'entered' || i.source === 'open_data');
  if (!values.length) return <Paragraph>{t('program.values.none')}</Paragraph>;
  return (
    <>
      <div className="table-wrap">
        <Table zebra border data-size="sm" className="values-table">
          <caption>{t('program.values.caption', { count: values.length })}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope="col">{t('program.values.period')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('program.values.date')}</Table.HeaderCell>
              <Table.HeaderCell scope="col" className="num">
                {t('program.values.value')}
              </Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('program.values.note')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('program.values.producedBy')}</Table.HeaderCell>
              <Table.HeaderCell scope="col">{t('program.values.importFile')}</Table.HeaderCell>
              {several && <Table.HeaderCell scope="col">{t('program.values.source')}</Table.HeaderCell>}
              {deletable && (
                <Table.HeaderCell scope="col">
                  <span className="ds-sr-only">{t('program.values.actions')}</span>
                </Table.HeaderCell>
              )}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {values.map((v) => (
              <Table.Row key={`${v.sourceId}-${v.date}`}>
                <Table.Cell className="nowrap">{v.period}</Table.Cell>
                <Table.Cell className="nowrap">{f.date(v.date)}</Table.Cell>
                <Table.Cell className="num">{f.value(v.value, i, 2)}</Table.Cell>
                <Table.Cell>{v.note ?? ''}</Table.Cell>
                <Table.Cell>{v.producedBy}</Table.Cell>
                <Table.Cell>{v.importFile ? t('program.values.fileLine', { file: v.importFile, line: v.importLine ?? '–' }) : '–'}</Table.Cell>
                {several && <Table.Cell>{sourceName.get(v.sourceId) ?? '–'}</Table.Cell>}
                {deletable && (
                  <Table.Cell>
                    {v.id && (
                      <Button
                        variant="tertiary"
                        data-color="danger"
                        data-size="sm"
                        onClick={() => {
                          del.reset();
                          setTarget(v);
                          dialog.current?.showModal();
                        }}
                      >
                        {t('common.delete')}
                        <span className="ds-sr-only"> {t('program.values.deleteWhich', { period: v.period })}</span>
                      </Button>
                    )}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      <Dialog ref={dialog} closeButton={t('common.close')} aria-labelledby="delete-value-title" onClose={() => del.reset()}>
        <Heading level={2} data-size="sm" id="delete-value-title">
          {t('program.values.deleteTitle', { period: target?.period ?? '' })}
        </Heading>
        <Paragraph>{target && t('program.values.deleteText', { value: f.value(target.value, i, 2), date: f.date(target.date) })}</Paragraph>
        {del.isError && (
          <Alert data-color="danger" className="block">
            <Paragraph>{message(del.error)}</Paragraph>
          </Alert>
        )}
        <div className="actions">
          <Button data-color="danger" loading={del.isPending} onClick={() => target?.id && del.mutate(target.id)}>
            {t('program.values.deleteConfirm')}
          </Button>
          <Button variant="secondary" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </Button>
        </div>
      </Dialog>
    </>
  );
}

function IndicatorBody({ indicator: i, goal: g, program: p }: { indicator: Indicator; goal: Goal | null; program: ProgramView }) {
  const { t } = useTranslation();
  const f = useProgramFormat();
  const { user } = useSession();
  const mayRecord = mayActForUnit(user, i.responsibleUnit?.id) && (i.source === 'entered' || i.source === 'open_data');
  // Sources of computed and derived indicators come from the program file.
  const mayChooseSource = can.editDomain(user, 'program') && (i.source === 'entered' || i.source === 'open_data');
  return (
    <>
      <nav aria-label={t('program.breadcrumbs')}>
        <ol className="breadcrumbs">
          <li>
            <AppLink to="/program/$programId" params={{ programId: p.id }}>
              {f.loc(p.name)}
            </AppLink>
          </li>
          {g && (
            <li>
              <AppLink to="/program/$programId/goals/$code" params={{ programId: p.id, code: g.code }}>
                {g.code} {f.loc(g.title)}
              </AppLink>
            </li>
          )}
          <li aria-current="page">{t('program.indicator.crumb')}</li>
        </ol>
      </nav>
      <div className="heading-row">
        <PageHeading>{f.loc(i.name)}</PageHeading>
        <StatusBadge status={i.status} size="md" />
      </div>
      {f.loc(i.description) && <Paragraph className="lead">{f.loc(i.description)}</Paragraph>}
      <IndicatorFigures indicator={i} />
      <IndicatorChart indicator={i} asOf={p.asOf} />

      <section aria-labelledby="ind-about">
        <Heading level={2} data-size="sm" id="ind-about" className="block">
          {t('program.indicator.about')}
        </Heading>
        <Metadata indicator={i} />
        <Sources indicator={i} mayChoose={mayChooseSource} />
        {mayChooseSource && (
          <details className="block">
            <summary>{t('program.source.addTitle')}</summary>
            <JsonStatSourceForm indicator={i} />
          </details>
        )}
        {mayChooseSource && (
          <details className="block">
            <summary>{t('program.source.addTableTitle')}</summary>
            <TableSourceForm indicator={i} />
          </details>
        )}
      </section>

      <section aria-labelledby="ind-values">
        <Heading level={2} data-size="sm" id="ind-values" className="block">
          {t('program.values.title')}
        </Heading>
        <ValuesTable indicator={i} mayEdit={mayRecord} />
      </section>

      {mayRecord && (
        <>
          <section aria-labelledby="ind-add">
            <Heading level={2} data-size="sm" id="ind-add" className="block">
              {t('program.valueForm.title')}
            </Heading>
            <Paragraph className="lead">{t('program.valueForm.intro')}</Paragraph>
            <AddValueForm indicator={i} />
          </section>
          <section aria-labelledby="ind-import">
            <Heading level={2} data-size="sm" id="ind-import" className="block">
              {t('program.import.title')}
            </Heading>
            <Paragraph className="lead">{t('program.import.intro', { key: i.key })}</Paragraph>
            <ImportValuesForm programId={p.id} />
          </section>
        </>
      )}
      {!mayRecord && (i.source === 'computed' || i.source === 'derived') && (
        <Alert data-color="info" className="block">
          <Paragraph>{i.source === 'computed' ? t('program.indicator.computedNote') : t('program.indicator.derivedNote')}</Paragraph>
        </Alert>
      )}
    </>
  );
}

/** One indicator: what it measures and where from, its chart and values, and forms to record more. */
export function IndicatorPage() {
  const { t } = useTranslation();
  const { programId, indicatorId } = useParams({ from: '/signed-in/program/$programId/indicators/$indicatorId' });
  const q = useProgram(programId);
  if (q.isPending) return <Loading />;
  if (q.isError)
    return (
      <>
        <PageHeading>{t('domains.program.name')}</PageHeading>
        <QueryError error={q.error} />
      </>
    );
  const found = findIndicator(q.data, indicatorId);
  if (!found)
    return (
      <>
        <PageHeading>{t('program.indicator.notFound')}</PageHeading>
        <AppLink to="/program/$programId" params={{ programId }}>
          {t('program.backToOverview')}
        </AppLink>
      </>
    );
  return <IndicatorBody indicator={found.indicator} goal={found.goal} program={q.data} />;
}
