/**
 * A judge's review assignments on the home page, grouped by round: each round with its closing
 * time and its progress (submitted of assigned), each entry with its review state (未开始 / 草稿 /
 * 已提交), the criteria rated so far and a link to its scoring screen.
 */
import { Alert, Card, Empty, Grid, List, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { formatInstant } from '../format';
import { errorText } from '../staff/errors';
import { assignmentsQuery, type JudgeAssignment } from './queries';
import { useJudgeT, type JudgeTextKey } from './texts';

const STATE: Record<string, [JudgeTextKey, string]> = {
  none: ['stateNone', 'default'],
  draft: ['stateDraft', 'blue'],
  submitted: ['stateSubmitted', 'success'],
};
const ROUND_STATE: Record<string, JudgeTextKey> = { draft: 'roundStateDraft', open: 'roundStateOpen', closed: 'roundStateClosed' };

export function AssignmentsPage({ level = 2 }: { level?: 1 | 2 | 3 }) {
  const { t, j } = useJudgeT();
  const list = useQuery(assignmentsQuery);
  const rounds = new Map<string, JudgeAssignment[]>();
  for (const a of list.data ?? []) rounds.set(a.roundId, [...(rounds.get(a.roundId) ?? []), a]);
  return (
    <section aria-labelledby="judge-assignments-title" data-assignments>
      <Typography.Title level={level} style={{ fontSize: level === 1 ? 24 : 20 }} id="judge-assignments-title">
        {j('assignments')}
      </Typography.Title>
      {list.isPending ? (
        <Skeleton active />
      ) : list.isError ? (
        <Alert type="error" message={errorText(list.error)} />
      ) : rounds.size === 0 ? (
        <Empty description={`${t('assignmentsEmpty')} ${j('assignmentsAfterTerms')}`} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {[...rounds.values()].map((items) => (
            <RoundCard key={items[0].roundId} items={items} level={level} />
          ))}
        </Space>
      )}
    </section>
  );
}

function RoundCard({ items, level }: { items: JudgeAssignment[]; level: number }) {
  const { j, lang } = useJudgeT();
  const screens = Grid.useBreakpoint();
  const first = items[0];
  const done = items.filter((a) => a.state === 'submitted').length;
  const percent = Math.round((100 * done) / items.length);
  const heading = `h${Math.min(level + 1, 6)}` as 'h3';
  const Heading = heading;
  return (
    <Card
      size={screens.md ? 'default' : 'small'}
      data-round={first.roundId}
      title={
        <Heading style={{ fontSize: 17, margin: 0, whiteSpace: 'normal' }}>
          {first.roundName} <Tag style={{ marginInlineStart: 4 }}>{j(ROUND_STATE[first.roundState] ?? 'roundStateOpen')}</Tag>
        </Heading>
      }
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 24px', alignItems: 'center', marginBottom: 12 }}>
        <Typography.Text>{j('roundClosesAt', { time: formatInstant(first.closesAt, first.timeZone, lang) })}</Typography.Text>
        <div style={{ flex: '1 1 220px', minWidth: 200 }} data-round-progress={`${done}/${items.length}`}>
          <Typography.Text>{j('roundProgress', { done, total: items.length })}</Typography.Text>
          <Progress percent={percent} size="small" aria-label={j('roundProgressLabel', { round: first.roundName })} />
        </div>
      </div>
      <List
        bordered
        dataSource={items}
        rowKey="id"
        renderItem={(a) => {
          const [stateKey, color] = STATE[a.state] ?? STATE.none;
          const closed = a.roundState !== 'open';
          return (
            <List.Item data-assignment={a.id}>
              <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px', alignItems: 'center', width: '100%' }}>
                <Typography.Text strong style={{ minWidth: 120 }}>
                  {a.entryCode}
                </Typography.Text>
                <Tag color={color} data-state={a.state}>
                  {j(stateKey)}
                </Tag>
                <Typography.Text type="secondary">
                  {j('criteriaRated', { rated: a.progress.rated, criteria: a.progress.criteria })}
                </Typography.Text>
                <Link
                  to={`/assignments/${a.id}`}
                  style={{ marginInlineStart: 'auto' }}
                  aria-label={j(closed ? 'viewScoringOf' : 'openScoringOf', { code: a.entryCode })}
                >
                  {j(closed ? 'view' : 'openScoring')}
                </Link>
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
