/**
 * One entry for screening: its sections read-only (the applicant pages' own form components, from
 * the same descriptor), attachments, sealed snapshots with their hash check and a field-level diff
 * between two of them, dossier copies, the receipt check, the entry's audit trail, and the
 * screening actions (accept / return with a reason / reject with a reason) and an extension.
 * A refused action (409: someone else changed the entry first, or the state does not allow it)
 * shows the server's message.
 */
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Menu,
  Modal,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ApiError, get, post, type Body, type Reply } from '../api/client';
import { formQuery } from '../api/queries';
import type { SectionDescriptor } from '../form/descriptor';
import { Fields } from '../form/FieldInput';
import { fieldAt, labelAt } from '../form/labels';
import { NotFound } from '../shell/NotFound';
import { snapshotDiff } from './diff';
import { errorText, showAtFields } from './errors';
import { AuditTable } from './AuditPage';
import {
  attachmentsQuery,
  auditQuery,
  cycleQuery,
  entryQuery,
  invalidateEntry,
  snapshotQuery,
  snapshotsQuery,
  type Entry,
} from './queries';
import { useStaffT } from './texts';
import { formatInZone, wallToIso, zoneName } from './zoned';

type Attachment = Reply<'AttachmentResponse'>;

export function EntryPage() {
  const { id = '' } = useParams();
  const { s, t, state, lang } = useStaffT();
  const entry = useQuery(entryQuery(id));
  const { data: form } = useQuery(formQuery);
  if (entry.isError && entry.error instanceof ApiError && entry.error.status === 404) return <NotFound />;
  if (entry.isError) return <Alert type="error" showIcon message={errorText(entry.error)} />;
  if (!entry.data || !form) return <Skeleton active />;
  const e = entry.data;
  const zone = e.cycle.timeZone;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          <span className="entry-code">{e.entryCode}</span> · {e.organisation.name}
        </Typography.Title>
        <Space wrap>
          <Tag color="geekblue" data-entry-state={e.state}>
            {state(e.state)}
          </Tag>
          <span>{e.cycle.name}</span>
          <Tag>{lang === 'zh' ? e.category.nameZh : e.category.nameEn}</Tag>
          {e.organisation.memberUnit && <Tag color="gold">{s('memberUnit')}</Tag>}
          <span>
            {s('deadline')}: <time dateTime={e.deadline}>{formatInZone(e.deadline, zone, lang)}</time>
          </span>
        </Space>
        {e.returnReason && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            message={
              <>
                <strong>{s('returnedReason')}: </strong>
                <span id="entry-return-reason">{e.returnReason}</span>
              </>
            }
          />
        )}
      </div>
      <Tabs
        destroyOnHidden
        items={[
          {
            key: 'overview',
            label: s('overview'),
            children: (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Screening entry={e} />
                <Extension entry={e} />
                <ReceiptCheck entry={e} />
              </Space>
            ),
          },
          { key: 'content', label: s('content'), children: <Content entry={e} form={form} /> },
          { key: 'attachments', label: s('attachments'), children: <Attachments entry={e} /> },
          { key: 'snapshots', label: s('snapshots'), children: <Snapshots entry={e} form={form} /> },
          { key: 'history', label: s('history'), children: <History entry={e} /> },
        ]}
      />
      <Link to="/staff/entries">← {t('navEntries')}</Link>
    </Space>
  );
}

