/** Organisation members (invite colleagues) and accepting an invitation. */
import { Alert, Button, Card, Form, Input, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError, get, post, type Body, type Reply } from '../api/client';
import { useT } from '../i18n';

type Organisation = Reply<'OrganisationWithMembersResponse'>;

export function MembersPage() {
  const { t } = useT();
  const [org, setOrg] = useState<Organisation | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    get<Reply<'MeResponse'>>('/api/auth/me').then(async (me) => {
      const first = me.organisations[0];
      if (first) setOrg(await get<Organisation>(`/api/organisations/${first.id}`));
    });
  useEffect(() => void load(), []);

  const invite = async ({ email }: Body<'InviteDto'>) => {
    setError(null);
    try {
      const inv = await post<Reply<'InvitationResponse'>>(`/api/organisations/${org!.id}/invitations`, { email });
      setLink(`${location.origin}/invitations/${inv.token}`);
      await load();
    } catch (e) {
      setError(e instanceof ApiError ? [e.message, ...(e.body.details ?? []).map((d) => d.message)].join(' ') : String(e));
    }
  };

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
      <Card title={t('invite')}>
        {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
        {link && (
          <Alert
            type="success"
            message={t('invitationLink')}
            description={<Typography.Text copyable>{link}</Typography.Text>}
            style={{ marginBottom: 12 }}
          />
        )}
        <Form layout="inline" onFinish={invite}>
          <Form.Item label={t('email')} name="email" htmlFor="invite-email" rules={[{ required: true }]}>
            <Input id="invite-email" type="email" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('invite')}
          </Button>
        </Form>
      </Card>
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
