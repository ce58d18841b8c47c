/**
 * Every entry of a cycle for screening: a table paginated, sorted and filtered by the server (state,
 * category, industry, member unit, receipt check, search by code/company/credit code), the filters
 * kept in the URL so a link reopens the same view; bulk accept/return/reject with a confirmation
 * that lists the entries and then each entry's result; XLSX/CSV export of the same selection.
 */
import { Alert, Button, Input, Modal, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { post } from '../api/client';
import { formQuery } from '../api/queries';
import { fieldAt } from '../form/labels';
import { STATE_LABELS } from '../i18n';
import { errorText } from './errors';
import { cyclesQuery, entriesQuery, invalidateEntry, queryString, type Entry } from './queries';
import { useStaffT } from './texts';
import { formatInZone } from './zoned';

type Action = 'accept' | 'return' | 'reject';
const SORTABLE = ['entryCode', 'company', 'state', 'updatedAt'] as const;

/** The view as the URL holds it (so that a link, a reload or the back button shows the same entries). */
function useView() {
  const [params, setParams] = useSearchParams();
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
    order: params.get('order') === 'desc' ? ('desc' as const) : ('asc' as const),
  };
  const set = (patch: Record<string, string | number | undefined>, keepPage = false) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!keepPage) next.delete('page');
    setParams(next, { replace: true });
  };
  return { view, set, params };
}