/** Accept / return / reject. Offered from `submitted`; the server decides, and says why when it refuses. */
function Screening({ entry }: { entry: Entry }) {
  const { s } = useStaffT();
  const { message } = App.useApp();
  const [asking, setAsking] = useState<'return' | 'reject' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const can = entry.state === 'submitted';

  const act = async (action: 'accept' | 'return' | 'reject', body: Body<'ReasonDto'> = {}) => {
    setBusy(true);
    setError(null);
    try {
      await post<Reply<'TransitionResponse'>>(`/api/applications/${entry.id}/${action}`, body);
      message.success(s('done'));
      setAsking(null);
      setReason('');
    } catch (e) {
      setError(s('conflict', { message: errorText(e) }));
      setAsking(null);
    } finally {
      setBusy(false);
      invalidateEntry(entry.id);
    }
  };

  return (
    <Card title={s('screening')} size="small">
      {error && <Alert type="error" showIcon message={error} role="alert" id="screening-error" style={{ marginBottom: 12 }} />}
      {!can && <Typography.Paragraph type="secondary">{s('notAllowedNow')}</Typography.Paragraph>}
      <Space wrap>
        <Button type="primary" disabled={!can} loading={busy} onClick={() => void act('accept')} id="screen-accept">
          {s('accept')}
        </Button>
        <Button disabled={!can} onClick={() => setAsking('return')} id="screen-return">
          {s('return')}
        </Button>
        <Button danger disabled={!can} onClick={() => setAsking('reject')} id="screen-reject">
          {s('reject')}
        </Button>
      </Space>
      <Modal
        open={!!asking}
        title={asking ? s(asking) : ''}
        onCancel={() => setAsking(null)}
        okText={asking ? s(asking) : ''}
        cancelText={s('cancel')}
        okButtonProps={{ disabled: !reason.trim(), danger: asking === 'reject', id: 'reason-ok', loading: busy }}
        onOk={() => asking && void act(asking, { reason: reason.trim() })}
      >
        <label htmlFor="screen-reason">{s('reason')}</label>
        <Input.TextArea id="screen-reason" rows={4} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Card>
  );
}

/** A later deadline for this entry alone, entered in the cycle's zone. */
function Extension({ entry }: { entry: Entry }) {
  const { s, lang } = useStaffT();
  const [form] = Form.useForm<{ until?: Dayjs; reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const zone = entry.cycle.timeZone;
  const save = async (v: { until?: Dayjs; reason: string }) => {
    setError(null);
    setDone(null);
    try {
      const body: Body<'ExtensionDto'> = { until: wallToIso(v.until!.format('YYYY-MM-DDTHH:mm'), zone), reason: v.reason.trim() };
      const r = await post<Reply<'ExtensionResponse'>>(`/api/applications/${entry.id}/extension`, body);
      setDone(s('extended', { when: formatInZone(r.deadline, zone, lang) }));
      invalidateEntry(entry.id);
    } catch (e) {
      setError(showAtFields(form, e));
    }
  };
  return (
    <Card title={s('extension')} size="small">
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      {done && <Alert type="success" showIcon message={done} role="status" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Space wrap align="start">
          <Form.Item
            name="until"
            label={s('extendUntil')}
            htmlFor="ext-until"
            extra={s('inZone', { zone: zoneName(zone, lang) })}
            rules={[{ required: true, message: s('required') }]}
          >
            <DatePicker id="ext-until" showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }} />
          </Form.Item>
          <Form.Item
            name="reason"
            label={s('reason')}
            htmlFor="ext-reason"
            rules={[{ required: true, whitespace: true, message: s('reasonRequired') }]}
          >
            <Input id="ext-reason" style={{ width: 320, maxWidth: '100%' }} maxLength={2000} />
          </Form.Item>
        </Space>
        <Button htmlType="submit" id="ext-save">
          {s('extend')}
        </Button>
      </Form>
    </Card>
  );
}

function receiptText(check: Attachment['receiptCheck'], s: ReturnType<typeof useStaffT>['s']) {
  return check === 'matched'
    ? s('receiptMatched')
    : check === 'different'
      ? s('receiptDifferent')
      : check === 'unreadable'
        ? s('receiptUnreadable')
        : s('receiptPending');
}

