/**
 * /staff/rounds/:id/progress — review progress per judge and per entry as bars (submitted of
 * assigned); judges with reviews not yet submitted are marked as behind, and "发送提醒" queues one
 * reminder e-mail to each of them (after a confirmation), the number queued shown.
 */
import { Alert, App, Button, Card, Input, Pagination, Progress, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { post, type Reply } from '../../api/client';
import { errorText } from '../errors';
import { invalidateRoundAssignments, roundProgressQuery, type RoundHead, type RoundProgress } from '../queries';
import { useStaffT } from '../texts';
import { Pill, RoundFrame } from './RoundTabs';

type JudgeRow = RoundProgress['judges'][number];
type EntryRow = RoundProgress['entries'][number];

export function RoundProgressPage() {
  return <RoundFrame active="progress">{(round) => <ProgressBody round={round} />}</RoundFrame>;
}

const PAGE = 20;
const LIST = { listStyle: 'none', margin: 0, padding: 0 } as const;
const ITEM = { padding: '8px 12px', borderBottom: '1px solid #f0f0f0' } as const;

const percentOf = (done: number, of: number) => (of ? Math.round((100 * done) / of) : 0);
/** Behind: some assigned review is not submitted yet (those the reminder goes to). */
const behind = (r: { assigned: number; submitted: number }) => r.submitted < r.assigned;

function ProgressBody({ round }: { round: RoundHead }) {
  const { s } = useStaffT();
  const { modal } = App.useApp();
  const progress = useQuery(roundProgressQuery(round.id));
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  if (progress.isError) return <Alert type="error" showIcon message={errorText(progress.error)} />;
  const p = progress.data;
  if (!p) return <Card loading />;
  const late = p.judges.filter(behind);
  const open = p.state === 'open';

  const remind = () =>
    modal.confirm({
      title: s('pgRemindTitle'),
      content: s('pgRemindText', { n: late.length }),
      okText: s('pgRemind'),
      cancelText: s('cancel'),
      okButtonProps: { id: 'remind-ok' },
      onOk: async () => {
        setError(null);
        setSent(null);
        try {
          const r = await post<Reply<'RemindersResponse'>>(`/api/rounds/${round.id}/reminders`, {});
          setSent(s('pgReminded', { n: r.queued }));
        } catch (e) {
          setError(errorText(e));
        }
        invalidateRoundAssignments(round.id);
      },
    });

  const q = filter.trim().toLowerCase();
  const entries = q ? p.entries.filter((e) => e.entryCode.toLowerCase().includes(q)) : p.entries;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Progress
            percent={percentOf(p.totals.submitted, p.totals.needed || p.totals.assigned)}
            aria-label={s('pgTotals', { ...p.totals })}
            format={() => `${p.totals.submitted}/${p.totals.needed || p.totals.assigned}`}
          />
          <strong id="progress-totals">{s('pgTotals', { ...p.totals })}</strong>
          <Space wrap>
            <span data-late-count={late.length}>{late.length ? s('pgLateCount', { n: late.length }) : s('pgNoLate')}</span>
            <Button type="primary" onClick={remind} disabled={!open || !late.length} id="send-reminders">
              {s('pgRemind')}
            </Button>
          </Space>
          {!open && <Typography.Text type="secondary">{s('pgRemindOpenOnly')}</Typography.Text>}
          {sent && <Alert type="success" showIcon message={sent} role="status" id="reminders-sent" />}
          {error && <Alert type="error" showIcon message={error} role="alert" />}
        </Space>
      </Card>

      <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{s('pgByJudge')}</h3>} size="small">
        {p.judges.length ? (
          <ul style={LIST} id="progress-judges">
            {p.judges.map((j) => (
              <JudgeItem key={j.judgeId} j={j} />
            ))}
          </ul>
        ) : (
          <Typography.Paragraph>{s('asgNoJudges')}</Typography.Paragraph>
        )}
      </Card>

      <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{s('pgByEntry')}</h3>} size="small">
        <Input
          aria-label={s('asgFilter')}
          placeholder={s('entryCode')}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value);
            setPage(1);
          }}
          style={{ width: 280, maxWidth: '100%', marginBottom: 8 }}
          id="progress-filter"
        />
        {entries.length ? (
          <ul style={LIST} id="progress-entries">
            {entries.slice((page - 1) * PAGE, page * PAGE).map((e) => (
              <EntryItem key={e.applicationId} e={e} needed={p.reviewsPerApplication} />
            ))}
          </ul>
        ) : (
          <Typography.Paragraph>{s('asgNoEntries')}</Typography.Paragraph>
        )}
        {entries.length > PAGE && (
          <Pagination
            current={page}
            pageSize={PAGE}
            total={entries.length}
            showSizeChanger={false}
            onChange={setPage}
            style={{ marginTop: 8 }}
          />
        )}
      </Card>
    </Space>
  );
}

function JudgeItem({ j }: { j: JudgeRow }) {
  const { s } = useStaffT();
  const isLate = behind(j);
  return (
    <li
      data-judge-progress={j.judgeId}
      data-late={isLate || undefined}
      style={isLate ? { ...ITEM, background: '#fff7e6', borderInlineStart: '4px solid #d46b08' } : { ...ITEM, paddingInlineStart: 16 }}
    >
      <div style={{ width: '100%' }}>
        <Space wrap size={[8, 0]} style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space wrap size={[8, 0]}>
            <strong>{j.name}</strong>
            {isLate ? <Pill tone="warn">{s('pgLate')}</Pill> : j.assigned ? <Pill tone="ok">{s('pgDone')}</Pill> : <Tag>{s('pgNone')}</Tag>}
          </Space>
          {j.draft > 0 && <span>{s('pgDrafts', { n: j.draft })}</span>}
        </Space>
        <Progress
          percent={percentOf(j.submitted, j.assigned)}
          status={isLate ? 'normal' : j.assigned ? 'success' : 'normal'}
          strokeColor={isLate ? '#d46b08' : undefined}
          format={() => `${j.submitted}/${j.assigned}`}
          aria-label={s('pgOf', { name: j.name, submitted: j.submitted, assigned: j.assigned })}
        />
      </div>
    </li>
  );
}

function EntryItem({ e, needed }: { e: EntryRow; needed: number }) {
  const { s } = useStaffT();
  return (
    <li data-entry-progress={e.applicationId} style={ITEM}>
      <div style={{ width: '100%' }}>
        <Space wrap size={[8, 0]}>
          <Link to={`/staff/entries/${e.applicationId}`} className="entry-code">
            {e.entryCode}
          </Link>
          {e.missing > 0 && <Pill tone="warn">{s('pgMissing', { n: e.missing })}</Pill>}
          {e.draft > 0 && <span>{s('pgDrafts', { n: e.draft })}</span>}
        </Space>
        <Progress
          percent={percentOf(e.submitted, Math.max(e.assigned, needed))}
          format={() => `${e.submitted}/${Math.max(e.assigned, needed)}`}
          aria-label={s('pgOf', { name: e.entryCode, submitted: e.submitted, assigned: Math.max(e.assigned, needed) })}
        />
      </div>
    </li>
  );
}
