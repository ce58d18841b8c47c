/** Accounts (administrators only): search, change a role, disable or enable, sign out everywhere. */
import { Alert, App, Button, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { call, post, type Body, type Reply } from '../api/client';
import { queryClient } from '../api/queries';
import { errorText } from './errors';
import { usersQuery } from './queries';
import { useStaffT } from './texts';
import { useUrlFilters } from './url-filters';
import { formatInZone } from './zoned';

type User = Reply<'UserListItemResponse'>;
type Role = User['role'];
const ROLES: Role[] = ['applicant', 'judge', 'staff', 'admin'];

export function UsersPage() {
  const { s, lang, role } = useStaffT();
  const { modal, message } = App.useApp();
  const [params, set] = useUrlFilters();
  const q = (params.get('q') ?? '').trim();
  const roleFilter = params.get('role') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('size') ?? 50) || 50;
  const { data, isFetching } = useQuery(usersQuery({ q: q || undefined, role: roleFilter, page, pageSize }));
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ user: User; action: 'disable' | 'enable' } | null>(null);
  const [reason, setReason] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['staff', 'users'] });

  const changeRole = (u: User, to: Role) =>
    modal.confirm({
      title: s('changeRole'),
      content: s('confirmRole', { name: u.name, role: role(to) }),
      okText: s('save'),
      cancelText: s('cancel'),
      onOk: async () => {
        setError(null);
        try {
          const body: Body<'ChangeRoleDto'> = { role: to };
          await call('PATCH', `/api/users/${u.id}/role`, { body });
          message.success(s('roleChanged'));
        } catch (e) {
          setError(errorText(e));
        }
        refresh();
      },
    });

  /** Disable or enable (with a reason for the audit trail), or end every session. */
  const act = async (u: User, action: 'disable' | 'enable' | 'sign-out', why?: string) => {
    setError(null);
    try {
      if (action === 'sign-out') {
        const r = await post<Reply<'SignOutResponse'>>(`/api/users/${u.id}/sign-out`, {});
        message.success(`${s('signedOut')} (${r.sessionsEnded})`);
      } else {
        const body: Body<'UserStatusDto'> = why ? { reason: why } : {};
        await post<Reply<'UserStatusResponse'>>(`/api/users/${u.id}/${action}`, body);
        message.success(s('saved'));
      }
    } catch (e) {
      setError(errorText(e));
    }
    setAsking(null);
    setReason('');
    refresh();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {s('users')}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      <Space wrap>
        <Input.Search
          id="users-search"
          aria-label={s('search')}
          placeholder={`${s('name')} / ${s('email')}`}
          defaultValue={params.get('q') ?? ''}
          allowClear
          enterButton={s('search')}
          onSearch={(v) => set({ q: v.trim() })}
          maxLength={100}
          style={{ width: 320, maxWidth: '100%' }}
        />
        <Select
          aria-label={s('role')}
          allowClear
          placeholder={s('role')}
          style={{ minWidth: 160 }}
          value={roleFilter}
          onChange={(v?: string) => set({ role: v })}
          options={ROLES.map((r) => ({ value: r, label: role(r) }))}
        />
      </Space>
      <Table<User>
        rowKey="id"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize, total: data?.total ?? 0, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 200] }}
        onChange={(p) => set({ page: String(p.current ?? 1), size: String(p.pageSize ?? 50) }, true)}
        columns={[
          { title: s('name'), dataIndex: 'name' },
          { title: s('email'), dataIndex: 'email' },
          {
            title: s('role'),
            dataIndex: 'role',
            render: (r: Role, u) => (
              <Select
                aria-label={`${s('changeRole')} ${u.name}`}
                size="small"
                style={{ minWidth: 150 }}
                value={r}
                onChange={(to: Role) => changeRole(u, to)}
                options={ROLES.map((x) => ({ value: x, label: role(x) }))}
              />
            ),
          },
          {
            title: s('state'),
            dataIndex: 'disabled',
            render: (d: boolean) => <Tag color={d ? 'red' : 'success'}>{d ? s('disabled') : s('active')}</Tag>,
          },
          { title: s('sessions'), dataIndex: 'activeSessions', align: 'right' },
          {
            title: s('lastSignIn'),
            dataIndex: 'lastSignInAt',
            render: (v: string | null) => (v ? formatInZone(v, 'Asia/Shanghai', lang, false) : '—'),
          },
          { title: s('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatInZone(v, 'Asia/Shanghai', lang, false) },
          {
            title: '',
            key: 'actions',
            render: (_, u) => (
              <Space size="small">
                <Button size="small" danger={!u.disabled} onClick={() => setAsking({ user: u, action: u.disabled ? 'enable' : 'disable' })}>
                  {u.disabled ? s('enable') : s('disable')}
                </Button>
                <Button size="small" disabled={!u.activeSessions} onClick={() => void act(u, 'sign-out')}>
                  {s('signOut')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={!!asking}
        title={asking ? `${s(asking.action)} · ${asking.user.name}` : ''}
        okText={asking ? s(asking.action) : ''}
        cancelText={s('cancel')}
        okButtonProps={{ danger: asking?.action === 'disable', id: 'user-status-ok' }}
        onCancel={() => setAsking(null)}
        onOk={() => asking && void act(asking.user, asking.action, reason.trim() || undefined)}
      >
        <label htmlFor="user-status-reason">{s('reason')}</label>
        <Input.TextArea id="user-status-reason" rows={3} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}