export function EntriesPage() {
  const { s, t, lang, label, state } = useStaffT();
  const { view, set } = useView();
  const { data: cycles = [] } = useQuery(cyclesQuery);
  const { data: form } = useQuery(formQuery);
  const cycleId = view.cycleId ?? cycles[0]?.id;
  const cycle = cycles.find((c) => c.id === cycleId);
  const memberUnit = view.memberUnit === 'yes' ? true : view.memberUnit === 'no' ? false : undefined;
  const list = useQuery({ ...entriesQuery({ cycleId, state: view.state, memberUnit }), enabled: !!cycleId });
  const [search, setSearch] = useState(view.q);
  const [selected, setSelected] = useState<Entry[]>([]);
  const [bulk, setBulk] = useState<Action | null>(null);

  const industryField = form ? fieldAt(form.find((x) => x.key === 'basics')?.fields ?? [], 'center.industry') : undefined;
  const industries = industryField && 'options' in industryField ? industryField.options : [];

  // what the server does not narrow yet is narrowed, sorted and paged here (same parameters)
  const rows = useMemo(() => {
    let out = list.data ?? [];
    if (view.category) out = out.filter((e) => e.category.id === view.category);
    const q = view.q.trim().toLowerCase();
    if (q) out = out.filter((e) => e.entryCode.toLowerCase().includes(q) || e.organisation.name.toLowerCase().includes(q));
    if (view.sort) {
      const key = (e: Entry) =>
        view.sort === 'company'
          ? e.organisation.name
          : view.sort === 'state'
            ? e.state
            : view.sort === 'updatedAt'
              ? e.updatedAt
              : e.entryCode;
      out = [...out].sort((a, b) => key(a).localeCompare(key(b), 'zh-CN') * (view.order === 'desc' ? -1 : 1));
    }
    return out;
  }, [list.data, view.category, view.q, view.sort, view.order]);

  const filters = { cycleId, state: view.state, categoryId: view.category, memberUnit, q: view.q || undefined };
  const columns: TableProps<Entry>['columns'] = [
    {
      title: s('entryCode'),
      dataIndex: 'entryCode',
      key: 'entryCode',
      sorter: true,
      sortOrder: view.sort === 'entryCode' ? (view.order === 'desc' ? 'descend' : 'ascend') : null,
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
      sortOrder: view.sort === 'company' ? (view.order === 'desc' ? 'descend' : 'ascend') : null,
      render: (_, e) => (
        <Space size={4} wrap>
          <Link to={`/staff/organisations/${e.organisation.id}`}>{e.organisation.name}</Link>
          {e.organisation.memberUnit && <Tag color="gold">{s('memberUnit')}</Tag>}
        </Space>
      ),
    },
    { title: t('category'), key: 'category', render: (_, e) => (lang === 'zh' ? e.category.nameZh : e.category.nameEn) },
    {
      title: s('state'),
      dataIndex: 'state',
      key: 'state',
      sorter: true,
      sortOrder: view.sort === 'state' ? (view.order === 'desc' ? 'descend' : 'ascend') : null,
      render: (st: string, e) => (
        <Space size={4} wrap>
          <Tag color="geekblue" data-state={st}>
            {state(st)}
          </Tag>
          {st === 'draft' && e.returnReason && <Tag color="red">{s('returnedReason')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('completeness'),
      key: 'complete',
      render: (_, e) => {
        const done = e.sections?.filter((x) => x.complete).length;
        return done === undefined ? '—' : `${done}/${e.sections!.length}`;
      },
    },
    {
      title: s('updated'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      sorter: true,
      sortOrder: view.sort === 'updatedAt' ? (view.order === 'desc' ? 'descend' : 'ascend') : null,
      render: (v: string) => formatInZone(v, cycle?.timeZone ?? 'Asia/Shanghai', lang, false),
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
          onChange={(v) => set({ cycle: v })}
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
          options={[
            { value: 'pending', label: s('receiptPending') },
            { value: 'matched', label: s('receiptMatched') },
            { value: 'different', label: s('receiptDifferent') },
            { value: 'unreadable', label: s('receiptUnreadable') },
            { value: 'none', label: s('receiptNone') },
          ]}
        />
        <Input.Search
          id="entries-search"
          aria-label={s('search')}
          placeholder={s('searchPlaceholder')}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => set({ q: v.trim() })}
          style={{ width: 300, maxWidth: '100%' }}
          enterButton={s('search')}
        />
        <Button
          onClick={() => (
            setSearch(''),
            set({ state: undefined, category: undefined, industry: undefined, member: undefined, receipt: undefined, q: undefined })
          )}
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
        <a href={`/api/applications/export.xlsx${queryString(filters)}`} download>
          <Button tabIndex={-1}>{s('exportXlsx')}</Button>
        </a>
        <a href={`/api/applications/export.csv${queryString(filters)}`} download>
          <Button tabIndex={-1}>{s('exportCsv')}</Button>
        </a>
      </Space>
      {list.isError && <Alert type="error" showIcon message={errorText(list.error)} />}
      <Table<Entry>
        rowKey="id"
        loading={list.isLoading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: s('noEntries') }}
        rowSelection={{ selectedRowKeys: selected.map((e) => e.id), onChange: (_, rs) => setSelected(rs) }}
        pagination={{
          current: view.page,
          pageSize: view.size,
          total: rows.length,
          showSizeChanger: true,
          showTotal: (n) => s('total', { n }),
        }}
        onChange={(p, _f, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          set(
            {
              page: p.current,
              size: p.pageSize,
              sort: one?.order ? String(one.columnKey) : undefined,
              order: one?.order === 'descend' ? 'desc' : undefined,
            },
            true,
          );
        }}
      />
      {bulk && (
        <BulkDialog
          action={bulk}
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

/** Confirm → run one by one → each entry's result (a 409 says why that one was not changed). */
function BulkDialog({ action, entries, onClose }: { action: Action; entries: Entry[]; onClose: () => void }) {
  const { s } = useStaffT();
  const [reason, setReason] = useState('');
  const [results, setResults] = useState<Record<string, { ok: boolean; message?: string }> | null>(null);
  const [busy, setBusy] = useState(false);
  const needsReason = action !== 'accept';
  const word = s(action);

  const run = async () => {
    setBusy(true);
    const out: Record<string, { ok: boolean; message?: string }> = {};
    for (const e of entries) {
      try {
        await post(`/api/applications/${e.id}/${action}`, needsReason ? { reason: reason.trim() } : {});
        out[e.id] = { ok: true };
      } catch (err) {
        out[e.id] = { ok: false, message: errorText(err) };
      }
      setResults({ ...out });
      invalidateEntry(e.id);
    }
    setBusy(false);
  };

  return (
    <Modal
      open
      title={results ? s('bulkResults') : s('bulkConfirm', { action: word, n: entries.length })}
      onCancel={busy ? undefined : onClose}
      closable={!busy}
      maskClosable={false}
      footer={
        results && !busy ? (
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
      <Table<Entry>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={entries}
        columns={[
          { title: s('entryCode'), dataIndex: 'entryCode' },
          { title: s('company'), render: (_, e) => e.organisation.name },
          ...(results
            ? [
                {
                  title: s('bulkResults'),
                  key: 'result',
                  render: (_: unknown, e: Entry) =>
                    !results[e.id] ? (
                      '…'
                    ) : results[e.id].ok ? (
                      <Tag color="success" data-result="ok">
                        {s('ok')}
                      </Tag>
                    ) : (
                      <span data-result="failed">
                        <Tag color="red">{s('failed')}</Tag> {results[e.id].message}
                      </span>
                    ),
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
