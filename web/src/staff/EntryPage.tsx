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
  Grid,
  Input,
  Menu,
  Modal,
  Radio,
  Select,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ApiError, get, post, type Body, type Reply } from '../api/client';
import { formQuery } from '../api/queries';
import type { SectionDescriptor } from '../form/descriptor';
import { Fields } from '../form/FieldInput';
import { fieldAt } from '../form/labels';
import { NotFound } from '../shell/NotFound';
import { errorText, showAtFields } from './errors';
import { AuditTable } from './AuditPage';
import { receiptWords } from './EntriesPage';
import { attachmentsQuery, diffQuery, entryQuery, invalidateEntry, screeningQuery, type Entry } from './queries';
import { useStaffT, type StaffTextKey } from './texts';
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
      <EntryTabs
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

/**
 * The entry's parts: tabs on wide screens; on a phone the five names do not fit one tab bar (its
 * overflow menu has no accessible name), so they wrap as a row of choice buttons.
 */
function EntryTabs({ items }: { items: Array<{ key: string; label: string; children: ReactNode }> }) {
  const screens = Grid.useBreakpoint();
  const [active, setActive] = useState(items[0].key);
  if (screens.md) return <Tabs destroyOnHidden activeKey={active} onChange={setActive} items={items} />;
  return (
    <div>
      <Radio.Group
        className="entry-parts"
        optionType="button"
        value={active}
        onChange={(e) => setActive(e.target.value as string)}
        options={items.map((i) => ({ value: i.key, label: i.label }))}
        style={{ display: 'flex', flexWrap: 'wrap', marginBottom: 16 }}
      />
      {items.find((i) => i.key === active)?.children}
    </div>
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

/** The stamped receipts' QR as the server read it, against the sealed hash. */
function ReceiptCheck({ entry }: { entry: Entry }) {
  const { s, lang } = useStaffT();
  const { data } = useQuery(screeningQuery(entry.id));
  const receipts = data?.receipts ?? [];
  return (
    <Card title={s('receiptCheck')} size="small">
      {!data && <Skeleton active />}
      {data && !receipts.length && <Typography.Paragraph>{s('receiptNone')}</Typography.Paragraph>}
      {receipts.map((r) => (
        <div key={r.attachmentId} style={{ marginBottom: 12 }}>
          <Space wrap>
            <Tag color={r.check === 'matched' ? 'success' : r.check === 'different' ? 'red' : 'orange'} data-receipt-check={r.check}>
              {receiptWords(r.check, s)}
            </Tag>
            <a href={`/api/applications/${entry.id}/attachments/${r.attachmentId}`} target="_blank" rel="noreferrer">
              {s('openFile')}
            </a>
            <span>{formatInZone(r.uploadedAt, entry.cycle.timeZone, lang, false)}</span>
          </Space>
          <Descriptions
            size="small"
            column={1}
            style={{ marginTop: 4 }}
            items={[
              { key: 'decoded', label: s('decoded'), children: <code style={{ wordBreak: 'break-all' }}>{r.decoded ?? '—'}</code> },
              {
                key: 'decodedHash',
                label: `${s('decoded')} · SHA-256`,
                children: <code style={{ wordBreak: 'break-all' }}>{r.decodedHash ?? '—'}</code>,
              },
              { key: 'sealed', label: s('sealedHash'), children: <code style={{ wordBreak: 'break-all' }}>{r.sealedHash ?? '—'}</code> },
            ]}
          />
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
        { title: s('kind'), dataIndex: 'kind', render: (k: string) => s(`kind_${k}` as StaffTextKey) },
        { title: 'MIME', dataIndex: 'contentType' },
        { title: 'KB', dataIndex: 'size', render: (n: number) => (n / 1024).toFixed(1) },
        { title: s('sha256'), dataIndex: 'sha256', render: (h: string) => <code title={h}>{h.slice(0, 16)}…</code> },
        { title: s('receiptCheck'), key: 'check', render: (_, a) => (a.kind === 'stamped_receipt' ? receiptWords(a.receiptCheck, s) : '') },
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
  form: SectionDescriptor[],
  path: string,
  v: unknown,
  label: (l: { zh: string; en: string }) => string,
  yes: string,
  no: string,
  kindWord: (kind: string) => string,
): string {
  if (v === undefined || v === null) return '—';
  const [section, ...rest] = path.split('.');
  const f = fieldAt(form.find((x) => x.key === section)?.fields ?? [], rest.join('.'));
  const option = (code: unknown) => {
    const o = f && 'options' in f ? f.options.find((x) => x.code === code) : undefined;
    return o ? label(o.label) : typeof code === 'object' ? JSON.stringify(code) : String(code);
  };
  // the snapshot's file list: each file by its kind and the start of its hash
  if (Array.isArray(v) && v.every((x) => x && typeof x === 'object' && 'kind' in x))
    return (v as Array<{ kind: string; sha256?: string }>)
      .map((x) => `${kindWord(x.kind)} ${x.sha256?.slice(0, 8) ?? ''}`.trim())
      .join('、');
  if (Array.isArray(v)) return v.map(option).join('、');
  if (typeof v === 'boolean') return v ? yes : no;
  return option(v);
}

function Snapshots({ entry, form }: { entry: Entry; form: SectionDescriptor[] }) {
  const { s, lang } = useStaffT();
  const { data, isLoading } = useQuery(screeningQuery(entry.id));
  const ordered = useMemo(() => [...(data?.snapshots ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt)), [data]);
  const [pair, setPair] = useState<{ a?: string; b?: string }>({});
  const [checked, setChecked] = useState<Record<string, Reply<'SnapshotVerifyResponse'> | string>>({});
  const a = pair.a ?? ordered[ordered.length - 2]?.id;
  const b = pair.b ?? ordered[ordered.length - 1]?.id;
  const zone = entry.cycle.timeZone;
  const name = (i: number) => `#${i + 1} · ${formatInZone(ordered[i].createdAt, zone, lang, false)}`;
  const verification = data?.verification;

  const verify = async (id: string) => {
    try {
      const r = await get<Reply<'SnapshotVerifyResponse'>>(`/api/snapshots/${id}/verify`);
      setChecked((v) => ({ ...v, [id]: r }));
    } catch (e) {
      setChecked((v) => ({ ...v, [id]: errorText(e) }));
    }
  };
  const result = (id: string) => {
    const r = checked[id] ?? (verification?.snapshotId === id ? verification : undefined);
    if (!r) return null;
    if (typeof r === 'string') return <Typography.Text type="danger">{r}</Typography.Text>;
    return (
      <Tag color={r.valid ? 'success' : 'red'} data-verified={String(r.valid)} style={{ whiteSpace: 'normal' }}>
        {r.valid ? s('hashValid') : s('hashInvalid')}
      </Tag>
    );
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Table
        rowKey="id"
        loading={isLoading}
        dataSource={ordered}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: s('notReady') }}
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
            render: (_, x) =>
              result(x.id) ?? (
                <Button size="small" onClick={() => void verify(x.id)} data-verify={x.id}>
                  {s('verify')}
                </Button>
              ),
          },
        ]}
      />
      <DossierCopies copies={data?.dossiers ?? []} />
      {ordered.length >= 2 && a && b && (
        <Card size="small" title={s('diffTitle')}>
          <Space wrap style={{ marginBottom: 12 }}>
            <Select
              aria-label={s('before')}
              id="diff-a"
              style={{ minWidth: 240 }}
              value={a}
              onChange={(v) => setPair((p) => ({ ...p, a: v }))}
              options={ordered.map((x, i) => ({ value: x.id, label: name(i) }))}
            />
            <span aria-hidden>→</span>
            <Select
              aria-label={s('after')}
              id="diff-b"
              style={{ minWidth: 240 }}
              value={b}
              onChange={(v) => setPair((p) => ({ ...p, b: v }))}
              options={ordered.map((x, i) => ({ value: x.id, label: name(i) }))}
            />
          </Space>
          <Diff entryId={entry.id} from={a} to={b} form={form} />
        </Card>
      )}
    </Space>
  );
}

/** The server's field-level differences, each named by the form's labels; values shown as the form shows them. */
function Diff({ entryId, from, to, form }: { entryId: string; from: string; to: string; form: SectionDescriptor[] }) {
  const { s, label } = useStaffT();
  const kind = (k: string) => s(`kind_${k}` as StaffTextKey);
  const diff = useQuery(diffQuery(entryId, from, to));
  if (diff.isError) return <Alert type="error" showIcon message={errorText(diff.error)} />;
  if (!diff.data) return <Skeleton active />;
  if (!diff.data.changes.length) return <Typography.Paragraph data-diff-empty>{s('noDiff')}</Typography.Paragraph>;
  return (
    <Table
      rowKey="path"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={diff.data.changes}
      columns={[
        {
          title: s('field'),
          key: 'f',
          render: (_, c) => <span data-diff-path={c.path}>{label(c.label)}</span>,
        },
        {
          title: s('before'),
          key: 'b',
          render: (_, c) => <del>{shownValue(form, c.path, c.before, label, s('yes'), s('no'), kind)}</del>,
        },
        {
          title: s('after'),
          key: 'a',
          render: (_, c) => <ins>{shownValue(form, c.path, c.after, label, s('yes'), s('no'), kind)}</ins>,
        },
      ]}
    />
  );
}

/** The dossier copies of the current snapshot (staff, applicant, judge blind and not), each a link once ready. */
function DossierCopies({ copies }: { copies: Reply<'DossierCopyResponse'>[] }) {
  const { s } = useStaffT();
  if (!copies.length) return null;
  const name = (c: Reply<'DossierCopyResponse'>) =>
    s('dossierCopy', {
      copy: `${c.variant === 'staff' ? s('copyStaff') : c.variant === 'applicant' ? s('copyApplicant') : s('copyJudge')}${c.variant === 'judge' ? (c.blind ? s('blind') : s('notBlind')) : ''}`,
    });
  return (
    <Card size="small" title={s('dossier')}>
      <Space wrap size="large">
        {copies.map((c) => (
          <span key={`${c.variant}-${c.blind}`} data-dossier={c.variant}>
            <a href={c.href} target="_blank" rel="noreferrer">
              {name(c)}
            </a>{' '}
            <Tag color={c.status === 'ready' ? 'success' : c.status === 'failed' ? 'red' : 'default'}>
              {s(`dossier_${c.status}` as StaffTextKey)}
            </Tag>
          </span>
        ))}
      </Space>
    </Card>
  );
}

function History({ entry }: { entry: Entry }) {
  const { data, isLoading } = useQuery(screeningQuery(entry.id));
  return <AuditTable rows={data?.audit ?? []} loading={isLoading} zone={entry.cycle.timeZone} />;
}
