/** Applicant organisations: the list, and one organisation with its members and entries; staff verify or revoke a member unit. */
import { Alert, App, Button, Card, Descriptions, Input, Modal, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { ApiError, call, type Body, type Reply } from '../api/client';
import { queryClient } from '../api/queries';
import { NotFound } from '../shell/NotFound';
import { errorText } from './errors';
import { organisationQuery, organisationsQuery } from './queries';
import { useStaffT } from './texts';
import { useUrlFilters } from './url-filters';
import { formatInZone } from './zoned';

type Organisation = Reply<'OrganisationListItemResponse'>;

export function OrganisationsPage() {
  const { s, lang } = useStaffT();
  const [params, set] = useUrlFilters();
  const member = params.get('member');
  const q = (params.get('q') ?? '').trim();
  const { data: rows = [], isLoading } = useQuery(
    organisationsQuery({ memberUnit: member === 'yes' ? true : member === 'no' ? false : undefined, q: q || undefined }),
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {s('organisations')}
      </Typography.Title>
      <Space wrap>
        <Input.Search
          aria-label={s('search')}
          id="org-search"
          placeholder={`${s('company')} / ${s('uscc')} / ${s('parentGroup')}`}
          maxLength={100}
          defaultValue={params.get('q') ?? ''}
          allowClear
          onSearch={(v) => set({ q: v.trim() })}
          enterButton={s('search')}
          style={{ width: 320, maxWidth: '100%' }}
        />
        <Select
          aria-label={s('memberUnit')}
          allowClear
          placeholder={s('memberUnit')}
          style={{ minWidth: 160 }}
          value={member ?? undefined}
          onChange={(v?: string) => set({ member: v })}
          options={[
            { value: 'yes', label: `${s('memberUnit')}：${s('yes')}` },
            { value: 'no', label: `${s('memberUnit')}：${s('no')}` },
          ]}
        />
      </Space>
      <Table<Organisation>
        rowKey="id"
        loading={isLoading}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: s('company'), dataIndex: 'name', render: (n: string, o) => <Link to={`/staff/organisations/${o.id}`}>{n}</Link> },
          { title: s('uscc'), dataIndex: 'uscc', render: (v: string | null) => v ?? '—' },
          { title: s('parentGroup'), dataIndex: 'parentGroup', render: (v: string | null) => v ?? '—' },
          {
            title: s('memberUnit'),
            dataIndex: 'memberUnit',
            render: (m: boolean) => <Tag color={m ? 'gold' : 'default'}>{m ? s('memberVerified') : s('memberNot')}</Tag>,
          },
          { title: s('entries'), dataIndex: 'entryCount', align: 'right' },
          { title: s('createdAt'), dataIndex: 'createdAt', render: (v: string) => formatInZone(v, 'Asia/Shanghai', lang, false) },
        ]}
      />
    </Space>
  );
}

export function OrganisationPage() {
  const { id = '' } = useParams();
  const { s, t, lang, state } = useStaffT();
  const { message } = App.useApp();
  const org = useQuery(organisationQuery(id));
  const [asking, setAsking] = useState<boolean | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (org.isError && org.error instanceof ApiError && org.error.status === 404) return <NotFound />;
  if (!org.data) return <Skeleton active />;
  const o = org.data;

  const setMember = async (memberUnit: boolean) => {
    setError(null);
    try {
      const body: Body<'MemberUnitDto'> = { memberUnit, reason: reason.trim() };
      await call('PATCH', `/api/organisations/${o.id}/member-unit`, { body });
      message.success(s('saved'));
      setAsking(null);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['staff', 'organisation', o.id] });
      void queryClient.invalidateQueries({ queryKey: ['staff', 'organisations'] });
    } catch (e) {
      setError(errorText(e));
      setAsking(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {o.name}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={error} role="alert" />}
      <Card size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'uscc', label: s('uscc'), children: o.uscc ?? '—' },
            { key: 'parent', label: s('parentGroup'), children: o.parentGroup ?? '—' },
            {
              key: 'member',
              label: s('memberUnit'),
              children: (
                <Tag color={o.memberUnit ? 'gold' : 'default'} data-member-unit={String(o.memberUnit)}>
                  {o.memberUnit ? s('memberVerified') : s('memberNot')}
                </Tag>
              ),
            },
            { key: 'created', label: s('createdAt'), children: formatInZone(o.createdAt, 'Asia/Shanghai', lang) },
          ]}
        />
        <Button style={{ marginTop: 8 }} onClick={() => setAsking(!o.memberUnit)} id="member-toggle" danger={o.memberUnit}>
          {o.memberUnit ? s('revokeMember') : s('verifyMember')}
        </Button>
      </Card>
      <Card size="small" title={s('members')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={o.members}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: s('name'), dataIndex: 'name' },
            { title: s('email'), dataIndex: 'email' },
            { title: s('role'), dataIndex: 'role', render: (r: string) => (r === 'owner' ? s('owner') : s('member')) },
          ]}
        />
      </Card>
      <Card size="small" title={s('entries')}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={o.entries}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: s('entryCode'), dataIndex: 'entryCode', render: (c: string, e) => <Link to={`/staff/entries/${e.id}`}>{c}</Link> },
            { title: t('cycle'), dataIndex: 'cycleName' },
            { title: t('category'), key: 'category', render: (_, e) => (lang === 'zh' ? e.categoryNameZh : e.categoryNameEn) },
            { title: s('state'), dataIndex: 'state', render: (st: string) => <Tag color="geekblue">{state(st)}</Tag> },
          ]}
        />
      </Card>
      <Modal
        open={asking !== null}
        title={asking ? s('verifyMember') : s('revokeMember')}
        okText={asking ? s('verifyMember') : s('revokeMember')}
        cancelText={s('cancel')}
        okButtonProps={{ disabled: !reason.trim(), id: 'member-ok' }}
        onCancel={() => setAsking(null)}
        onOk={() => asking !== null && void setMember(asking)}
      >
        <label htmlFor="member-reason">{s('reason')}</label>
        <Input.TextArea id="member-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}
