/**
 * Review rounds of a cycle: the list with each round's state; a new round (name, rubric, reviews
 * per entry, opening and closing in the cycle's zone, blind, aggregation, advancement, entrants);
 * and one round: its settings (editable while a draft), open / close after a confirmation, its
 * panel (judges added with a capacity, removed), and links to its assignments, conflicts and progress.
 */
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { call, post, type Body } from '../api/client';
import { queryClient } from '../api/queries';
import { NotFound } from '../shell/NotFound';
import { RoundFrame } from './rounds/RoundTabs';
import { errorText, showAtFields } from './errors';
import {
  cycleQuery,
  cyclesQuery,
  invalidateRound,
  judgesQuery,
  roundQuery,
  roundsQuery,
  rubricsQuery,
  type Cycle,
  type PanelJudge,
  type Round,
} from './queries';
import { useStaffT } from './texts';
import { formatInZone, isoToWall, wallToIso, zoneName } from './zoned';
import { ZonedPeriodFields } from './ZonedPeriodFields';

const WALL = 'YYYY-MM-DDTHH:mm';
const AGGREGATIONS = ['mean', 'trimmed_mean', 'zscore'] as const;
const ENTRANTS = ['accepted', 'previous_round'] as const;

type StaffS = ReturnType<typeof useStaffT>['s'];
const stateTag = (state: string, s: StaffS) => (
  <Tag color={state === 'open' ? 'geekblue' : undefined} data-round-state={state}>
    {s(`roundState_${state}` as 'roundState_draft')}
  </Tag>
);
const advancementText = (a: Round['advancement'], s: StaffS) =>
  a.type === 'top' ? s('advanceTopShort', { n: a.n ?? '' }) : s('advanceScoreShort', { score: a.score ?? '' });

export function RoundsPage() {
  const { s, t, lang } = useStaffT();
  const [params, setParams] = useSearchParams();
  const { data: cycles, isLoading } = useQuery(cyclesQuery);
  const cycle = cycles?.find((c) => c.id === params.get('cycle')) ?? cycles?.[0];
  const rounds = useQuery({ ...roundsQuery(cycle?.id ?? ''), enabled: !!cycle });
  const rubrics = useQuery(rubricsQuery);
  const rubricName = (id: string) => rubrics.data?.find((r) => r.id === id)?.name ?? '—';
  if (isLoading) return <Skeleton active />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {s('rounds')}
        </Typography.Title>
        <Space wrap>
          {cycle && (
            <Select
              aria-label={s('chooseCycle')}
              id="rounds-cycle"
              style={{ minWidth: 260, maxWidth: '100%' }}
              value={cycle.id}
              onChange={(v) => setParams({ cycle: v }, { replace: true })}
              options={(cycles ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          )}
          {cycle && (
            <Link to={`/staff/rounds/new?cycle=${cycle.id}`}>
              <Button type="primary" tabIndex={-1} id="new-round">
                {s('newRound')}
              </Button>
            </Link>
          )}
        </Space>
      </div>
      {rounds.isError && <Alert type="error" showIcon message={errorText(rounds.error)} />}
      <Table<Round>
        rowKey="id"
        loading={rounds.isLoading}
        dataSource={rounds.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: cycle ? s('noRounds') : s('noCycles') }}
        columns={[
          { title: s('ordinal'), dataIndex: 'ordinal' },
          {
            title: s('roundName'),
            dataIndex: 'name',
            render: (name: string, r) => (
              <Link to={`/staff/rounds/${r.id}`} data-round={r.id}>
                {name}
              </Link>
            ),
          },
          { title: s('state'), dataIndex: 'state', render: (st: string) => stateTag(st, s) },
          { title: s('rubric'), dataIndex: 'rubricId', render: (id: string) => <Link to={`/staff/rubrics/${id}`}>{rubricName(id)}</Link> },
          {
            title: s('roundOpensAt'),
            dataIndex: 'opensAt',
            render: (v: string) => (cycle ? formatInZone(v, cycle.timeZone, lang, false) : v),
          },
          {
            title: s('roundClosesAt'),
            dataIndex: 'closesAt',
            render: (v: string) => (cycle ? formatInZone(v, cycle.timeZone, lang) : v),
          },
          { title: s('reviewsPerApplication'), dataIndex: 'reviewsPerApplication' },
          { title: s('blindShort'), dataIndex: 'blind', render: (b: boolean) => (b ? s('blindShort') : s('namedShort')) },
          { title: s('advancement'), dataIndex: 'advancement', render: (a: Round['advancement']) => advancementText(a, s) },
          { title: s('entriesInRound'), dataIndex: 'entries' },
          { title: s('panelCount'), key: 'panel', render: (_, r) => r.panel.length },
        ]}
      />
      {cycle && (
        <Typography.Text type="secondary">{`${t('deadline')}: ${formatInZone(cycle.submissionDeadline, cycle.timeZone, lang)}`}</Typography.Text>
      )}
    </Space>
  );
}

