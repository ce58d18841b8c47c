/**
 * /staff/rounds/:id/assignments — the automatic assignment previewed (loads against capacity,
 * expertise matches, per-entry panels, shortfalls in the server's words, and on a re-solve what it
 * adds, removes and keeps) and applied after a confirmation; the live assignment as a matrix of
 * entries × judges (assigned / conflicted / empty), paged so that 200 entries × 30 judges stay
 * usable, with pairs added by a click or a form (a refusal shows the server's reason) and removed
 * after a confirmation.
 */
import { Alert, App, Button, Card, Grid, Input, Pagination, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { call, post, type Body, type Reply } from '../../api/client';
import { formQuery, queryClient } from '../../api/queries';
import { fieldAt } from '../../form/labels';
import { errorText } from '../errors';
import { assignmentMatrixQuery, invalidateRoundAssignments, type AssignmentMatrix, type RoundHead } from '../queries';
import { useStaffT, type StaffTextKey } from '../texts';
import { Pill, RoundFrame } from './RoundTabs';

type AutoAnswer = Reply<'AutoAssignmentResponse'>;
type MatrixEntry = Reply<'MatrixEntryResponse'>;
type PanelRow = Reply<'EntryPanelResponse'>;

export const SR_ONLY = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

const pair = (applicationId: string, judgeId: string) => `${applicationId}|${judgeId}`;

/** basics.center.industry codes as the form descriptor words them. */
function useIndustryLabel() {
  const { label } = useStaffT();
  const { data: form } = useQuery(formQuery);
  const field = form ? fieldAt(form.find((x) => x.key === 'basics')?.fields ?? [], 'center.industry') : undefined;
  const options = field && 'options' in field ? field.options : [];
  return (code: string | null | undefined) => (code ? label(options.find((o) => o.code === code)?.label) || code : '—');
}

export function RoundAssignmentsPage() {
  return <RoundFrame active="assignments">{(round) => <Assignments round={round} />}</RoundFrame>;
}

function Assignments({ round }: { round: RoundHead }) {
  const { s } = useStaffT();
  const matrix = useQuery(assignmentMatrixQuery(round.id));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      {round.state !== 'open' && <Alert type="info" showIcon message={s('asgNotOpen')} />}
      <Preview round={round} />
      {matrix.isError && <Alert type="error" showIcon message={errorText(matrix.error)} />}
      {matrix.data && <Manual round={round} data={matrix.data} />}
      {matrix.data ? <Matrix round={round} data={matrix.data} /> : !matrix.isError && <Card loading />}
    </Space>
  );
}

// --- the automatic assignment ------------------------------------------------------------------

