/** Organisation members (invite colleagues by e-mail, pending invitations, revoke) and accepting an invitation. */
import { Alert, App as AntApp, Button, Card, Form, Input, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, call, get, post, type Body, type Reply } from '../api/client';
import { useT } from '../i18n';

type Organisation = Reply<'OrganisationWithMembersResponse'>;

type PendingInvitation = Reply<'PendingInvitationResponse'>;

/**
 * Members, and for the owner: invite by e-mail (the invitation is mailed; its link can also be
 * copied), the invitations still pending, and revoking one.
 */
export function MembersPage() {
  const { t, lang } = useT();
  const { message } = AntApp.useApp();
  const [org, setOrg] = useState<Organisation | null>(null);
  const [owner, setOwner] = useState(false);
  const [pending, setPending] = useState<PendingInvitation[]>([]);
  const [sent, setSent] = useState<{ email: string; link: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<Body<'InviteDto'>>();
  const load = () =>
    get<Reply<'MeResponse'>>('/api/auth/me').then(async (me) => {
      const first = me.organisations[0];
      if (!first) return;
      setOrg(await get<Organisation>(`/api/organisations/${first.id}`));
      setOwner(first.membershipRole === 'owner');
      if (first.membershipRole === 'owner') setPending(await get<PendingInvitation[]>(`/api/organisations/${first.id}/invitations`));
    });
  useEffect(() => void load(), []);

  const invite = async ({ email }: Body<'InviteDto'>) => {
    setError(null);
    try {
      const inv = await post<Reply<'InvitationResponse'>>(`/api/organisations/${org!.id}/invitations`, { email });
      setSent({ email: inv.email, link: `${location.origin}/invitations/${inv.token}` });
      form.resetFields();
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...(e.body.details ?? []).map((d) => d.message)].join(' ') : String(e));
    }
  };

  const revoke = async (inv: PendingInvitation) => {
    try {
      await call<void>('DELETE', `/api/organisations/${org!.id}/invitations/${inv.id}`);
      if (sent?.email === inv.email) setSent(null);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
    await load();
  };

  const when = (iso: string) => new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium' }).format(new Date(iso));

  if (!org) return null;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 720 }}>
      <Typography.Title level={2}>{org.name}</Typography.Title>
      <Card title={t('members')}>
        <List
          dataSource={org.members ?? []}
          renderItem={(m) => (
            <List.Item>
              <Space wrap>
                <span>{m.name}</span>
                <Typography.Text type="secondary">{m.email}</Typography.Text>
                <Tag>{m.role === 'owner' ? t('owner') : t('member')}</Tag>
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {owner && (
        <Card title={t('inviteByEmail')}>
          {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
          {sent && (
            <Alert
              id="invitation-sent"
              type="success"
              showIcon
              message={t('invitationSent', { email: sent.email })}
              description={
                <>
                  <div>{t('invitationLink')}</div>
                  <Typography.Text copyable={{ text: sent.link }} style={{ wordBreak: 'break-all' }}>
                    {sent.link}
                  </Typography.Text>
                </>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          <Form form={form} layout="inline" onFinish={invite} style={{ rowGap: 8 }}>
            <Form.Item label={t('email')} name="email" htmlFor="invite-email" rules={[{ required: true }]}>
              <Input id="invite-email" type="email" autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" id="invite-button">
              {t('invite')}
            </Button>
          </Form>
        </Card>
      )}
      {owner && (
        <Card title={t('invitationsPending')} id="pending-invitations">
          <List
            dataSource={pending}
            locale={{ emptyText: t('noPending') }}
            renderItem={(inv) => (
              <List.Item
                data-invitation={inv.email}
                actions={[
                  <Popconfirm
                    key="revoke"
                    title={t('revokeConfirm', { email: inv.email })}
                    okText={t('revoke')}
                    cancelText={t('cancel')}
                    onConfirm={() => revoke(inv)}
                  >
                    <Button size="small" danger aria-label={`${t('revoke')} ${inv.email}`}>
                      {t('revoke')}
                    </Button>
                  </Popconfirm>,
                ]}
              >
                <List.Item.Meta
                  title={inv.email}
                  description={`${t('invitedAt')} ${when(inv.createdAt)} · ${inv.invitedBy} · ${t('expiresAt')} ${when(inv.expiresAt)}`}
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </Space>
  );
}

export function AcceptInvitationPage({ signedIn, onJoined }: { signedIn: boolean; onJoined: () => void }) {
  const { t } = useT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const accept = async (values: Body<'AcceptInvitationDto'>) => {
    setError(null);
    try {
      await post(`/api/invitations/${encodeURIComponent(token)}/accept`, signedIn ? {} : values);
      onJoined();
      navigate('/');
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...(e.body.details ?? []).map((d) => d.message)].join(' ') : String(e));
    }
  };
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '48px 16px' }}>
      <Card title={t('acceptInvitation')} style={{ width: '100%', maxWidth: 420 }}>
        {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={accept}>
          {!signedIn && (
            <>
              <Form.Item label={t('name')} name="name" htmlFor="inv-name" rules={[{ required: true }]}>
                <Input id="inv-name" autoComplete="name" />
              </Form.Item>
              <Form.Item label={t('password')} name="password" htmlFor="inv-password" rules={[{ required: true }]}>
                <Input.Password id="inv-password" autoComplete="new-password" />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit" block>
            {t('acceptInvitation')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
