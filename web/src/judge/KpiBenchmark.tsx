/**
 * The cycle's KPI benchmark beside the entry (GET /api/assignments/:id/benchmark): per required
 * KPI the entry's target and actual, whether it met its target, where it stands among the
 * entrants of its cycle and category, and their quartiles — aggregates only, the same in blind rounds.
 */
import { Alert, Skeleton, Table, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { formatNumber } from '../format';
import { errorText } from '../staff/errors';
import { Pill } from '../staff/rounds/RoundTabs';
import { benchmarkQuery, type KpiBenchmark } from './queries';
import { useJudgeT } from './texts';

export function KpiBenchmarkTable({ assignmentId }: { assignmentId: string }) {
  const { j, label, lang } = useJudgeT();
  const q = useQuery(benchmarkQuery(assignmentId));
  if (q.isError) return <Alert type="warning" showIcon message={j('benchmarkFailed')} description={errorText(q.error)} />;
  if (!q.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v, lang));
  const quartiles = (k: KpiBenchmark) => (k.reporting ? `${n(k.p25)} / ${n(k.median)} / ${n(k.p75)}` : '—');
  return (
    <section aria-labelledby="kpi-benchmark-title" data-kpi-benchmark>
      <Typography.Title level={3} id="kpi-benchmark-title" style={{ fontSize: 16, marginTop: 16 }}>
        {j('benchmarkTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{j('benchmarkNote', { n: q.data.entrants })}</Typography.Paragraph>
      {/* a region that scrolls sideways on a phone: focusable, so the keyboard reaches all of it */}
      <div role="region" aria-labelledby="kpi-benchmark-title" tabIndex={0} style={{ overflowX: 'auto' }}>
        <Table<KpiBenchmark>
          size="small"
          rowKey="key"
          pagination={false}
          style={{ minWidth: 720 }}
          dataSource={q.data.kpis}
          columns={[
            {
              title: j('benchmarkKpi'),
              key: 'kpi',
              width: 150,
              render: (_, k) => (
                <span>
                  {label(k.label)}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {label(k.unit)} · {j(`direction_${k.direction}` as 'direction_lower')}
                  </Typography.Text>
                </span>
              ),
            },
            { title: j('benchmarkTarget'), key: 'target', align: 'right', render: (_, k) => n(k.entry?.target) },
            { title: j('benchmarkActual'), key: 'actual', align: 'right', render: (_, k) => n(k.entry?.actual) },
            {
              title: j('benchmarkMet'),
              key: 'met',
              render: (_, k) =>
                !k.entry ? '—' : <Pill tone={k.entry.met ? 'ok' : 'warn'}>{j(k.entry.met ? 'benchmarkMetYes' : 'benchmarkMetNo')}</Pill>,
            },
            {
              title: j('benchmarkStanding'),
              key: 'standing',
              render: (_, k) =>
                k.entry?.betterThanPct === null || k.entry?.betterThanPct === undefined
                  ? '—'
                  : j('benchmarkBetterThan', { pct: k.entry.betterThanPct }),
            },
            { title: j('benchmarkQuartiles'), key: 'quartiles', align: 'right', render: (_, k) => quartiles(k) },
            {
              title: j('benchmarkMetShare'),
              key: 'share',
              align: 'right',
              render: (_, k) => (k.metShare === null ? '—' : `${formatNumber(k.metShare * 100, lang, 0)} % (${k.reporting})`),
            },
          ]}
        />
      </div>
    </section>
  );
}
