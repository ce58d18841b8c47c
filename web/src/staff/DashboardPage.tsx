/**
 * The dashboard of a cycle: entries by state (counts and a chart), submissions per day up to the
 * deadline, by category and industry, completeness, receipts awaiting a check or not matching,
 * the time left; and the ZIP export of every dossier with its progress. Charts load on demand.
 */
import { Alert, Button, Card, Col, Progress, Row, Select, Skeleton, Space, Statistic, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { get, post, type Body, type Reply } from '../api/client';
import { errorText } from './errors';
import { cyclesQuery, dashboardQuery, type Cycle } from './queries';
import { useStaffT } from './texts';
import { formatInZone, zoneName } from './zoned';
import type { Datum } from './Charts';

const ColumnChart = lazy(() => import('./Charts').then((m) => ({ default: m.ColumnChart })));
const PieChart = lazy(() => import('./Charts').then((m) => ({ default: m.PieChart })));
const BarChart = lazy(() => import('./Charts').then((m) => ({ default: m.BarChart })));

type Dashboard = Reply<'DashboardResponse'>;

/** The dashboard's counts as chart data, labelled in the page's language. */
export function chartData(d: Dashboard, lang: 'zh' | 'en', state: (s: string) => string, unknown: string) {
  const named = (c: Reply<'CountResponse'>) => ({
    label: c.label ? (lang === 'zh' ? c.label.zh : c.label.en) : c.key ? c.key : unknown,
    value: c.count,
  });
  return {
    byState: d.byState.map((c) => ({ label: state(c.key), value: c.count })),
    byCategory: d.byCategory.map(named),
    byIndustry: d.byIndustry.map(named),
    perDay: d.submissionsPerDay.map((x) => ({ label: x.day, value: x.count })),
    completeness: d.draftCompleteness.map((b) => ({ label: `${b.from}–${b.to}%`, value: b.count })),
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

function TimeLeft({ d }: { d: Dashboard }) {
  const { s, lang } = useStaffT();
  const secs = d.secondsLeft;
  const value =
    secs <= 0
      ? s('closedAt', { when: formatInZone(d.submissionDeadline, d.timeZone, lang, false) })
      : s('daysHours', { d: Math.floor(secs / 86_400), h: Math.floor((secs % 86_400) / 3_600) });
  return <Statistic title={s('timeLeft')} value={value} valueStyle={{ fontSize: 20 }} data-seconds-left={secs} />;
}

export function DashboardPage() {
  const { s, t, lang, state } = useStaffT();
  const [params, setParams] = useSearchParams();
  const { data: cycles, isLoading } = useQuery(cyclesQuery);
  const cycle = cycles?.find((c) => c.id === params.get('cycle')) ?? cycles?.[0];
  const dash = useQuery({ ...dashboardQuery(cycle?.id ?? ''), enabled: !!cycle, refetchInterval: 60_000 });
  const data = useMemo(() => (dash.data ? chartData(dash.data, lang, state, s('unknown')) : null), [dash.data, lang]); // eslint-disable-line react-hooks/exhaustive-deps

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
  const d = dash.data;
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
      {dash.isError && <Alert type="error" showIcon message={errorText(dash.error)} />}
      {!d || !data ? (
        <Skeleton active />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6} xl={4}>
              <Card size="small">
                <Statistic title={s('entriesCount')} value={d.total} />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={5}>
              <Card size="small">
                <TimeLeft d={d} />
              </Card>
            </Col>
            <Col xs={12} md={6} xl={5}>
              <Card size="small">
                <Link to={`/staff/entries?cycle=${cycle.id}&receipt=pending`}>
                  <Statistic title={s('receiptsAwaiting')} value={d.receiptsPending} />
                </Link>
              </Card>
            </Col>
            <Col xs={12} md={6} xl={5}>
              <Card size="small">
                <Link to={`/staff/entries?cycle=${cycle.id}&receipt=different`}>
                  <Statistic
                    title={s('receiptsMismatched')}
                    value={d.receiptsDifferent}
                    valueStyle={d.receiptsDifferent ? { color: '#a8071a' } : undefined}
                    suffix={d.receiptsUnreadable ? ` · ${s('receiptUnreadable')} ${d.receiptsUnreadable}` : undefined}
                  />
                </Link>
              </Card>
            </Col>
            <Col xs={24} xl={5}>
              <ExportCard cycle={cycle} />
            </Col>
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={s('byState')}>
                {chart(<ColumnChart data={data.byState} name={s('byState')} />)}
                <Counts data={data.byState} title={s('state')} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={`${s('perDay')}（${zoneName(d.timeZone, lang)}）`}>
                {chart(<ColumnChart data={data.perDay} name={s('perDay')} />)}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={s('byCategory')}>
                {chart(<PieChart data={data.byCategory} name={s('byCategory')} />)}
                <Counts data={data.byCategory} title={t('category')} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={s('byIndustry')}>
                {chart(<BarChart data={data.byIndustry} name={s('byIndustry')} />)}
                <Counts data={data.byIndustry} title={s('industry')} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={s('completenessDist')}>
                {chart(<ColumnChart data={data.completeness} name={s('completenessDist')} />)}
                <Counts data={data.completeness} title={t('completeness')} />
              </Card>
            </Col>
          </Row>
        </>
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
