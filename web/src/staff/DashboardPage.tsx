/**
 * The dashboard of a cycle: entries by state (counts and a chart), submissions per day up to the
 * deadline, by category and industry, completeness, receipts awaiting a check or not matching,
 * the time left; and the ZIP export of every dossier with its progress. Charts load on demand.
 */
import { Alert, Button, Card, Col, Progress, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { get, post, type Body, type Reply } from '../api/client';
import { STATE_LABELS } from '../i18n';
import { errorText } from './errors';
import { cyclesQuery, entriesQuery, type Cycle, type Entry } from './queries';
import { useStaffT } from './texts';
import { formatInZone, isoToWall, zoneName } from './zoned';
import type { Datum } from './Charts';

const ColumnChart = lazy(() => import('./Charts').then((m) => ({ default: m.ColumnChart })));
const PieChart = lazy(() => import('./Charts').then((m) => ({ default: m.PieChart })));
const BarChart = lazy(() => import('./Charts').then((m) => ({ default: m.BarChart })));

const SUBMITTED = new Set(['submitted', 'accepted', 'in_review', 'finalist', 'awarded', 'not_awarded']);

/** What the dashboard counts, from the cycle's entries. */
export function summarise(entries: Entry[], cycle: Cycle, lang: 'zh' | 'en') {
  const byState = new Map<string, number>();
  const byCategory = new Map<string, number>();
  const perDay = new Map<string, number>();
  const completeness = new Map<string, number>();
  for (const e of entries) {
    byState.set(e.state, (byState.get(e.state) ?? 0) + 1);
    const cat = lang === 'zh' ? e.category.nameZh : e.category.nameEn;
    byCategory.set(cat, (byCategory.get(cat) ?? 0) + 1);
    if (SUBMITTED.has(e.state) && e.snapshot) {
      const day = isoToWall(e.snapshot.sealedAt, cycle.timeZone).slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    if (e.sections?.length) {
      const pct = Math.round((100 * e.sections.filter((x) => x.complete).length) / e.sections.length);
      const band = pct === 100 ? '100%' : pct >= 75 ? '75–99%' : pct >= 50 ? '50–74%' : pct >= 25 ? '25–49%' : '0–24%';
      completeness.set(band, (completeness.get(band) ?? 0) + 1);
    }
  }
  const toData = (m: Map<string, number>): Datum[] => [...m].map(([label, value]) => ({ label, value }));
  return {
    byState: Object.keys(STATE_LABELS)
      .filter((k) => byState.has(k))
      .map((k) => ({ label: STATE_LABELS[k][lang === 'zh' ? 0 : 1], value: byState.get(k)! })),
    byCategory: toData(byCategory),
    perDay: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([label, value]) => ({ label, value })),
    completeness: ['0–24%', '25–49%', '50–74%', '75–99%', '100%'].map((label) => ({ label, value: completeness.get(label) ?? 0 })),
  };
}

function Counts({ data, title }: { data: Datum[]; title: string }) {
  const { s } = useStaffT();
  return (
    <Table<Datum>
      size="small"
      rowKey="label"
      pagination={false}
      dataSource={data}
      aria-label={title}
      columns={[
        { title, dataIndex: 'label' },
        { title: s('count'), dataIndex: 'value', align: 'right' },
      ]}
    />
  );
}

function TimeLeft({ cycle }: { cycle: Cycle }) {
  const { s, lang } = useStaffT();
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(id);
  }, []);
  const ms = new Date(cycle.submissionDeadline).getTime() - now;
  const value =
    ms <= 0
      ? s('closedAt', { when: formatInZone(cycle.submissionDeadline, cycle.timeZone, lang, false) })
      : s('daysHours', { d: Math.floor(ms / 86_400_000), h: Math.floor((ms % 86_400_000) / 3_600_000) });
  return <Statistic title={s('timeLeft')} value={value} valueStyle={{ fontSize: 20 }} />;
}

