/**
 * Every entry of a cycle for screening: a table paginated, sorted and filtered by the server (state,
 * category, industry, member unit, receipt check, search by code/company/credit code), the filters
 * kept in the URL so a link reopens the same view; bulk accept/return/reject with a confirmation
 * that lists the entries and then each entry's result; XLSX/CSV export of the same selection.
 */
import { Alert, Button, Input, Modal, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { post, type Body, type Reply } from '../api/client';
import { formQuery } from '../api/queries';
import { fieldAt } from '../form/labels';
import { STATE_LABELS } from '../i18n';
import { errorText } from './errors';
import { cyclesQuery, entriesQuery, invalidateEntry, queryString, type EntriesParams, type EntryRow } from './queries';
import { useStaffT } from './texts';
import { useUrlFilters } from './url-filters';
import { formatInZone } from './zoned';

type Action = 'accept' | 'return' | 'reject';
const SORTABLE = ['entryCode', 'company', 'category', 'state', 'completeness', 'updatedAt'] as const;
const RECEIPTS = ['pending', 'matched', 'different', 'unreadable', 'none'] as const;

/** The view as the URL holds it (so that a link, a reload or the back button shows the same entries). */
function useView() {
  const [params, set] = useUrlFilters();
  const view = {
    cycleId: params.get('cycle') ?? undefined,
    state: params.get('state') ?? undefined,
    category: params.get('category') ?? undefined,
    industry: params.get('industry') ?? undefined,
    memberUnit: params.get('member') ?? undefined,
    receipt: params.get('receipt') ?? undefined,
    q: params.get('q') ?? '',
    page: Number(params.get('page') ?? 1) || 1,
    size: Number(params.get('size') ?? 20) || 20,
    sort: (SORTABLE as readonly string[]).includes(params.get('sort') ?? '') ? params.get('sort')! : undefined,
    order: params.get('order') === 'asc' ? ('asc' as const) : params.get('order') === 'desc' ? ('desc' as const) : undefined,
  };
  return { view, set };
}

export function receiptWords(check: string | null | undefined, s: ReturnType<typeof useStaffT>['s']): string {
  return check === 'matched'
    ? s('receiptMatched')
    : check === 'different'
      ? s('receiptDifferent')
      : check === 'unreadable'
        ? s('receiptUnreadable')
        : check === 'pending'
          ? s('receiptPending')
          : s('receiptNone');
}

export function EntriesPage() {
  const { s, t, lang, label, state } = useStaffT();
  const { view, set } = useView();
  const { data: cycles = [] } = useQuery(cyclesQuery);
  const { data: form } = useQuery(formQuery);
  const cycleId = view.cycleId ?? cycles[0]?.id;
  const cycle = cycles.find((c) => c.id === cycleId);
  const memberUnit = view.memberUnit === 'yes' ? true : view.memberUnit === 'no' ? false : undefined;
  const filters: EntriesParams = {
    state: view.state,
    categoryId: view.category,
    industry: view.industry,
    memberUnit,
    receiptCheck: view.receipt,
    q: view.q || undefined,
    sort: view.sort,
    order: view.order,
  };
  const list = useQuery({ ...entriesQuery(cycleId ?? '', { ...filters, page: view.page, pageSize: view.size }), enabled: !!cycleId });
  const [search, setSearch] = useState(view.q);
  const [selected, setSelected] = useState<EntryRow[]>([]);
  const [bulk, setBulk] = useState<Action | null>(null);

  const industryField = form ? fieldAt(form.find((x) => x.key === 'basics')?.fields ?? [], 'center.industry') : undefined;
  const industries = industryField && 'options' in industryField ? industryField.options : [];
  const sortOrder = (key: string) => (view.sort === key ? (view.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null);
  const zone = cycle?.timeZone ?? 'Asia/Shanghai';

  const columns: TableProps<EntryRow>['columns'] = [
    {
      title: s('entryCode'),
      dataIndex: 'entryCode',
      key: 'entryCode',
      sorter: true,
      sortOrder: sortOrder('entryCode'),
      render: (code: string, e) => (
        <Link to={`/staff/entries/${e.id}`} className="entry-code">
          {code}
        </Link>
      ),
    },
    {
      title: s('company'),
      key: 'company',
      sorter: true,
      sortOrder: sortOrder('company'),
      render: (_, e) => (
        <Space size={4} wrap>
          <Link to={`/staff/organisations/${e.organisation.id}`}>{e.company}</Link>
          {e.memberUnit && <Tag color="gold">{s('memberUnit')}</Tag>}
        </Space>
      ),
    },
    { title: s('uscc'), key: 'uscc', render: (_, e) => e.organisation.uscc ?? '—' },
    {
      title: t('category'),
      key: 'category',
      sorter: true,
      sortOrder: sortOrder('category'),
      render: (_, e) => (lang === 'zh' ? e.category.nameZh : e.category.nameEn),
    },
    { title: s('industry'), key: 'industry', render: (_, e) => (e.industryLabel ? label(e.industryLabel) : '—') },
    {
      title: s('state'),
      dataIndex: 'state',
      key: 'state',
      sorter: true,
      sortOrder: sortOrder('state'),
      render: (st: string) => (
        <Tag color="geekblue" data-state={st}>
          {state(st)}
        </Tag>
      ),
    },
    {
      title: t('completeness'),
      dataIndex: 'completeness',
      key: 'completeness',
      sorter: true,
      sortOrder: sortOrder('completeness'),
      render: (n: number) => `${n}%`,
    },
    {
      title: s('receiptCheck'),
      dataIndex: 'receiptCheck',
      key: 'receipt',
      render: (c: EntryRow['receiptCheck']) => (
        <Tag color={c === 'matched' ? 'success' : c === 'different' ? 'red' : c ? 'orange' : 'default'}>{receiptWords(c, s)}</Tag>
      ),
    },
    {
      title: s('deadline'),
      key: 'deadline',
      render: (_, e) => (
        <span>
          {formatInZone(e.deadline, zone, lang, false)}
          {e.extended && <Tag style={{ marginInlineStart: 4 }}>{s('extension')}</Tag>}
        </span>
      ),
    },
    {
      title: s('updated'),
      dataIndex: 'lastChange',
      key: 'updatedAt',
      sorter: true,
      sortOrder: sortOrder('updatedAt'),
      render: (v: string) => formatInZone(v, zone, lang, false),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {s('entries')}
      </Typography.Title>
      <Space wrap>
        <Select
          aria-label={t('cycle')}
          id="entries-cycle"
          style={{ minWidth: 240 }}
          value={cycleId}
          onChange={(v) => set({ cycle: v, category: undefined })}
          options={cycles.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          aria-label={s('state')}
          id="entries-state"
          style={{ minWidth: 140 }}
          allowClear
          placeholder={s('allStates')}
          value={view.state}
          onChange={(v?: string) => set({ state: v })}
          options={Object.entries(STATE_LABELS).map(([k, l]) => ({ value: k, label: l[lang === 'zh' ? 0 : 1] }))}
        />
        <Select
          aria-label={t('category')}
          id="entries-category"
          style={{ minWidth: 160 }}
          allowClear
          placeholder={t('category')}
          value={view.category}
          onChange={(v?: string) => set({ category: v })}
          options={(cycle?.categories ?? []).map((k) => ({ value: k.id, label: lang === 'zh' ? k.nameZh : k.nameEn }))}
        />
        <Select
          aria-label={s('industry')}
          id="entries-industry"
          style={{ minWidth: 160 }}
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={s('industry')}
          value={view.industry}
          onChange={(v?: string) => set({ industry: v })}
          options={industries.map((o) => ({ value: o.code, label: label(o.label) }))}
        />
        <Select
          aria-label={s('memberUnit')}
          id="entries-member"
          style={{ minWidth: 130 }}
          allowClear
          placeholder={s('memberUnit')}
          value={view.memberUnit}
          onChange={(v?: string) => set({ member: v })}
          options={[
            { value: 'yes', label: `${s('memberUnit')}：${s('yes')}` },
            { value: 'no', label: `${s('memberUnit')}：${s('no')}` },
          ]}
        />
        <Select
          aria-label={s('receiptCheck')}
          id="entries-receipt"
          style={{ minWidth: 150 }}
          allowClear
          placeholder={s('receiptCheck')}
          value={view.receipt}
          onChange={(v?: string) => set({ receipt: v })}
          options={RECEIPTS.map((r) => ({ value: r, label: receiptWords(r === 'none' ? null : r, s) }))}
        />
        <Input.Search
          id="entries-search"
          aria-label={s('search')}
          placeholder={s('searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => set({ q: v.trim() })}
          style={{ width: 320, maxWidth: '100%' }}
          enterButton={s('search')}
          maxLength={100}
        />
        <Button
          onClick={() => {
            setSearch('');
            set({ state: undefined, category: undefined, industry: undefined, member: undefined, receipt: undefined, q: undefined });
          }}
        >
          {s('resetFilters')}
        </Button>
      </Space>
      <Space wrap>
        <span aria-live="polite">{s('selected', { n: selected.length })}</span>
        <Button disabled={!selected.length} onClick={() => setBulk('accept')} id="bulk-accept">
          {s('accept')}
        </Button>
        <Button disabled={!selected.length} onClick={() => setBulk('return')} id="bulk-return">
          {s('return')}
        </Button>
        <Button disabled={!selected.length} danger onClick={() => setBulk('reject')} id="bulk-reject">
          {s('reject')}
        </Button>
        {cycleId && (
          <>
            <a href={`/api/cycles/${cycleId}/entries/export.xlsx${queryString({ ...filters })}`} download id="export-xlsx">
              {s('exportXlsx')}
            </a>
            <a href={`/api/cycles/${cycleId}/entries/export.csv${queryString({ ...filters })}`} download id="export-csv">
              {s('exportCsv')}
            </a>
          </>
        )}
      </Space>
      {list.isError && <Alert type="error" showIcon message={errorText(list.error)} />}
      <Table<EntryRow>
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: s('noEntries') }}
        rowSelection={{ selectedRowKeys: selected.map((e) => e.id), onChange: (_, rs) => setSelected(rs), preserveSelectedRowKeys: true }}
        pagination={{
          current: view.page,
          pageSize: view.size,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => s('total', { n }),
        }}
        onChange={(p, _f, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          set(
            {
              page: p.current,
              size: p.pageSize,
              sort: one?.order ? String(one.columnKey) : undefined,
              order: one?.order === 'ascend' ? 'asc' : one?.order === 'descend' ? 'desc' : undefined,
            },
            true,
          );
        }}
      />
      {bulk && cycleId && (
        <BulkDialog
          action={bulk}
          cycleId={cycleId}
          entries={selected}
          onClose={() => {
            setBulk(null);
            setSelected([]);
          }}
        />
      )}
    </Space>
  );
}

/** Confirm (the entries listed) → one request for all → each entry's result (a refusal says why that one was not changed). */
function BulkDialog({ action, cycleId, entries, onClose }: { action: Action; cycleId: string; entries: EntryRow[]; onClose: () => void }) {
  const { s, state } = useStaffT();
  const [reason, setReason] = useState('');
  const [results, setResults] = useState<Record<string, Reply<'BulkResultResponse'>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsReason = action !== 'accept';
  const word = s(action);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const body: Body<'BulkScreeningDto'> = {
        action,
        cycleId,
        ids: entries.map((e) => e.id),
        ...(needsReason ? { reason: reason.trim() } : {}),
      };
      const answer = await post<Reply<'BulkScreeningResponse'>>('/api/applications/bulk', body);
      setResults(Object.fromEntries(answer.results.map((r) => [r.id, r])));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
      for (const e of entries) invalidateEntry(e.id);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={results ? s('bulkResults') : s('bulkConfirm', { action: word, n: entries.length })}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      maskClosable={false}
      footer={
        results ? (
          <Button type="primary" onClick={onClose} id="bulk-close">
            {s('bulkDone')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose} disabled={busy}>
              {s('cancel')}
            </Button>
            <Button
              type="primary"
              danger={action === 'reject'}
              loading={busy}
              disabled={needsReason && !reason.trim()}
              onClick={() => void run()}
              id="bulk-run"
            >
              {word}
            </Button>
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
      <Table<EntryRow>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={entries}
        scroll={{ x: 'max-content', y: 320 }}
        columns={[
          { title: s('entryCode'), dataIndex: 'entryCode' },
          { title: s('company'), dataIndex: 'company' },
          { title: s('state'), key: 'state', render: (_, e) => state(results?.[e.id]?.state ?? e.state) },
          ...(results
            ? [
                {
                  title: s('bulkResults'),
                  key: 'result',
                  render: (_: unknown, e: EntryRow) => {
                    const r = results[e.id];
                    if (!r) return '—';
                    return r.ok ? (
                      <Tag color="success" data-result="ok">
                        {s('ok')}
                      </Tag>
                    ) : (
                      <span data-result="failed">
                        <Tag color="red">{s('failed')}</Tag> {r.error?.message}
                      </span>
                    );
                  },
                },
              ]
            : []),
        ]}
      />
      {needsReason && !results && (
        <div style={{ marginTop: 12 }}>
          <label htmlFor="bulk-reason">{s('reason')}</label>
          <Input.TextArea id="bulk-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      )}
    </Modal>
  );
}
