/**
 * The judges' pages: the invitation (name and password, then signed in), the home page (the
 * assignments by round; then, per cycle in which the judge sits on the panel of a draft or open
 * round, the confidentiality terms and the conflict declaration against the cycle's entrants, the
 * declarations made so far listed and not offered again) and the profile (industries of
 * expertise, employer, group, capacity).
 */
import {
  Alert,
  App,
  type FormInstance,
  Button,
  Card,
  Empty,
  Form,
  Grid,
  Input,
  InputNumber,
  List,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, call, get, post, type Body, type Reply } from '../api/client';
import { formQuery } from '../api/queries';
import type { FieldNode } from '../form/descriptor';
import { formatInstant } from '../format';
import { errorText } from '../staff/errors';
import { AssignmentsPage } from './AssignmentsPage';
import { judgeCyclesQuery, myConflictsQuery, type JudgeCycle } from './queries';
import { useJudgeT, type JudgeTextKey } from './texts';

type Cycle = JudgeCycle;
type Terms = Reply<'ConfidentialityResponse'>;
type Entrant = Reply<'EntrantOrganisationResponse'>;
type Declared = Reply<'DeclaredConflictResponse'>;
type Profile = Reply<'JudgeProfileResponse'>;
type Kind = Body<'DeclareConflictDto'>['kind'];

const KINDS: readonly [Kind, JudgeTextKey][] = [
  ['employment', 'kindEmployment'],
  ['consulting', 'kindConsulting'],
  ['competitor', 'kindCompetitor'],
  ['family', 'kindFamily'],
  ['other', 'kindOther'],
];

/** Puts a 400's details at the named fields; answers what no field shows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function atFields(form: FormInstance<any>, e: unknown, fields: readonly string[]): string | null {
  if (!(e instanceof ApiError) || !e.body.details?.length) return errorText(e);
  const at = new Map<string, string[]>();
  const rest: string[] = [];
  for (const d of e.body.details) {
    const name = d.path.split('.')[0];
    if (fields.includes(name)) at.set(name, [...(at.get(name) ?? []), d.message]);
    else rest.push(d.message);
  }
  form.setFields([...at].map(([name, errors]) => ({ name: name as never, errors })));
  return rest.length || !at.size ? [e.message, ...rest].join(' ') : null;
}

/** /judge-invitations/:token — public: the invited judge sets a name and a password and is signed in. */
export function JudgeInvitationPage({ onSignedIn }: { onSignedIn: () => void }) {
  const { t, j } = useJudgeT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [form] = Form.useForm<Body<'AcceptJudgeInvitationDto'>>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: Body<'AcceptJudgeInvitationDto'>) => {
    setBusy(true);
    setError(null);
    try {
      await post<Reply<'JudgeSignedInResponse'>>(`/api/judges/invitations/${encodeURIComponent(token)}/accept`, values);
      onSignedIn();
      navigate('/');
    } catch (e) {
      setError(e instanceof ApiError && e.status === 404 ? j('inviteInvalid') : atFields(form, e, ['name', 'password']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '48px 16px' }}>
      <Card title={<h1 style={{ fontSize: 16, margin: 0 }}>{j('inviteTitle')}</h1>} style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Paragraph>{j('inviteHelp')}</Typography.Paragraph>
        {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item label={t('name')} name="name" htmlFor="judge-name" rules={[{ required: true, whitespace: true }]}>
            <Input id="judge-name" autoComplete="name" />
          </Form.Item>
          <Form.Item label={t('password')} name="password" htmlFor="judge-password" rules={[{ required: true }]}>
            <Input.Password id="judge-password" autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {j('inviteAccept')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

/** The judge's start page: the assignments by round, then per panel cycle the terms and the conflicts. */
export function JudgeHome() {
  const { j } = useJudgeT();
  const cycles = useQuery(judgeCyclesQuery);
  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 24 }} data-judge-home>
        {j('myReviews')}
      </Typography.Title>
      <AssignmentsPage level={2} />
      <section aria-labelledby="judge-cycles-title" style={{ marginTop: 32 }}>
        <Typography.Title level={2} style={{ fontSize: 20 }} id="judge-cycles-title">
          {j('cyclesTitle')}
        </Typography.Title>
        {cycles.isPending ? (
          <Skeleton active />
        ) : cycles.isError ? (
          <Alert type="error" message={errorText(cycles.error)} />
        ) : cycles.data.length === 0 ? (
          <Empty description={j('noPanelCycles')} />
        ) : (
          <Space direction="vertical" size="large" style={{ width: '100%' }}>
            {cycles.data.map((c) => (
              <CycleCard key={c.id} cycle={c} />
            ))}
          </Space>
        )}
      </section>
    </div>
  );
}

function CycleCard({ cycle }: { cycle: Cycle }) {
  const { j, lang } = useJudgeT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const terms = useQuery({ queryKey: ['terms', cycle.id], queryFn: () => get<Terms>(`/api/cycles/${cycle.id}/confidentiality`) });
  const accept = useMutation({
    mutationFn: () => post(`/api/cycles/${cycle.id}/confidentiality`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['terms', cycle.id] });
      // the assignments of the cycle show once its terms are accepted
      void qc.invalidateQueries({ queryKey: ['judge', 'assignments'] });
    },
    onError: (e) => void message.error(errorText(e)),
  });
  const accepted = !!terms.data?.acceptedAt && terms.data.acceptedVersion === terms.data.termsVersion;
  return (
    <Card
      size={screens.md ? 'default' : 'small'}
      title={<h3 style={{ fontSize: 18, margin: 0, whiteSpace: 'normal' }}>{cycle.name}</h3>}
      data-cycle={cycle.id}
    >
      <Typography.Title level={4} style={{ fontSize: 16 }}>
        {j('confidentiality')}
      </Typography.Title>
      {terms.isPending ? (
        <Skeleton active />
      ) : terms.isError ? (
        <Alert type="error" message={errorText(terms.error)} />
      ) : (
        <>
          <Typography.Text type="secondary">{j('termsVersion', { v: terms.data.termsVersion })}</Typography.Text>
          <div
            tabIndex={0}
            role="region"
            aria-label={j('confidentiality')}
            style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto', border: '1px solid #d9d9d9', padding: 12, margin: '8px 0' }}
          >
            {lang === 'zh' ? terms.data.text.zh : terms.data.text.en}
          </div>
          {accepted ? (
            <Tag color="success" data-terms-accepted>
              {j('acceptedAt', { time: formatInstant(terms.data.acceptedAt!, cycle.timeZone, lang) })}
            </Tag>
          ) : (
            <Button type="primary" loading={accept.isPending} onClick={() => accept.mutate()}>
              {j('acceptTerms')}
            </Button>
          )}
        </>
      )}
      <Typography.Title level={4} style={{ fontSize: 16, marginTop: 24 }}>
        {j('conflicts')}
      </Typography.Title>
      {accepted ? (
        <Conflicts cycleId={cycle.id} timeZone={cycle.timeZone} />
      ) : (
        <Typography.Paragraph>{j('conflictsLocked')}</Typography.Paragraph>
      )}
    </Card>
  );
}

