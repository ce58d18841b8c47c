/** The audit log: filters (actor, action, entry, time range in the cycle's zone) kept in the URL, and the CSV of the same rows. */
import { Button, DatePicker, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { auditQuery, cyclesQuery, entriesQuery, queryString, type AuditEntry } from './queries';
import { useStaffT } from './texts';
import { useUrlFilters } from './url-filters';
import { formatInZone, isoToWall, wallToIso, zoneName } from './zoned';

/** A row of the log: the full audit entry, or the entry page's trail (no actor id, e-mail or object). */
type AuditRow = Pick<AuditEntry, 'id' | 'at' | 'action' | 'actorName' | 'actorRole' | 'fromState' | 'toState' | 'details'> &
  Partial<AuditEntry>;

export function AuditTable({ rows, loading, zone }: { rows: AuditRow[]; loading: boolean; zone: string }) {
  const { s, lang, state, role } = useStaffT();
  return (
    <Table<AuditRow>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      columns={[
        { title: s('time'), dataIndex: 'at', render: (v: string) => <time dateTime={v}>{formatInZone(v, zone, lang, false)}</time> },
        {
          title: s('actor'),
          key: 'actor',
          render: (_, r) => (r.actorName ? `${r.actorName}${r.actorRole ? `（${role(r.actorRole)}）` : ''}` : '—'),
        },
        { title: s('action'), dataIndex: 'action', render: (a: string) => <Tag data-action={a}>{a}</Tag> },
        {
          title: s('transition'),
          key: 'states',
          render: (_, r) =>
            r.fromState || r.toState ? `${r.fromState ? state(r.fromState) : '—'} → ${r.toState ? state(r.toState) : '—'}` : '',
        },
        {
          title: s('entity'),
          key: 'entity',
          render: (_, r) => (r.applicationId ? <Link to={`/staff/entries/${r.applicationId}`}>{r.entity}</Link> : r.entity),
        },
        {
          title: s('details'),
          dataIndex: 'details',
          render: (d: AuditEntry['details']) =>
            d ? (
              <code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', display: 'block', maxWidth: 420 }}>{JSON.stringify(d)}</code>
            ) : (
              ''
            ),
        },
      ]}
    />
  );
}

export function AuditPage() {
  const { s, t, lang } = useStaffT();
  const [params, set] = useUrlFilters();
  const { data: cycles = [] } = useQuery(cyclesQuery);
  const cycleId = params.get('cycle') ?? cycles[0]?.id;
  const zone = cycles.find((c) => c.id === cycleId)?.timeZone ?? 'Asia/Shanghai';
  const filters = {
    actorId: params.get('actor') ?? undefined,
    action: params.get('action') ?? undefined,
    applicationId: params.get('entry') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const { data: rows = [], isLoading } = useQuery(auditQuery(filters));
  const { data: entries } = useQuery({
    ...entriesQuery(cycleId ?? '', { sort: 'entryCode', order: 'asc', pageSize: 200 }),
    enabled: !!cycleId,
  });
  // who and what appear in the log so far (the unfiltered answer is cached by the query key)
  const { data: everything = [] } = useQuery(auditQuery({}));
  const actors = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of everything) if (r.actorId) m.set(r.actorId, `${r.actorName ?? ''} <${r.actorEmail ?? ''}>`);
    return [...m].map(([value, label]) => ({ value, label }));
  }, [everything]);
  const actions = useMemo(() => [...new Set(everything.map((r) => r.action))].sort().map((a) => ({ value: a, label: a })), [everything]);

  const range: [Dayjs | null, Dayjs | null] = [
    filters.from ? dayjs(isoToWall(filters.from, zone)) : null,
    filters.to ? dayjs(isoToWall(filters.to, zone)) : null,
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {s('audit')}
      </Typography.Title>
      <Space wrap>
        <Select
          aria-label={t('cycle')}
          style={{ minWidth: 220 }}
          value={cycleId}
          onChange={(v) => set({ cycle: v })}
          options={cycles.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          aria-label={s('actor')}
          id="audit-actor"
          placeholder={s('actor')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 220 }}
          value={filters.actorId}
          onChange={(v?: string) => set({ actor: v })}
          options={actors}
        />
        <Select
          aria-label={s('action')}
          id="audit-action"
          placeholder={s('action')}
          allowClear
          showSearch
          style={{ minWidth: 180 }}
          value={filters.action}
          onChange={(v?: string) => set({ action: v })}
          options={actions}
        />
        <Select
          aria-label={s('entry')}
          id="audit-entry"
          placeholder={s('entryCode')}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ minWidth: 240 }}
          value={filters.applicationId}
          onChange={(v?: string) => set({ entry: v })}
          options={(entries?.items ?? []).map((e) => ({ value: e.id, label: `${e.entryCode} · ${e.company}` }))}
        />
        <Space direction="vertical" size={0}>
          <DatePicker.RangePicker
            id="audit-range"
            aria-label={s('timeRange')}
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={range}
            placeholder={[s('from'), s('to')]}
            onChange={(v) =>
              set({
                from: v?.[0] ? wallToIso(v[0].format('YYYY-MM-DDTHH:mm'), zone) : undefined,
                to: v?.[1] ? wallToIso(v[1].format('YYYY-MM-DDTHH:mm'), zone) : undefined,
              })
            }
          />
          <Typography.Text type="secondary">{s('inZone', { zone: zoneName(zone, lang) })}</Typography.Text>
        </Space>
        <a href={`/api/audit/export.csv${queryString(filters)}`} download>
          <Button tabIndex={-1} id="audit-csv">
            {s('exportCsv')}
          </Button>
        </a>
      </Space>
      <AuditTable rows={rows} loading={isLoading} zone={zone} />
    </Space>
  );
}