function Preview({ round }: { round: RoundHead }) {
  const { s, lang } = useStaffT();
  const { modal } = App.useApp();
  const [wanted, setWanted] = useState(false);
  const [applied, setApplied] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // a dry run writes nothing: read like a query, again in the other language (the reasons are the server's words)
  const preview = useQuery({
    queryKey: ['staff', 'round-preview', round.id, lang],
    queryFn: () => {
      const body: Body<'AutoAssignDto'> = { dryRun: true };
      return post<AutoAnswer>(`/api/rounds/${round.id}/assignments/auto`, body);
    },
    enabled: wanted,
  });
  const open = round.state === 'open';
  const p = wanted ? preview.data : undefined; // after applying, the old preview is gone

  const apply = () => {
    if (!p) return;
    modal.confirm({
      title: s('asgApplyTitle'),
      content: s('asgApplyText', { added: p.diff.added.length, removed: p.diff.removed.length, kept: p.diff.kept.length }),
      okText: s('asgApply'),
      cancelText: s('cancel'),
      okButtonProps: { id: 'apply-ok' },
      onOk: async () => {
        setError(null);
        try {
          const body: Body<'AutoAssignDto'> = { dryRun: false };
          const r = await post<AutoAnswer>(`/api/rounds/${round.id}/assignments/auto`, body);
          setApplied(s('asgApplied', { added: r.diff.added.length, removed: r.diff.removed.length }));
          setWanted(false);
          queryClient.removeQueries({ queryKey: ['staff', 'round-preview', round.id] });
        } catch (e) {
          setError(errorText(e));
        }
        invalidateRoundAssignments(round.id);
      },
    });
  };

  return (
    <Card
      title={p ? s('asgPreviewTitle') : s('roundTabAssignments')}
      size="small"
      extra={
        p && (
          <Button type="primary" onClick={apply} id="assign-apply" disabled={!open}>
            {s('asgApply')}
          </Button>
        )
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          <Button
            onClick={() => {
              setApplied(null);
              setError(null);
              if (wanted) void preview.refetch();
              else setWanted(true);
            }}
            loading={preview.isFetching}
            disabled={!open}
            id="assign-preview"
          >
            {s('asgPreview')}
          </Button>
        </Space>
        {applied && <Alert type="success" showIcon message={applied} role="status" id="assign-applied" />}
        {error && <Alert type="error" showIcon message={error} role="alert" />}
        {preview.isError && <Alert type="error" showIcon message={errorText(preview.error)} role="alert" />}
        {p && <PreviewBody p={p} />}
      </Space>
    </Card>
  );
}

function PreviewBody({ p }: { p: AutoAnswer }) {
  const { s } = useStaffT();
  const industry = useIndustryLabel();
  const missing = p.shortfalls.reduce((n, x) => n + x.missing, 0);
  const judgeName = new Map(p.loads.map((l) => [l.judgeId, l.name]));
  const entryCode = new Map(p.entries.map((e) => [e.applicationId, e.entryCode]));
  const live = p.diff.kept.length + p.diff.removed.length;
  const changes = [
    ...p.diff.added.map((x) => ({ ...x, change: 'asgAdded' as const })),
    ...p.diff.removed.map((x) => ({ ...x, change: 'asgRemovedPairs' as const })),
  ];
  const panelColumns: TableProps<PanelRow>['columns'] = [
    { title: s('entryCode'), dataIndex: 'entryCode', key: 'code' },
    { title: s('industry'), key: 'industry', render: (_, e) => industry(e.industry) },
    {
      title: s('asgJudge'),
      key: 'judges',
      render: (_, e) => (
        <Space size={[4, 4]} wrap>
          {e.judges.map((j) => (
            <Pill key={j.judgeId} tone={j.expertiseMatch ? 'ok' : undefined} data-expert={j.expertiseMatch || undefined}>
              {j.name}
              {j.expertiseMatch && (
                <>
                  <span aria-hidden="true"> ★</span>
                  <span style={SR_ONLY}>（{s('asgExpert')}）</span>
                </>
              )}
            </Pill>
          ))}
        </Space>
      ),
    },
    {
      title: s('asgMissingCol'),
      key: 'missing',
      render: (_, e) => (e.missing ? <Pill tone="warn">{s('asgMissing', { n: e.missing })}</Pill> : '—'),
    },
  ];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} id="assign-preview-result">
      <Space wrap size={[16, 4]}>
        <strong data-preview-assigned={p.objective.assigned}>
          {s('asgSummary', { assigned: p.objective.assigned, needed: p.objective.assigned + missing })}
        </strong>
        <span>{s('asgExpertise', { n: p.objective.expertiseMatches, total: p.assignments.length })}</span>
      </Space>
      {p.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={s('asgWarnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {p.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          }
        />
      )}
      {p.shortfalls.length ? (
        <Alert
          type="warning"
          showIcon
          message={s('asgShortfalls')}
          id="assign-shortfalls"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {p.shortfalls.map((x) => (
                <li key={x.applicationId} data-shortfall={x.entryCode}>
                  <strong>{x.entryCode}</strong> · {s('asgMissing', { n: x.missing })}：<span className="shortfall-reason">{x.reason}</span>
                </li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon message={s('asgNoShortfall')} />
      )}
      {live > 0 && (
        <section aria-labelledby="assign-diff-title">
          <Typography.Title level={3} style={{ fontSize: 16 }} id="assign-diff-title">
            {s('asgDiff')}
          </Typography.Title>
          <Space wrap style={{ marginBottom: 8 }}>
            <Pill tone="ok" data-diff-added={p.diff.added.length}>
              {s('asgAdded')} {p.diff.added.length}
            </Pill>
            <Pill tone="bad" data-diff-removed={p.diff.removed.length}>
              {s('asgRemovedPairs')} {p.diff.removed.length}
            </Pill>
            <Tag data-diff-kept={p.diff.kept.length}>
              {s('asgKept')} {p.diff.kept.length}
            </Tag>
            {!changes.length && <span>{s('asgNoChange')}</span>}
          </Space>
          {changes.length > 0 && (
            <Table
              size="small"
              rowKey={(x) => `${x.change}|${x.applicationId}|${x.judgeId}`}
              dataSource={changes}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: s('asgEntry'), key: 'entry', render: (_, x) => entryCode.get(x.applicationId) ?? '—' },
                { title: s('asgJudge'), key: 'judge', render: (_, x) => judgeName.get(x.judgeId) ?? '—' },
                {
                  title: s('details'),
                  key: 'change',
                  render: (_, x) => <Pill tone={x.change === 'asgAdded' ? 'ok' : 'bad'}>{s(x.change)}</Pill>,
                },
              ]}
            />
          )}
        </section>
      )}
      <section aria-labelledby="assign-loads-title">
        <Typography.Title level={3} style={{ fontSize: 16 }} id="assign-loads-title">
          {s('asgLoads')}
        </Typography.Title>
        <LoadBars loads={p.loads} />
      </section>
      <section aria-labelledby="assign-panels-title">
        <Typography.Title level={3} style={{ fontSize: 16 }} id="assign-panels-title">
          {s('asgPanels')}
        </Typography.Title>
        <Table<PanelRow>
          size="small"
          rowKey="applicationId"
          dataSource={p.entries}
          columns={panelColumns}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
        />
      </section>
    </Space>
  );
}

