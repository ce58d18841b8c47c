/**
 * Judges: invite one by e-mail and name (the link is shown with a copy button; it is mailed too),
 * the judge accounts with their profiles, and the invitations not yet accepted. Sending again is a
 * new invitation of the same address.
 */
import { Alert, App, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { post, type Body, type Reply } from '../api/client';
import { formQuery, queryClient } from '../api/queries';
import type { FieldNode } from '../form/descriptor';
import { showAtFields } from './errors';
import { judgesQuery } from './queries';
import { useStaffT } from './texts';

type Judge = Reply<'JudgeListItemResponse'>;
type Pending = Reply<'PendingJudgeInvitationResponse'>;

/** The industry labels of basics.center.industry, by code (from the form descriptor). */
export function useIndustryLabels(): (code: string) => string {
  const { label } = useStaffT();
  const form = useQuery(formQuery);
  const find = (nodes: FieldNode[], path: string[]): FieldNode | undefined => {
    const n = nodes.find((f) => f.key === path[0]);
    if (!n || path.length === 1) return n;
    return 'fields' in n ? find(n.fields, path.slice(1)) : undefined;
  };
  const basics = form.data?.find((x) => x.key === 'basics');
  const field = basics && find(basics.fields, ['center', 'industry']);
  const options = field && 'options' in field ? field.options : [];
  return (code) => {
    const o = options.find((x) => x.code === code);
    return o ? label(o.label) : code;
  };
}

export function JudgesPage() {
  const { s, lang } = useStaffT();
  const { data, isLoading } = useQuery(judgesQuery);
  const industry = useIndustryLabels();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {s('judges')}
      </Typography.Title>
      <InviteCard />
      <section aria-labelledby="pending-title">
        <Typography.Title level={3} id="pending-title" style={{ fontSize: 18 }}>
          {s('pendingInvitations')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{s('resendHint')}</Typography.Paragraph>
        <Table<Pending>
          rowKey="id"
          id="pending-invitations"
          loading={isLoading}
          dataSource={data?.invitations ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: s('noPending') }}
          columns={[
            { title: s('name'), dataIndex: 'name' },
            { title: s('email'), dataIndex: 'email' },
            { title: s('invitedAt'), dataIndex: 'createdAt', render: (v: string) => when(v) },
            { title: s('expiresAt'), dataIndex: 'expiresAt', render: (v: string) => when(v) },
          ]}
        />
      </section>
      <section aria-labelledby="judges-title">
        <Typography.Title level={3} id="judges-title" style={{ fontSize: 18 }}>
          {s('judgeAccounts')}
        </Typography.Title>
        <Table<Judge>
          rowKey="userId"
          id="judge-accounts"
          loading={isLoading}
          dataSource={data?.judges ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: s('noJudges') }}
          columns={[
            {
              title: s('name'),
              dataIndex: 'name',
              render: (name: string, j) => (
                <Space size={4} wrap>
                  <span data-judge={j.userId}>{name}</span>
                  {j.disabled && <Tag>{s('disabled')}</Tag>}
                </Space>
              ),
            },
            { title: s('email'), dataIndex: 'email' },
            {
              title: s('industries'),
              dataIndex: 'industries',
              render: (codes: string[]) => (codes.length ? codes.map((c) => <Tag key={c}>{industry(c)}</Tag>) : '—'),
            },
            { title: s('employer'), dataIndex: 'employer', render: (v: string | null) => v ?? '—' },
            { title: s('groupName'), dataIndex: 'group', render: (v: string | null) => v ?? '—' },
            { title: s('capacity'), dataIndex: 'capacity', render: (v: number | null) => (v === null ? s('noLimit') : v) },
          ]}
        />
      </section>
    </Space>
  );
}

function InviteCard() {
  const { s } = useStaffT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Body<'InviteJudgeDto'>>();
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<Reply<'JudgeInvitationResponse'> | null>(null);
  const [busy, setBusy] = useState(false);
  const invite = async (v: Body<'InviteJudgeDto'>) => {
    setBusy(true);
    setError(null);
    try {
      const inv = await post<Reply<'JudgeInvitationResponse'>>('/api/judges/invitations', v satisfies Body<'InviteJudgeDto'>);
      setLink(inv);
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['staff', 'judges'] });
    } catch (e) {
      setError(showAtFields(form, e));
    } finally {
      setBusy(false);
    }
  };
  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.inviteUrl);
      message.success(s('copied'));
    } catch {
      const input = document.getElementById('invite-link') as HTMLInputElement | null;
      input?.select();
      message.info(s('copyFailed'));
    }
  };
  return (
    <Card size="small" title={<h3 style={{ margin: 0, fontSize: 16 }}>{s('inviteJudge')}</h3>} style={{ maxWidth: 760 }}>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void invite(v)}>
        <Space wrap align="start">
          <Form.Item
            name="email"
            label={s('email')}
            htmlFor="invite-email"
            rules={[{ required: true, type: 'email', message: s('required') }]}
          >
            <Input id="invite-email" type="email" autoComplete="off" maxLength={200} style={{ width: 280, maxWidth: '100%' }} />
          </Form.Item>
          <Form.Item
            name="name"
            label={s('name')}
            htmlFor="invite-name"
            rules={[{ required: true, whitespace: true, message: s('required') }]}
          >
            <Input id="invite-name" maxLength={100} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <div>
          <Button type="primary" htmlType="submit" loading={busy} id="invite-send">
            {s('invite')}
          </Button>
        </div>
      </Form>
      {link && (
        <div style={{ marginTop: 16 }} id="invite-result">
          <label htmlFor="invite-link" style={{ display: 'block', marginBottom: 4 }}>
            {s('invitationFor', { email: link.email })}
          </label>
          <Space.Compact style={{ width: '100%' }}>
            <Input id="invite-link" readOnly value={link.inviteUrl} onFocus={(e) => e.target.select()} />
            <Button id="invite-copy" onClick={() => void copy()}>
              {s('copyLink')}
            </Button>
          </Space.Compact>
          <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
            {s('invitationLink')}
          </Typography.Paragraph>
        </div>
      )}
    </Card>
  );
}