export function DashboardPage() {
  const { s, t, lang } = useStaffT();
  const [params, setParams] = useSearchParams();
  const { data: cycles, isLoading } = useQuery(cyclesQuery);
  const cycle = cycles?.find((c) => c.id === params.get('cycle')) ?? cycles?.[0];
  const entries = useQuery({ ...entriesQuery({ cycleId: cycle?.id }), enabled: !!cycle });
  const sum = useMemo(() => (cycle && entries.data ? summarise(entries.data, cycle, lang) : null), [cycle, entries.data, lang]);

  if (isLoading) return <Skeleton active />;
  if (!cycle)
    return (
      <Typography.Title level={2} style={{ margin: 0 }}>
        {s('dashboard')}
      </Typography.Title>
    );
  const chart = (node: React.ReactNode) => (
    <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 240 }} />}>{node}</Suspense>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {s('dashboard')}
        </Typography.Title>
        <Select
          aria-label={s('chooseCycle')}
          id="dashboard-cycle"
          style={{ minWidth: 260, maxWidth: '100%' }}
          value={cycle.id}
          onChange={(v) => setParams({ cycle: v }, { replace: true })}
          options={(cycles ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </div>
      <Typography.Paragraph style={{ margin: 0 }}>
        {t('deadline')}: <time dateTime={cycle.submissionDeadline}>{formatInZone(cycle.submissionDeadline, cycle.timeZone, lang)}</time>
      </Typography.Paragraph>
      {entries.isError && <Alert type="error" showIcon message={errorText(entries.error)} />}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={s('entriesCount')} value={entries.data?.length ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <TimeLeft cycle={cycle} />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <ExportCard cycle={cycle} />
        </Col>
      </Row>
      {!sum ? (
        <Skeleton active />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={s('byState')}>
              {chart(<ColumnChart data={sum.byState} name={s('byState')} />)}
              <Counts data={sum.byState} title={s('state')} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={`${s('perDay')}（${zoneName(cycle.timeZone, lang)}）`}>
              {chart(<ColumnChart data={sum.perDay} name={s('perDay')} />)}
              <Counts data={sum.perDay} title={s('day')} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={s('byCategory')}>
              {chart(<PieChart data={sum.byCategory} name={s('byCategory')} />)}
              <Counts data={sum.byCategory} title={t('category')} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={s('completenessDist')}>
              {chart(<BarChart data={sum.completeness} name={s('completenessDist')} />)}
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}

type Export = Reply<'ExportResponse'>;

/** POST /api/exports/dossiers, then its progress until the ZIP is ready. */
function ExportCard({ cycle }: { cycle: Cycle }) {
  const { s } = useStaffT();
  const [exportId, setExportId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useQuery({
    queryKey: ['staff', 'export', exportId],
    queryFn: () => get<Export>(`/api/exports/${exportId}`),
    enabled: !!exportId,
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'ready' || q.state.data.status === 'failed') ? false : 1500),
  });
  const start = async () => {
    setError(null);
    try {
      const body: Body<'DossierExportDto'> = { cycleId: cycle.id };
      setExportId((await post<Export>('/api/exports/dossiers', body)).id);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const e = job.data;
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button onClick={() => void start()} disabled={!!e && e.status !== 'ready' && e.status !== 'failed'} id="export-zip">
          {s('exportZip')}
        </Button>
        {error && <Alert type="error" showIcon message={error} />}
        {e && (
          <>
            <Progress
              percent={Math.round(e.progress * (e.progress <= 1 ? 100 : 1))}
              status={e.status === 'failed' ? 'exception' : e.status === 'ready' ? 'success' : 'active'}
              aria-label={s('exportZip')}
            />
            <span role="status">
              {e.status === 'ready'
                ? s('exportReady')
                : e.status === 'failed'
                  ? s('exportFailed', { error: e.error ?? '' })
                  : s('exportRunning', { done: e.done, total: e.total })}
            </span>
            {e.status === 'ready' && (
              <a href={`/api/exports/${e.id}/download`} download>
                {s('downloadZip')}
              </a>
            )}
          </>
        )}
      </Space>
    </Card>
  );
}