/** Each judge's load against capacity, as bars. */
function LoadBars({ loads }: { loads: AutoAnswer['loads'] }) {
  const { s } = useStaffT();
  return (
    <ul
      style={{
        listStyle: 'none',
        padding: 0,
        margin: 0,
        display: 'grid',
        gap: '4px 24px',
        gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
      }}
      id="assign-loads"
    >
      {loads.map((l) => {
        const percent = l.capacity ? Math.round((100 * l.count) / l.capacity) : 0;
        const words = s('asgLoadOf', { name: l.name, count: l.count, capacity: l.capacity });
        return (
          <li key={l.judgeId} data-load={l.judgeId}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
              <span>{l.name}</span>
              <span>
                {l.count} / {l.capacity}
              </span>
            </div>
            <LoadBar percent={percent} label={words} />
          </li>
        );
      })}
    </ul>
  );
}

/** A bar with an accessible name (antd's Progress has role progressbar without one). */
function LoadBar({ percent, label }: { percent: number; label: string }) {
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      style={{ height: 8, background: '#f0f0f0', borderRadius: 4, overflow: 'hidden' }}
    >
      <div style={{ width: `${Math.min(100, percent)}%`, height: '100%', background: percent >= 100 ? '#d46b08' : '#1677ff' }} />
    </div>
  );
}

// --- manual pairs -----------------------------------------------------------------------------

/** Add a pair by hand: the server says why when it cannot be (conflicted, at capacity, already assigned). */
function Manual({ round, data }: { round: RoundHead; data: AssignmentMatrix }) {
  const { s } = useStaffT();
  const { message } = App.useApp();
  const [entry, setEntry] = useState<string | undefined>();
  const [judge, setJudge] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = round.state === 'open';
  const add = async () => {
    if (!entry || !judge) return;
    setBusy(true);
    setError(null);
    try {
      await addPair(round.id, entry, judge);
      message.success(s('asgAssignedDone'));
    } catch (e) {
      setError(s('asgRefused', { message: errorText(e) }));
    } finally {
      setBusy(false);
      invalidateRoundAssignments(round.id);
    }
  };
  return (
    <Card title={s('asgManual')} size="small">
      {error && <Alert type="error" showIcon message={error} role="alert" id="assign-error" style={{ marginBottom: 12 }} />}
      <Space wrap align="end">
        <div>
          <label htmlFor="manual-entry" style={{ display: 'block' }}>
            {s('asgEntry')}
          </label>
          <Select
            id="manual-entry"
            showSearch
            optionFilterProp="label"
            style={{ width: 280, maxWidth: '80vw' }}
            value={entry}
            onChange={setEntry}
            options={data.entries.map((e) => ({ value: e.applicationId, label: `${e.entryCode} ${e.company}` }))}
          />
        </div>
        <div>
          <label htmlFor="manual-judge" style={{ display: 'block' }}>
            {s('asgJudge')}
          </label>
          <Select
            id="manual-judge"
            showSearch
            optionFilterProp="label"
            style={{ width: 220, maxWidth: '80vw' }}
            value={judge}
            onChange={setJudge}
            options={data.judges.map((j) => ({ value: j.judgeId, label: `${j.name} (${j.count}/${j.capacity})` }))}
          />
        </div>
        <Button onClick={() => void add()} disabled={!open || !entry || !judge} loading={busy} id="manual-assign">
          {s('asgAssign')}
        </Button>
      </Space>
    </Card>
  );
}