interface RoundFormValues {
  name: string;
  rubricId?: string;
  reviewsPerApplication: number;
  opensAt?: Dayjs;
  closesAt?: Dayjs;
  blind: boolean;
  aggregation: string;
  advancementType: 'top' | 'threshold';
  n?: number;
  score?: number;
  entrants: string;
}

/** The server's field names → the form's (advancement.n is the "n" field). */
const renameField = (p: string) =>
  p === 'advancement.n' ? 'n' : p === 'advancement.score' ? 'score' : p === 'advancement' ? 'advancementType' : p;

function RoundForm({ cycle, round, onSaved }: { cycle: Cycle; round?: Round; onSaved: (r: Round) => void }) {
  const { s, lang } = useStaffT();
  const [form] = Form.useForm<RoundFormValues>();
  const rubrics = useQuery(rubricsQuery);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const type = Form.useWatch('advancementType', form) ?? round?.advancement.type ?? 'top';
  const editable = !round || round.state === 'draft';
  const zone = cycle.timeZone;
  const initial: RoundFormValues = round
    ? {
        name: round.name,
        rubricId: round.rubricId,
        reviewsPerApplication: round.reviewsPerApplication,
        opensAt: dayjs(isoToWall(round.opensAt, zone)),
        closesAt: dayjs(isoToWall(round.closesAt, zone)),
        blind: round.blind,
        aggregation: round.aggregation,
        advancementType: round.advancement.type as 'top' | 'threshold',
        n: round.advancement.n,
        score: round.advancement.score,
        entrants: round.entrants,
      }
    : { name: '', reviewsPerApplication: 3, blind: true, aggregation: 'mean', advancementType: 'top', n: 10, entrants: 'accepted' };

  const save = async (v: RoundFormValues) => {
    setBusy(true);
    setError(null);
    const body = {
      name: v.name,
      rubricId: v.rubricId,
      reviewsPerApplication: v.reviewsPerApplication,
      opensAt: v.opensAt ? wallToIso(v.opensAt.format(WALL), zone) : undefined,
      closesAt: v.closesAt ? wallToIso(v.closesAt.format(WALL), zone) : undefined,
      blind: v.blind,
      aggregation: v.aggregation,
      advancement: v.advancementType === 'top' ? { type: 'top', n: v.n } : { type: 'threshold', score: v.score },
      entrants: v.entrants,
    } as Body<'CreateRoundDto'>;
    try {
      const saved = round
        ? (await call<Round>('PATCH', `/api/rounds/${round.id}`, { body: body satisfies Body<'UpdateRoundDto'> })).body
        : await post<Round>(`/api/cycles/${cycle.id}/rounds`, body);
      onSaved(saved);
    } catch (e) {
      setError(showAtFields(form, e, renameField));
    } finally {
      setBusy(false);
    }
  };

  const zoneHelp = s('inZone', { zone: zoneName(zone, lang) });
  return (
    <Form<RoundFormValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} disabled={!editable}>
      {error && <Alert type="error" showIcon role="alert" id="round-error" message={error} style={{ marginBottom: 12 }} />}
      <Space wrap align="start" size={[24, 0]}>
        <Form.Item
          name="name"
          label={s('roundName')}
          htmlFor="round-name"
          rules={[{ required: true, whitespace: true, message: s('required') }]}
        >
          <Input id="round-name" maxLength={100} style={{ width: 280, maxWidth: '100%' }} />
        </Form.Item>
        <Form.Item name="rubricId" label={s('rubric')} htmlFor="round-rubric" rules={[{ required: true, message: s('required') }]}>
          <Select
            id="round-rubric"
            style={{ width: 280, maxWidth: '100%' }}
            showSearch
            optionFilterProp="label"
            options={(rubrics.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
          />
        </Form.Item>
        <Form.Item
          name="reviewsPerApplication"
          label={s('reviewsPerApplication')}
          htmlFor="round-reviews"
          rules={[{ required: true, message: s('required') }]}
        >
          <InputNumber controls={false} id="round-reviews" min={1} max={50} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Space>
      <ZonedPeriodFields
        start={{ name: 'opensAt', label: s('roundOpensAt'), id: 'round-opens' }}
        end={{ name: 'closesAt', label: s('roundClosesAt'), id: 'round-closes' }}
        zoneHelp={zoneHelp}
        required
        requiredMessage={s('required')}
        orderMessage={s('closesAfterOpens')}
        size={[24, 0]}
      />
      <Form.Item name="blind" valuePropName="checked">
        <Checkbox id="round-blind">{s('blindReview')}</Checkbox>
      </Form.Item>
      <Space wrap align="start" size={[24, 0]}>
        <Form.Item name="aggregation" label={s('aggregation')} htmlFor="round-aggregation">
          <Select
            id="round-aggregation"
            style={{ width: 300, maxWidth: '100%' }}
            options={AGGREGATIONS.map((k) => ({ value: k, label: s(`aggregation_${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="entrants" label={s('entrants')} htmlFor="round-entrants">
          <Select
            id="round-entrants"
            style={{ width: 280, maxWidth: '100%' }}
            options={ENTRANTS.map((k) => ({ value: k, label: s(`entrants_${k}`) }))}
          />
        </Form.Item>
      </Space>
      <Space wrap align="start" size={[24, 0]}>
        <Form.Item name="advancementType" label={s('advancement')} htmlFor="round-advancement">
          <Select
            id="round-advancement"
            style={{ width: 220 }}
            options={(['top', 'threshold'] as const).map((k) => ({ value: k, label: s(`advancement_${k}`) }))}
          />
        </Form.Item>
        {type === 'top' ? (
          <Form.Item name="n" label={s('advanceN')} htmlFor="round-n" rules={[{ required: true, message: s('required') }]}>
            <InputNumber controls={false} id="round-n" min={1} max={10000} precision={0} style={{ width: 160 }} />
          </Form.Item>
        ) : (
          <Form.Item name="score" label={s('advanceScore')} htmlFor="round-score" rules={[{ required: true, message: s('required') }]}>
            <InputNumber controls={false} id="round-score" min={0} max={10000000} style={{ width: 160 }} />
          </Form.Item>
        )}
      </Space>
      {editable && (
        <div style={{ display: 'flex', gap: 16, alignItems: 'center' }}>
          <Button type="primary" htmlType="submit" loading={busy} id="round-save">
            {s('save')}
          </Button>
          {!round && <Link to={`/staff/rounds?cycle=${cycle.id}`}>{s('cancel')}</Link>}
        </div>
      )}
    </Form>
  );
}

export function RoundNewPage() {
  const { s } = useStaffT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { data: cycles, isLoading } = useQuery(cyclesQuery);
  const cycle = cycles?.find((c) => c.id === params.get('cycle')) ?? cycles?.[0];
  if (isLoading) return <Skeleton active />;
  if (!cycle) return <NotFound />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 900 }}>
      <Link to={`/staff/rounds?cycle=${cycle.id}`}>{s('backToRounds')}</Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {`${s('newRound')} · ${cycle.name}`}
      </Typography.Title>
      <RoundForm
        cycle={cycle}
        onSaved={(r) => {
          message.success(s('created'));
          invalidateRound(r.id);
          navigate(`/staff/rounds/${r.id}`);
        }}
      />
    </Space>
  );
}

/** A round's settings, state changes and panel, under the header and tabs its other pages share. */
export function RoundPage() {
  return <RoundFrame active="settings">{(round) => <RoundSettings round={round} />}</RoundFrame>;
}

function RoundSettings({ round }: { round: Round }) {
  const cycle = useQuery(cycleQuery(round.cycleId));
  if (!cycle.data) return <Skeleton active />;
  return <RoundView round={round} cycle={cycle.data} />;
}

function RoundView({ round, cycle }: { round: Round; cycle: Cycle }) {
  const { s, lang } = useStaffT();
  const { message, modal } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (to: 'open' | 'close') =>
    modal.confirm({
      title: to === 'open' ? s('openRound') : s('closeRound'),
      content: s(to === 'open' ? 'confirmOpen' : 'confirmClose', { name: round.name }),
      okText: to === 'open' ? s('openRound') : s('closeRound'),
      cancelText: s('cancel'),
      okButtonProps: { id: 'round-confirm' },
      onOk: async () => {
        setBusy(true);
        setError(null);
        try {
          const r = await post<Round>(`/api/rounds/${round.id}/${to}`, {});
          queryClient.setQueryData(roundQuery(round.id).queryKey, r);
          invalidateRound(round.id);
          message.success(s(to === 'open' ? 'roundOpened' : 'roundClosed'));
        } catch (e) {
          setError(errorText(e));
        } finally {
          setBusy(false);
        }
      },
    });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <Typography.Text type="secondary">
          {`${cycle.name} · ${s('ordinal')} ${round.ordinal} · ${s('entriesInRound')} ${round.entries} · ${formatInZone(round.opensAt, cycle.timeZone, lang, false)} – ${formatInZone(round.closesAt, cycle.timeZone, lang)}`}
        </Typography.Text>
        <Space wrap>
          {round.state === 'draft' && (
            <Button type="primary" id="round-open" loading={busy} onClick={() => change('open')}>
              {s('openRound')}
            </Button>
          )}
          {round.state === 'open' && (
            <Button danger id="round-close" loading={busy} onClick={() => change('close')}>
              {s('closeRound')}
            </Button>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon role="alert" id="round-state-error" message={error} closable onClose={() => setError(null)} />}
      <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{s('settings')}</h3>}>
        {round.state !== 'draft' && <Alert type="info" showIcon message={s('settingsLocked')} style={{ marginBottom: 12 }} />}
        <RoundForm
          key={`${round.id}-${round.version}`}
          cycle={cycle}
          round={round}
          onSaved={(r) => {
            queryClient.setQueryData(roundQuery(round.id).queryKey, r);
            invalidateRound(round.id);
            message.success(s('saved'));
          }}
        />
      </Card>
      <PanelCard round={round} />
    </Space>
  );
}

function PanelCard({ round }: { round: Round }) {
  const { s } = useStaffT();
  const { message, modal } = App.useApp();
  const judges = useQuery(judgesQuery);
  const [chosen, setChosen] = useState<string[]>([]);
  const [capacity, setCapacity] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onPanel = new Set(round.panel.map((p) => p.judgeId));
  const options = (judges.data?.judges ?? [])
    .filter((j) => !j.disabled && !onPanel.has(j.userId))
    .map((j) => ({
      value: j.userId,
      label: s('judgeOption', { name: j.name, email: j.email, capacity: j.capacity ?? s('noLimit') }),
    }));
  const closed = round.state === 'closed';
  const add = async () => {
    if (!chosen.length) return;
    setBusy(true);
    setError(null);
    try {
      const body: Body<'AddPanelDto'> = { judgeIds: chosen, ...(capacity !== null ? { capacity } : {}) };
      await post<PanelJudge[]>(`/api/rounds/${round.id}/judges`, body);
      setChosen([]);
      setCapacity(null);
      invalidateRound(round.id);
      message.success(s('saved'));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = (p: PanelJudge) =>
    modal.confirm({
      title: s('removeFromPanel'),
      content: s('confirmRemoveJudge', { name: p.name }),
      okText: s('removeFromPanel'),
      cancelText: s('cancel'),
      okButtonProps: { id: 'panel-remove-confirm', danger: true },
      onOk: async () => {
        setError(null);
        try {
          await call('DELETE', `/api/rounds/${round.id}/judges/${p.judgeId}`);
          invalidateRound(round.id);
          message.success(s('removed'));
        } catch (e) {
          setError(errorText(e));
        }
      },
    });
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{s('panelTitle', { n: round.panel.length })}</h3>}>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          id="panel-error"
          message={error}
          style={{ marginBottom: 12 }}
          closable
          onClose={() => setError(null)}
        />
      )}
      {!closed && (
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: 12, marginBottom: 12 }}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 4, flex: '1 1 260px', minWidth: 0, maxWidth: 480 }}>
            <label htmlFor="panel-judges">{s('chooseJudges')}</label>
            <Select
              id="panel-judges"
              mode="multiple"
              value={chosen}
              onChange={setChosen}
              options={options}
              optionFilterProp="label"
              style={{ width: '100%' }}
              loading={judges.isLoading}
            />
          </div>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
            <label htmlFor="panel-capacity">{s('capacity')}</label>
            <InputNumber
              controls={false}
              id="panel-capacity"
              min={0}
              max={1000}
              precision={0}
              value={capacity}
              onChange={(v) => setCapacity(v === null ? null : Number(v))}
              placeholder={s('noLimit')}
              aria-describedby="panel-capacity-help"
              style={{ width: 140 }}
            />
          </div>
          <Button type="primary" id="panel-add" disabled={!chosen.length} loading={busy} onClick={() => void add()}>
            {s('addJudges')}
          </Button>
        </div>
      )}
      {!closed && (
        <Typography.Paragraph type="secondary" id="panel-capacity-help" style={{ marginTop: -4 }}>
          {s('capacityHelp')}
        </Typography.Paragraph>
      )}
      <Table<PanelJudge>
        rowKey="judgeId"
        id="panel-table"
        dataSource={round.panel}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: s('noPanel') }}
        columns={[
          { title: s('name'), dataIndex: 'name', render: (v: string, p) => <span data-panel-judge={p.judgeId}>{v}</span> },
          { title: s('email'), dataIndex: 'email' },
          { title: s('capacity'), dataIndex: 'capacity', render: (v: number | null) => (v === null ? s('noLimit') : v) },
          {
            title: s('confidentiality'),
            dataIndex: 'confidentialityAccepted',
            render: (v: boolean) => <Tag color={v ? 'success' : 'default'}>{v ? s('accepted') : s('notAccepted')}</Tag>,
          },
          { title: s('assignmentsCount'), dataIndex: 'assignments' },
          {
            title: '',
            key: 'remove',
            render: (_, p) =>
              closed ? null : (
                <Button size="small" danger onClick={() => remove(p)} aria-label={`${s('removeFromPanel')}：${p.name}`}>
                  {s('removeFromPanel')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
