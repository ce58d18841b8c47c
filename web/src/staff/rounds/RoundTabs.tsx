/**
 * The head of every page of one review round: its name, state, blind or named, closing time in the
 * cycle's zone, and links between the round's pages (设置 · 分配 · 利益冲突 · 进度) — a `<nav>` of
 * links with `aria-current` on the page shown, wrapping on a phone. `RoundFrame` puts it above a
 * page's body and answers "not found" for a round that does not exist.
 */
import { Alert, Skeleton, Space, Tag, Typography, type TagProps } from 'antd';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { NotFound } from '../../shell/NotFound';
import { errorText } from '../errors';
import { cycleQuery, roundQuery, type RoundHead } from '../queries';
import { useStaffT, type StaffTextKey } from '../texts';
import { formatInZone } from '../zoned';

export type RoundTab = 'settings' | 'assignments' | 'conflicts' | 'progress';

const TABS: ReadonlyArray<{ key: RoundTab; label: StaffTextKey; path: (id: string) => string }> = [
  { key: 'settings', label: 'roundTabSettings', path: (id) => `/staff/rounds/${id}` },
  { key: 'assignments', label: 'roundTabAssignments', path: (id) => `/staff/rounds/${id}/assignments` },
  { key: 'conflicts', label: 'roundTabConflicts', path: (id) => `/staff/rounds/${id}/conflicts` },
  { key: 'progress', label: 'roundTabProgress', path: (id) => `/staff/rounds/${id}/progress` },
];

const TAB_STYLE = {
  display: 'inline-block',
  padding: '4px 15px',
  borderRadius: 6,
  border: '1px solid #d9d9d9',
  color: 'rgba(0, 0, 0, 0.88)',
  background: '#fff',
  textDecoration: 'none',
  lineHeight: '22px',
} as const;
const CURRENT_STYLE = { background: '#0958d9', borderColor: '#0958d9', color: '#fff', fontWeight: 500 } as const;

/** Tag colours with text dark enough on their background for WCAG AA (antd's green and orange presets are not, at 12 px). */
const TONES = {
  ok: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  warn: { color: '#873800', background: '#fff7e6', borderColor: '#ffd591' },
  bad: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  info: { color: '#003eb3', background: '#e6f4ff', borderColor: '#91caff' },
  accent: { color: '#391085', background: '#f9f0ff', borderColor: '#d3adf7' },
} as const;
export type Tone = keyof typeof TONES;

export function Pill({ tone, style, ...rest }: TagProps & { tone?: Tone } & Record<`data-${string}`, unknown>) {
  return <Tag {...rest} style={tone ? { ...TONES[tone], ...style } : style} />;
}

export const roundStateTone = (state: string): Tone | undefined => (state === 'open' ? 'ok' : state === 'closed' ? undefined : 'info');

/** The links between the round's pages. */
export function RoundTabs({ roundId, active }: { roundId: string; active: RoundTab }) {
  const { s } = useStaffT();
  return (
    <nav aria-label={s('roundPages')} className="round-tabs">
      <ul style={{ display: 'flex', flexWrap: 'wrap', gap: 8, listStyle: 'none', margin: 0, padding: 0 }}>
        {TABS.map((tab) => {
          const current = tab.key === active;
          return (
            <li key={tab.key}>
              <Link
                to={tab.path(roundId)}
                aria-current={current ? 'page' : undefined}
                data-round-tab={tab.key}
                style={current ? { ...TAB_STYLE, ...CURRENT_STYLE } : TAB_STYLE}
              >
                {s(tab.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** Name, state, blind, closing time and the tabs. */
export function RoundHeader({ round, active }: { round: RoundHead; active: RoundTab }) {
  const { s, lang } = useStaffT();
  const { data: cycle } = useQuery(cycleQuery(round.cycleId));
  const zone = cycle?.timeZone ?? 'Asia/Shanghai';
  return (
    <Space direction="vertical" size="small" style={{ width: '100%' }}>
      <Link to="/staff/rounds">← {s('roundAllRounds')}</Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {round.name}
      </Typography.Title>
      <Space wrap size={[8, 4]}>
        <Pill tone={roundStateTone(round.state)} data-round-state={round.state}>
          {s(`roundHeadState_${round.state}` as StaffTextKey)}
        </Pill>
        <Tag>{round.blind ? s('roundBlind') : s('roundNamed')}</Tag>
        {cycle && <span>{cycle.name}</span>}
        <span>{s('roundPerEntry', { n: round.reviewsPerApplication })}</span>
        <span>
          {s('roundCloses', { when: '' })}
          <time dateTime={round.closesAt}>{formatInZone(round.closesAt, zone, lang)}</time>
        </span>
      </Space>
      <RoundTabs roundId={round.id} active={active} />
    </Space>
  );
}

/** A round page: the header, then the body given the round; 404 → the not-found page. */
export function RoundFrame({ active, children }: { active: RoundTab; children: (round: RoundHead) => ReactNode }) {
  const { id = '' } = useParams();
  const round = useQuery(roundQuery(id));
  if (round.isError && round.error instanceof ApiError && (round.error.status === 404 || round.error.status === 400)) return <NotFound />;
  if (round.isError) return <Alert type="error" showIcon message={errorText(round.error)} />;
  if (!round.data) return <Skeleton active />;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <RoundHeader round={round.data} active={active} />
      {children(round.data)}
    </Space>
  );
}
