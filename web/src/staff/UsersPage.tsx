/** Accounts (administrators only): search, change a role, disable or enable, sign out everywhere. */
import { Alert, App, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { call, type Body, type Reply } from '../api/client';
import { queryClient } from '../api/queries';
import { errorText } from './errors';
import { usersQuery } from './queries';
import { useStaffT } from './texts';
import { formatInZone } from './zoned';

type User = Reply<'UserListItemResponse'>;
type Role = User['role'];
const ROLES: Role[] = ['applicant', 'judge', 'staff', 'admin'];

export function UsersPage() {
  const { s, lang, role } = useStaffT();
  const { modal, message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const { data = [], isLoading } = useQuery(usersQuery);
  const [error, setError] = useState<string | null>(null);
  const q = (params.get('q') ?? '').trim().toLowerCase();
  const roleFilter = params.get('role') ?? undefined;
  const rows = useMemo(
    () =>
      data.filter(
        (u) => (!q || u.name.toLowerCase().includes(q) || u.email.toLowerCase().includes(q)) && (!roleFilter || u.role === roleFilter),
      ),
    [data, q, roleFilter],
  );
  const set = (k: string, v?: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
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
          onSearch={(v) => set('q', v.trim())}
          style={{ width: 320, maxWidth: '100%' }}
        />
        <Select
          aria-label={s('role')}
          allowClear
          placeholder={s('role')}
          style={{ minWidth: 160 }}
          value={roleFilter}
          onChange={(v?: string) => set('role', v)}
          options={ROLES.map((r) => ({ value: r, label: role(r) }))}
        />
      </Space>
      <Table<User>
        rowKey="id"
        loading={isLoading}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
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
          { title: s('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatInZone(v, 'Asia/Shanghai', lang, false) },
        ]}
      />
    </Space>
  );
}