/** The stamped receipts' QR, read by the server, against the sealed hash. */
function ReceiptCheck({ entry }: { entry: Entry }) {
  const { s, lang } = useStaffT();
  const { data = [] } = useQuery(attachmentsQuery(entry.id));
  const receipts = data.filter((a) => a.kind === 'stamped_receipt');
  return (
    <Card title={s('receiptCheck')} size="small">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'hash',
            label: s('sealedHash'),
            children: <code style={{ wordBreak: 'break-all' }}>{entry.snapshot?.sha256 ?? '—'}</code>,
          },
        ]}
      />
      {!receipts.length && <Typography.Paragraph>{s('receiptNone')}</Typography.Paragraph>}
      {receipts.map((r) => (
        <div key={r.id} style={{ marginTop: 8 }}>
          <Tag
            color={r.receiptCheck === 'matched' ? 'success' : r.receiptCheck === 'different' ? 'red' : 'orange'}
            data-receipt-check={r.receiptCheck ?? 'pending'}
          >
            {receiptText(r.receiptCheck, s)}
          </Tag>
          <a href={`/api/applications/${entry.id}/attachments/${r.id}`} target="_blank" rel="noreferrer">
            {r.originalName ?? r.id}
          </a>{' '}
          · {formatInZone(r.createdAt, entry.cycle.timeZone, lang, false)}
        </div>
      ))}
    </Card>
  );
}

/** Every section, read-only: the current data (the sealed snapshot is the same while sealed or later). */
function Content({ entry, form }: { entry: Entry; form: SectionDescriptor[] }) {
  const { label } = useStaffT();
  const [current, setCurrent] = useState(form[0]?.key ?? 'basics');
  const section = form.find((x) => x.key === current)!;
  const { data } = useQuery({
    queryKey: ['staff', 'section', entry.id, current],
    queryFn: () => get<Reply<'SectionResponse'>>(`/api/applications/${entry.id}/sections/${current}`),
  });
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
      <Menu
        style={{ width: 220, flex: 'none' }}
        mode="inline"
        selectedKeys={[current]}
        onClick={(e) => setCurrent(e.key)}
        items={form.map((x) => ({ key: x.key, label: <span data-section={x.key}>{label(x.title)}</span> }))}
      />
      <div style={{ flex: '1 1 360px', minWidth: 0 }}>
        <Typography.Title level={3}>{label(section.title)}</Typography.Title>
        {!data ? (
          <Skeleton active />
        ) : (
          <Form layout="vertical" disabled>
            <Fields
              fields={section.fields}
              prefix=""
              ctx={{
                appId: entry.id,
                section: section.key,
                data: (data.data ?? {}) as Record<string, unknown>,
                computed: (data.computed ?? {}) as Record<string, unknown>,
                errors: {},
                editable: false,
                change: () => undefined,
              }}
            />
          </Form>
        )}
      </div>
    </div>
  );
}

function Attachments({ entry }: { entry: Entry }) {
  const { s, lang } = useStaffT();
  const { data = [], isLoading } = useQuery(attachmentsQuery(entry.id));
  return (
    <Table<Attachment>
      rowKey="id"
      loading={isLoading}
      dataSource={data}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: s('noAttachments') }}
      columns={[
        { title: s('details'), dataIndex: 'originalName', render: (n: string | null, a) => n ?? a.id },
        { title: s('entity'), dataIndex: 'kind' },
        { title: 'MIME', dataIndex: 'contentType' },
        { title: 'KB', dataIndex: 'size', render: (n: number) => (n / 1024).toFixed(1) },
        { title: s('sha256'), dataIndex: 'sha256', render: (h: string) => <code title={h}>{h.slice(0, 16)}…</code> },
        { title: s('receiptCheck'), key: 'check', render: (_, a) => (a.kind === 'stamped_receipt' ? receiptText(a.receiptCheck, s) : '') },
        { title: s('time'), dataIndex: 'createdAt', render: (v: string) => formatInZone(v, entry.cycle.timeZone, lang, false) },
        {
          title: '',
          key: 'open',
          render: (_, a) => (
            <a href={`/api/applications/${entry.id}/attachments/${a.id}`} target="_blank" rel="noreferrer">
              {s('openFile')}
            </a>
          ),
        },
      ]}
    />
  );
}

