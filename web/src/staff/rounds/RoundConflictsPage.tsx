/**
 * /staff/rounds/:id/conflicts — the conflicts of interest between the round's panel and the
 * cycle's entrants: declared by the judge or inferred by the server, with judge, organisation,
 * kind, reason and whether staff dismissed it. An inferred one is dismissed with a reason (a modal;
 * the reason is required and audited); the matrix and the solver then treat the pair as free.
 */
import { Alert, App, Button, Card, Form, Grid, Input, Modal, Table, Tag, Typography, type TableProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { post, type Body, type Reply } from '../../api/client';
import { errorText, showAtFields } from '../errors';
import { invalidateRoundAssignments, roundConflictsQuery, type RoundConflict, type RoundHead } from '../queries';
import { useStaffT, type StaffTextKey } from '../texts';
import { Pill, RoundFrame } from './RoundTabs';

export function RoundConflictsPage() {
  return <RoundFrame active="conflicts">{(round) => <Conflicts round={round} />}</RoundFrame>;
}

/** The server words a reason in both languages ("中文 / English"): the page's half. */
export function reasonIn(reason: string, lang: 'zh' | 'en'): string {
  const at = reason.indexOf(' / ');
  if (at < 0) return reason;
  return lang === 'zh' ? reason.slice(0, at) : reason.slice(at + 3);
}

function Conflicts({ round }: { round: RoundHead }) {
  const { s, lang } = useStaffT();
  const screens = Grid.useBreakpoint();
  const list = useQuery(roundConflictsQuery(round.id));
  const [dismissing, setDismissing] = useState<RoundConflict | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const columns: TableProps<RoundConflict>['columns'] = [
    { title: s('cfJudge'), dataIndex: 'judgeName', key: 'judge' },
    {
      title: s('cfOrganisation'),
      key: 'organisation',
      render: (_, c) => <Link to={`/staff/organisations/${c.organisationId}`}>{c.organisationName}</Link>,
    },
    {
      title: s('cfSource'),
      key: 'source',
      render: (_, c) => (
        <Pill tone={c.source === 'declared' ? 'accent' : 'info'} data-source={c.source}>
          {s(`cfSource_${c.source}` as StaffTextKey)}
        </Pill>
      ),
    },
    { title: s('cfKind'), key: 'kind', render: (_, c) => s(`cfKind_${c.kind}` as StaffTextKey) },
    {
      title: s('cfReason'),
      key: 'reason',
      render: (_, c) => (
        <div style={{ maxWidth: 360 }}>
          {reasonIn(c.reason, lang)}
          {c.note && (
            <div style={{ color: 'rgba(0, 0, 0, 0.65)' }}>
              {s('cfNote')}：{c.note}
            </div>
          )}
        </div>
      ),
    },
    {
      title: s('cfStatus'),
      key: 'status',
      render: (_, c) =>
        c.dismissed ? (
          <div data-dismissed={c.id}>
            <Tag>{s('cfDismissed')}</Tag>
            {c.dismissReason && <div style={{ maxWidth: 280 }}>{c.dismissReason}</div>}
          </div>
        ) : (
          <Pill tone="bad">{s('cfStanding')}</Pill>
        ),
    },
    {
      title: s('action'),
      key: 'action',
      render: (_, c) =>
        c.source === 'inferred' && !c.dismissed ? (
          <Button
            size="small"
            onClick={() => setDismissing(c)}
            data-dismiss={c.id}
            aria-label={`${s('cfDismiss')} ${c.judgeName} · ${c.organisationName}`}
          >
            {s('cfDismiss')}
          </Button>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      {done && <Alert type="success" showIcon message={done} role="status" id="conflict-dismissed" />}
      {list.isError && <Alert type="error" showIcon message={errorText(list.error)} />}
      {!screens.md && list.data ? (
        <ConflictCards list={list.data} columns={columns} />
      ) : (
        <Table<RoundConflict>
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: s('cfNone') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          rowClassName={(c) => (c.dismissed ? 'conflict-dismissed' : '')}
        />
      )}
      {dismissing && (
        <DismissDialog
          conflict={dismissing}
          onClose={(ok) => {
            setDismissing(null);
            if (ok) setDone(s('cfDismissedDone'));
            invalidateRoundAssignments(round.id);
          }}
        />
      )}
    </>
  );
}

/** On a phone: one card per conflict, the table's columns as label and value. */
function ConflictCards({ list, columns }: { list: RoundConflict[]; columns: NonNullable<TableProps<RoundConflict>['columns']> }) {
  const { s } = useStaffT();
  if (!list.length) return <Typography.Paragraph>{s('cfNone')}</Typography.Paragraph>;
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}>
      {list.map((c, i) => (
        <li key={c.id}>
          <Card size="small">
            <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px' }}>
              {columns.map((col) => {
                const render = 'render' in col && col.render ? col.render : undefined;
                const value = render ? render(undefined, c, i) : c[(col as { dataIndex?: keyof RoundConflict }).dataIndex!];
                return (
                  <div key={String(col.key)} style={{ display: 'contents' }}>
                    <dt style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{col.title as string}</dt>
                    <dd style={{ margin: 0, minWidth: 0 }}>{value as ReactNode}</dd>
                  </div>
                );
              })}
            </dl>
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** The reason is required (the server says so too, at the field); the dismissal is audited. */
function DismissDialog({ conflict, onClose }: { conflict: RoundConflict; onClose: (dismissed: boolean) => void }) {
  const { s } = useStaffT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (v: { reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      const body: Body<'DismissConflictDto'> = { reason: v.reason.trim() };
      await post<Reply<'DismissedResponse'>>(`/api/conflicts/${conflict.id}/dismiss`, body);
      message.success(s('cfDismissedDone'));
      onClose(true);
    } catch (e) {
      setError(showAtFields(form, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={s('cfDismissTitle')}
      onCancel={() => onClose(false)}
      okText={s('cfDismiss')}
      cancelText={s('cancel')}
      okButtonProps={{ id: 'dismiss-ok', loading: busy }}
      onOk={() => form.submit()}
    >
      <p>{s('cfDismissHelp', { judge: conflict.judgeName, org: conflict.organisationName })}</p>
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <Form.Item
          name="reason"
          label={s('cfDismissReason')}
          htmlFor="dismiss-reason"
          rules={[{ required: true, whitespace: true, message: s('reasonRequired') }]}
        >
          <Input.TextArea id="dismiss-reason" rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