function Conflicts({ cycleId, timeZone }: { cycleId: string; timeZone: string }) {
  const { j, lang } = useJudgeT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const entrants = useQuery({ queryKey: ['entrants', cycleId], queryFn: () => get<Entrant[]>(`/api/cycles/${cycleId}/entrants`) });
  // what the judge declared (any cycle: a declaration holds for every cycle); those are not offered again
  const declared = useQuery(myConflictsQuery);
  if (entrants.isPending || declared.isPending) return <Skeleton active />;
  if (entrants.isError) return <Alert type="error" message={errorText(entrants.error)} />;
  if (declared.isError) return <Alert type="error" message={errorText(declared.error)} />;
  const done = new Set(declared.data.map((d) => d.organisationId));
  const open = entrants.data.filter((e) => !done.has(e.organisationId));
  const ofCycle = new Set(entrants.data.map((e) => e.organisationId));
  const listed = declared.data.filter((d) => ofCycle.has(d.organisationId));
  const onDeclared = (d: Declared) => {
    void qc.invalidateQueries({ queryKey: myConflictsQuery.queryKey });
    void qc.invalidateQueries({ queryKey: ['judge', 'assignments'] });
    void message.success(d.removedAssignments > 0 ? j('removedAssignments', { n: d.removedAssignments }) : j('declaredDone'));
  };
  return (
    <>
      <Typography.Paragraph>{j('conflictsHelp')}</Typography.Paragraph>
      {entrants.data.length === 0 ? (
        <Empty description={j('noEntrants')} />
      ) : open.length > 0 ? (
        <List
          bordered
          dataSource={open}
          rowKey="organisationId"
          renderItem={(e) => (
            <List.Item>
              <EntrantRow entrant={e} onDeclared={onDeclared} />
            </List.Item>
          )}
        />
      ) : null}
      <Typography.Title level={5} style={{ fontSize: 15, marginTop: 16 }}>
        {j('declared')}
      </Typography.Title>
      {listed.length === 0 ? (
        <Typography.Text type="secondary">{j('noneDeclared')}</Typography.Text>
      ) : (
        <List
          data-declared-conflicts
          dataSource={listed}
          rowKey="id"
          renderItem={(d) => (
            <List.Item>
              <Space wrap>
                <Typography.Text strong>{d.organisationName}</Typography.Text>
                <Tag>{j(KINDS.find(([k]) => k === d.kind)?.[1] ?? 'kindOther')}</Tag>
                {d.note && <Typography.Text>{d.note}</Typography.Text>}
                <Typography.Text type="secondary">
                  {j('declaredAtTime', { time: formatInstant(d.declaredAt, timeZone, lang) })}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </>
  );
}

function EntrantRow({ entrant, onDeclared }: { entrant: Entrant; onDeclared: (d: Declared) => void }) {
  const { j } = useJudgeT();
  const [form] = Form.useForm<{ kind?: Kind; note?: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `conflict-${entrant.organisationId}`;
  const submit = async (v: { kind?: Kind; note?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const body: Body<'DeclareConflictDto'> = {
        organisationId: entrant.organisationId,
        kind: v.kind!,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      };
      onDeclared(await post<Declared>('/api/judges/me/conflicts', body));
    } catch (e) {
      setError(atFields(form, e, ['kind', 'note']));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ width: '100%' }} data-entrant={entrant.name}>
      <Typography.Text strong>{entrant.name}</Typography.Text>
      <Form form={form} layout="inline" onFinish={submit} style={{ marginTop: 8, rowGap: 8 }} aria-label={entrant.name}>
        <Form.Item label={j('kind')} name="kind" htmlFor={`${id}-kind`} rules={[{ required: true, message: j('chooseKind') }]}>
          <Select id={`${id}-kind`} style={{ minWidth: 160 }} options={KINDS.map(([value, key]) => ({ value, label: j(key) }))} />
        </Form.Item>
        <Form.Item label={j('note')} name="note" htmlFor={`${id}-note`}>
          <Input id={`${id}-note`} maxLength={500} style={{ minWidth: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={busy}>
            {j('declare')}
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" message={error} style={{ marginTop: 8 }} />}
    </div>
  );
}

/** The industry options of basics.center.industry, from the form descriptor. */
function industryOptions(
  sections: { key: string; fields: FieldNode[] }[] | undefined,
): { code: string; label: { zh: string; en: string } }[] {
  const find = (nodes: FieldNode[], path: string[]): FieldNode | undefined => {
    const n = nodes.find((f) => f.key === path[0]);
    if (!n || path.length === 1) return n;
    return 'fields' in n ? find(n.fields, path.slice(1)) : undefined;
  };
  const basics = sections?.find((s) => s.key === 'basics');
  const field = basics && find(basics.fields, ['center', 'industry']);
  return field && 'options' in field ? field.options : [];
}

type ProfileForm = Omit<Body<'UpdateJudgeProfileDto'>, 'capacity'> & { capacity?: number | null };

export function JudgeProfilePage() {
  const { j, label } = useJudgeT();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const form = useQuery(formQuery);
  const profile = useQuery({ queryKey: ['judge-profile'], queryFn: () => get<Profile>('/api/judges/me') });
  const [f] = Form.useForm<ProfileForm>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (v: ProfileForm) =>
      call<Profile>('PATCH', '/api/judges/me', {
        body: {
          industries: v.industries ?? [],
          employer: v.employer?.trim() || null,
          employerUscc: v.employerUscc?.trim() || null,
          group: v.group?.trim() || null,
          capacity: v.capacity ?? null,
        },
      }).then((a) => a.body),
    onMutate: () => setError(null),
    onSuccess: (p) => {
      qc.setQueryData(['judge-profile'], p);
      void message.success(j('saved'));
    },
    onError: (e) => setError(atFields(f, e, ['industries', 'employer', 'employerUscc', 'group', 'capacity'])),
  });
  if (profile.isPending || form.isPending) return <Skeleton active />;
  if (profile.isError) return <Alert type="error" message={errorText(profile.error)} />;
  const options = industryOptions(form.data).map((o) => ({ value: o.code, label: label(o.label) }));
  return (
    <div style={{ maxWidth: 640 }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>
        {j('profile')}
      </Typography.Title>
      <Typography.Paragraph>
        {profile.data.name} · {profile.data.email}
      </Typography.Paragraph>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
      <Form form={f} layout="vertical" initialValues={profile.data} onFinish={(v) => save.mutate(v)}>
        <Form.Item label={j('industries')} name="industries" htmlFor="jp-industries">
          <Select id="jp-industries" mode="multiple" options={options} allowClear />
        </Form.Item>
        <Form.Item label={j('employer')} name="employer" htmlFor="jp-employer">
          <Input id="jp-employer" autoComplete="organization" />
        </Form.Item>
        <Form.Item label={j('employerUscc')} name="employerUscc" htmlFor="jp-uscc">
          <Input id="jp-uscc" maxLength={18} />
        </Form.Item>
        <Form.Item label={j('group')} name="group" htmlFor="jp-group">
          <Input id="jp-group" />
        </Form.Item>
        <Form.Item label={j('capacity')} name="capacity" htmlFor="jp-capacity">
          <InputNumber id="jp-capacity" min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {j('save')}
        </Button>
      </Form>
    </div>
  );
}