function shownValue(
  fields: SectionDescriptor['fields'],
  path: string,
  v: unknown,
  label: (l: { zh: string; en: string }) => string,
  yes: string,
  no: string,
): string {
  if (v === undefined || v === null) return '—';
  const f = fieldAt(fields, path);
  const option = (code: unknown) => {
    const o = f && 'options' in f ? f.options.find((x) => x.code === code) : undefined;
    return o ? label(o.label) : String(code);
  };
  if (Array.isArray(v)) return v.map(option).join('、');
  if (typeof v === 'boolean') return v ? yes : no;
  return option(v);
}

function Snapshots({ entry, form }: { entry: Entry; form: SectionDescriptor[] }) {
  const { s, lang } = useStaffT();
  const { data: list = [], isLoading } = useQuery(snapshotsQuery(entry.id));
  const [verified, setVerified] = useState<Record<string, Reply<'SnapshotVerifyResponse'> | string>>({});
  const ordered = useMemo(() => [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt)), [list]);
  const [pair, setPair] = useState<{ a?: string; b?: string }>({});
  const a = pair.a ?? ordered[ordered.length - 2]?.id;
  const b = pair.b ?? ordered[ordered.length - 1]?.id;
  const zone = entry.cycle.timeZone;
  const name = (x: { id: string; createdAt: string }) =>
    `#${ordered.indexOf(x as (typeof ordered)[number]) + 1} · ${formatInZone(x.createdAt, zone, lang, false)}`;

  const verify = async (id: string) => {
    try {
      const r = await get<Reply<'SnapshotVerifyResponse'>>(`/api/snapshots/${id}/verify`);
      setVerified((v) => ({ ...v, [id]: r }));
    } catch (e) {
      setVerified((v) => ({ ...v, [id]: errorText(e) }));
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Table
        rowKey="id"
        loading={isLoading}
        dataSource={ordered}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '#', key: 'n', render: (_, x) => ordered.indexOf(x) + 1 },
          { title: s('sealedAt'), dataIndex: 'createdAt', render: (v: string) => formatInZone(v, zone, lang) },
          { title: s('sha256'), dataIndex: 'sha256', render: (h: string) => <code style={{ wordBreak: 'break-all' }}>{h}</code> },
          {
            title: s('state'),
            key: 'st',
            render: (_, x) => (x.supersededAt ? <Tag>{s('superseded')}</Tag> : <Tag color="success">{s('current')}</Tag>),
          },
          {
            title: s('verify'),
            key: 'verify',
            render: (_, x) => {
              const r = verified[x.id];
              if (!r)
                return (
                  <Button size="small" onClick={() => void verify(x.id)} data-verify={x.id}>
                    {s('verify')}
                  </Button>
                );
              if (typeof r === 'string') return <Typography.Text type="danger">{r}</Typography.Text>;
              return (
                <Tag color={r.valid ? 'success' : 'red'} data-verified={String(r.valid)}>
                  {r.valid ? s('hashValid') : s('hashInvalid')}
                </Tag>
              );
            },
          },
        ]}
      />
      <DossierCopies entry={entry} />
      {ordered.length >= 2 && (
        <Card size="small" title={s('diffTitle')}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              aria-label={s('before')}
              id="diff-a"
              style={{ minWidth: 240 }}
              value={a}
              onChange={(v) => setPair((p) => ({ ...p, a: v }))}
              options={ordered.map((x) => ({ value: x.id, label: name(x) }))}
            />
            →
            <Select
              aria-label={s('after')}
              id="diff-b"
              style={{ minWidth: 240 }}
              value={b}
              onChange={(v) => setPair((p) => ({ ...p, b: v }))}
              options={ordered.map((x) => ({ value: x.id, label: name(x) }))}
            />
          </Space>
          {a && b && <Diff a={a} b={b} form={form} />}
        </Card>
      )}
      {!isLoading && !ordered.length && <Typography.Paragraph>{s('notReady')}</Typography.Paragraph>}
    </Space>
  );
}