const addPair = (roundId: string, applicationId: string, judgeId: string) => {
  const body: Body<'ManualAssignmentDto'> = { applicationId, judgeId };
  return post<Reply<'RoundAssignmentResponse'>>(`/api/rounds/${roundId}/assignments`, body);
};

// --- the matrix -------------------------------------------------------------------------------

type CellKind = 'assigned' | 'conflicted' | 'empty';

const CELL_STYLE: Record<CellKind, CSSProperties> = {
  assigned: { background: '#d9f7be', color: '#135200', borderColor: '#95de64', fontWeight: 600 },
  conflicted: { background: '#fff1f0', color: '#a8071a', borderColor: '#ffa39e' },
  empty: { background: '#fff', color: 'rgba(0, 0, 0, 0.6)', borderColor: '#d9d9d9' },
};

function Matrix({ round, data }: { round: RoundHead; data: AssignmentMatrix }) {
  const { s } = useStaffT();
  const { modal, message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(25);
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const [error, setError] = useState<string | null>(null);
  const open = round.state === 'open';
  const assigned = useMemo(() => new Map(data.assignments.map((a) => [pair(a.applicationId, a.judgeId), a])), [data]);
  const conflicted = useMemo(() => new Set(data.conflicts.map((c) => pair(c.applicationId, c.judgeId))), [data]);
  const q = filter.trim().toLowerCase();
  const rows = q ? data.entries.filter((e) => e.entryCode.toLowerCase().includes(q) || e.company.toLowerCase().includes(q)) : data.entries;
  const shown = rows.slice((page - 1) * size, page * size);

  const kindOf = (e: MatrixEntry, judgeId: string): CellKind =>
    assigned.has(pair(e.applicationId, judgeId)) ? 'assigned' : conflicted.has(pair(e.applicationId, judgeId)) ? 'conflicted' : 'empty';

  const press = (e: MatrixEntry, j: AssignmentMatrix['judges'][number]) => {
    setError(null);
    const kind = kindOf(e, j.judgeId);
    if (kind === 'conflicted') {
      setError(s('asgConflictCell', { judge: j.name, entry: e.entryCode }));
      return;
    }
    if (!open) {
      setError(s('asgNotOpen'));
      return;
    }
    if (kind === 'empty') {
      void addPair(round.id, e.applicationId, j.judgeId)
        .then(() => message.success(s('asgAssignedDone')))
        .catch((err: unknown) => setError(s('asgRefused', { message: errorText(err) })))
        .finally(() => invalidateRoundAssignments(round.id));
      return;
    }
    const a = assigned.get(pair(e.applicationId, j.judgeId))!;
    modal.confirm({
      title: s('asgRemoveTitle'),
      content: s('asgRemoveText', { judge: j.name, entry: e.entryCode }),
      okText: s('asgRemove'),
      okButtonProps: { danger: true, id: 'remove-ok' },
      cancelText: s('cancel'),
      onOk: async () => {
        try {
          await call<void>('DELETE', `/api/assignments/${a.id}`);
          message.success(s('asgRemovedDone'));
        } catch (err) {
          setError(errorText(err));
        }
        invalidateRoundAssignments(round.id);
      },
    });
  };

  /** Arrow keys, Home and End move between cells; one cell at a time is in the tab order. */
  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    const cell = (ev.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cell) return;
    const [r, c] = cell.dataset.cell!.split(',').map(Number);
    const last = [shown.length - 1, data.judges.length - 1];
    const next: Record<string, [number, number]> = {
      ArrowUp: [Math.max(0, r - 1), c],
      ArrowDown: [Math.min(last[0], r + 1), c],
      ArrowLeft: [r, Math.max(0, c - 1)],
      ArrowRight: [r, Math.min(last[1], c + 1)],
      Home: [r, 0],
      End: [r, last[1]],
    };
    const to = next[ev.key];
    if (!to) return;
    ev.preventDefault();
    setFocus(to);
    ev.currentTarget.querySelector<HTMLElement>(`[data-cell="${to[0]},${to[1]}"]`)?.focus();
  };

  const columns: TableProps<MatrixEntry>['columns'] = [
    {
      title: s('asgEntry'),
      key: 'entry',
      fixed: 'left',
      width: screens.md ? 220 : 128,
      render: (_, e) => (
        <div style={{ minWidth: 0 }}>
          <Link to={`/staff/entries/${e.applicationId}`} className="entry-code">
            {e.entryCode}
          </Link>
          <div style={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={e.company}>
            {e.company}
          </div>
          <Pill tone={e.assigned < data.reviewsPerApplication ? 'warn' : 'ok'} style={{ marginTop: 2 }}>
            {s('asgJudgesOfEntry', { assigned: e.assigned, needed: data.reviewsPerApplication })}
          </Pill>
        </div>
      ),
    },
    ...data.judges.map((j, c) => ({
      title: (
        <div style={{ lineHeight: 1.3 }}>
          <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} title={j.name}>
            {j.name}
          </div>
          <div style={{ fontWeight: 400, fontSize: 12 }} data-judge-load={j.judgeId}>
            {j.count} / {j.capacity}
          </div>
        </div>
      ),
      key: j.judgeId,
      width: 96,
      align: 'center' as const,
      render: (_: unknown, e: MatrixEntry, r: number) => {
        const kind = kindOf(e, j.judgeId);
        const a = assigned.get(pair(e.applicationId, j.judgeId));
        const word = a && a.reviewState !== 'none' ? s(`asgReview_${a.reviewState}` as StaffTextKey) : s(`asgCell_${kind}` as StaffTextKey);
        const stateWords = a ? `${s('asgCell_assigned')}，${s(`asgReview_${a.reviewState}` as StaffTextKey)}` : word;
        return (
          <button
            type="button"
            data-cell={`${r},${c}`}
            data-pair={pair(e.applicationId, j.judgeId)}
            data-kind={kind}
            tabIndex={focus[0] === r && focus[1] === c ? 0 : -1}
            aria-disabled={kind === 'conflicted' || !open || undefined}
            aria-label={s('asgCellLabel', { entry: e.entryCode, judge: j.name, state: stateWords })}
            onClick={() => press(e, j)}
            onFocus={() => setFocus([r, c])}
            style={{
              ...CELL_STYLE[kind],
              width: '100%',
              minHeight: 32,
              borderWidth: 1,
              borderStyle: 'solid',
              borderRadius: 4,
              cursor: kind === 'conflicted' || !open ? 'not-allowed' : 'pointer',
              fontSize: 12,
            }}
          >
            {kind === 'empty' ? '+' : word}
          </button>
        );
      },
    })),
  ];

  return (
    <Card title={s('asgMatrix')} size="small">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {!data.judges.length && <Alert type="info" showIcon message={s('asgNoJudges')} />}
        <Typography.Paragraph style={{ margin: 0 }}>{s('asgMatrixHelp')}</Typography.Paragraph>
        <Space wrap size={[8, 4]}>
          <span>{s('asgLegend')}</span>
          {(['assigned', 'conflicted', 'empty'] as const).map((k) => (
            <span
              key={k}
              style={{ ...CELL_STYLE[k], borderWidth: 1, borderStyle: 'solid', borderRadius: 4, padding: '0 8px', fontSize: 12 }}
            >
              {k === 'empty' ? `+ ${s('asgCell_empty')}` : s(`asgCell_${k}` as StaffTextKey)}
            </span>
          ))}
        </Space>
        <Input
          id="matrix-filter"
          aria-label={s('asgFilter')}
          placeholder={s('asgFilterPlaceholder')}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setPage(1);
            setFocus([0, 0]);
          }}
          style={{ width: 320, maxWidth: '100%' }}
        />
        {error && <Alert type="error" showIcon message={error} role="alert" id="matrix-error" />}
        <div onKeyDown={onKeyDown} id="assign-matrix">
          <Table<MatrixEntry>
            rowKey="applicationId"
            size="small"
            bordered
            dataSource={shown}
            columns={columns}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: s('asgNoEntries') }}
            pagination={false}
          />
        </div>
        {rows.length > 10 && (
          <Pagination
            current={page}
            pageSize={size}
            total={rows.length}
            showSizeChanger
            pageSizeOptions={[10, 25, 50, 100]}
            showTotal={(n) => s('total', { n })}
            onChange={(p, n) => {
              setPage(n === size ? p : 1);
              setSize(n);
              setFocus([0, 0]);
            }}
          />
        )}
      </Space>
    </Card>
  );
}