function Diff({ a, b, form }: { a: string; b: string; form: SectionDescriptor[] }) {
  const { s, label } = useStaffT();
  const before = useQuery(snapshotQuery(a));
  const after = useQuery(snapshotQuery(b));
  if (!before.data || !after.data) return <Skeleton active />;
  const changes = snapshotDiff(
    before.data.document as { sections?: Record<string, unknown> },
    after.data.document as { sections?: Record<string, unknown> },
    form.map((x) => x.key),
  );
  if (!changes.length) return <Typography.Paragraph data-diff-empty>{s('noDiff')}</Typography.Paragraph>;
  const fieldsOf = (key: string) => form.find((x) => x.key === key)?.fields ?? [];
  const title = (key: string) => {
    const sec = form.find((x) => x.key === key);
    return sec ? label(sec.title) : key;
  };
  return (
    <Table
      rowKey={(c) => `${c.section}.${c.path}`}
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={changes}
      data-diff
      columns={[
        {
          title: s('field'),
          key: 'f',
          render: (_, c) => (
            <span data-diff-path={`${c.section}.${c.path}`}>{`${title(c.section)} › ${labelAt(fieldsOf(c.section), c.path, label)}`}</span>
          ),
        },
        {
          title: s('before'),
          key: 'b',
          render: (_, c) => <del>{shownValue(fieldsOf(c.section), c.path, c.before, label, s('yes'), s('no'))}</del>,
        },
        {
          title: s('after'),
          key: 'a',
          render: (_, c) => <ins>{shownValue(fieldsOf(c.section), c.path, c.after, label, s('yes'), s('no'))}</ins>,
        },
      ]}
    />
  );
}

/** The dossier copies of the current snapshot: the staff copy, the applicant's, and a judge's (blind or not). */
function DossierCopies({ entry }: { entry: Entry }) {
  const { s } = useStaffT();
  if (!entry.snapshot) return null;
  const copies: Array<{ key: string; label: string; query: string }> = [
    { key: 'staff', label: s('dossierCopy', { copy: s('copyStaff') }), query: 'variant=staff' },
    { key: 'applicant', label: s('dossierCopy', { copy: s('copyApplicant') }), query: 'variant=applicant' },
    { key: 'judge', label: s('dossierCopy', { copy: s('copyJudge') }), query: 'variant=judge&blind=true' },
  ];
  return (
    <Card size="small" title={s('dossier')}>
      <Space wrap>
        {copies.map((c) => (
          <DossierLink key={c.key} entryId={entry.id} query={c.query} label={c.label} />
        ))}
      </Space>
    </Card>
  );
}

function DossierLink({ entryId, query, label }: { entryId: string; query: string; label: string }) {
  const { s } = useStaffT();
  const status = useQuery({
    queryKey: ['staff', 'dossier', entryId, query],
    queryFn: () => get<Reply<'DossierStatusResponse'>>(`/api/applications/${entryId}/dossier/status?${query}`),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'ready' && q.state.data.status !== 'failed' ? 3000 : false),
  });
  const st = status.data?.status;
  return st === 'ready' ? (
    <a href={`/api/applications/${entryId}/dossier?${query}`} target="_blank" rel="noreferrer">
      {label}
    </a>
  ) : (
    <span>
      {label}: {st === 'failed' ? s('failed') : status.isError ? errorText(status.error) : s('notReady')}
    </span>
  );
}

function History({ entry }: { entry: Entry }) {
  const { data = [], isLoading } = useQuery(auditQuery({ applicationId: entry.id }));
  const cycle = useQuery(cycleQuery(entry.cycle.id));
  return <AuditTable rows={data} loading={isLoading} zone={cycle.data?.timeZone ?? entry.cycle.timeZone} />;
}
