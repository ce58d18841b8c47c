/**
 * /assignments/:id — the judge's scoring screen. At 1280 the entry (the sections the criteria
 * read, its files, the judge copy of the dossier, the KPI table it reports) on the left and the
 * rubric on the right; at 390 one column, the rubric in its own tab. Every rating and comment is
 * autosaved (useReview.ts: merge patch with If-Match, a 412 merged without loss); the running
 * total follows the ratings; submitting asks first, and a 422 names the unrated criteria by their
 * labels and focuses the first. Editable while the round is open (after submitting too);
 * read-only once it closes. Blind rounds show the entry code only.
 */
import { Alert, App, Button, Grid, Input, Progress, Radio, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, probeFile, type Reply } from '../api/client';
import { formQuery } from '../api/queries';
import type { SectionDescriptor } from '../form/descriptor';
import { formatInstant, formatNumber } from '../format';
import { NotFound } from '../shell/NotFound';
import { errorText } from '../staff/errors';
import { EntryAttachments, EntrySections, sectionAnchor, type JudgeEntry } from './EntryView';
import { KpiBenchmarkTable } from './KpiBenchmark';
import { assignmentsQuery, entryQuery } from './queries';
import { useJudgeT, type JudgeTextKey } from './texts';
import { useReview, type Rating, type ReviewDoc, type SaveStatus } from './useReview';

type Criterion = Reply<'JudgeCriterionResponse'>;
type Rubric = Reply<'JudgeRubricResponse'>;
type DossierPending = Reply<'JudgeDossierPendingResponse'>;

const DUAL = [0, 5, 10] as const;
export const criterionAnchor = (key: string) => `criterion-${key}`;
/** The rubric sits on a white sheet of its own, beside (or under) the entry's cards. */
const paneStyle: CSSProperties = { background: '#fff', borderRadius: 8, padding: '0 12px 12px' };
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

/** The steps of a scale criterion (0, 0.5, … 10), without floating-point drift. */
function steps(c: Criterion): number[] {
  const min = c.min ?? 0;
  const max = c.max ?? 10;
  const step = c.step && c.step > 0 ? c.step : 1;
  const n = Math.round((max - min) / step);
  return Array.from({ length: n + 1 }, (_, i) => Math.round((min + i * step) * 1000) / 1000);
}

const isRated = (v: unknown) => v !== undefined && v !== null;

/** A rating at an extreme (as the server decides when a comment is required). */
function isExtreme(c: Criterion, v: Rating): boolean {
  if (c.type === 'yesno') return v === false;
  if (c.type === 'dual_rate') return [(v as { c: number }).c, (v as { f: number }).f].some((x) => x === 0 || x === 10);
  return v === c.min || v === c.max;
}

/** The running total as the server computes it (rubric-scoring.ts), and the highest total. */
export function runningTotal(rubric: Rubric, ratings: Record<string, Rating>): { total: number; max: number } {
  const round = (n: number) => Math.round(n * 100) / 100;
  const cs = rubric.criteria;
  const points = (c: Criterion, v: Rating) =>
    c.type === 'yesno' ? (v === true ? 1 : 0) : c.type === 'dual_rate' ? (v as { c: number }).c + (v as { f: number }).f : (v as number);
  const most = (c: Criterion) => (c.type === 'yesno' ? 1 : c.type === 'dual_rate' ? 20 : (c.max ?? 10));
  if (rubric.scoring === 'weighted')
    return {
      total: round(cs.reduce((s, c) => (isRated(ratings[c.key]) ? s + (c.weight * points(c, ratings[c.key])) / most(c) : s), 0)),
      max: round(cs.reduce((s, c) => s + c.weight, 0)),
    };
  if (rubric.scoring === 'points')
    return {
      total: round(cs.reduce((s, c) => (isRated(ratings[c.key]) ? s + points(c, ratings[c.key]) : s), 0)),
      max: cs.reduce((s, c) => s + most(c), 0),
    };
  const yes = cs.filter((c) => ratings[c.key] === true).length;
  return { total: cs.length ? Math.round((1000 * yes) / cs.length) / 10 : 0, max: 100 };
}

export function ScoringPage() {
  const { id = '' } = useParams();
  const entry = useQuery(entryQuery(id));
  const form = useQuery(formQuery);
  const { j } = useJudgeT();
  if (entry.isError && entry.error instanceof ApiError && entry.error.status === 404) return <NotFound />;
  if (entry.isError) return <Alert type="error" role="alert" message={j('loadFailed')} description={errorText(entry.error)} />;
  if (entry.isPending || form.isPending) return <Skeleton active />;
  return <Scoring key={id} entry={entry.data} form={form.data ?? []} />;
}

function Scoring({ entry, form }: { entry: JudgeEntry; form: SectionDescriptor[] }) {
  const { j, label, lang } = useJudgeT();
  const screens = Grid.useBreakpoint();
  const wide = !!screens.lg;
  const { modal, message } = App.useApp();
  const qc = useQueryClient();
  const list = useQuery(assignmentsQuery);
  const meta = list.data?.find((a) => a.id === entry.id);
  const editable = entry.roundState === 'open';
  const r = useReview(entry.id, editable);
  const [tab, setTab] = useState<'entry' | 'rubric'>('entry');
  const [issues, setIssues] = useState<{ unrated: string[]; comments: string[] } | null>(null);
  const [focusKey, setFocusKey] = useState<{ key: string; comment: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const criteria = entry.rubric.criteria;
  const labelOf = (key: string) => label(criteria.find((c) => c.key === key)?.label) || key;
  const sectionTitle = (key: string) => label(form.find((s) => s.key === key)?.title) || key;
  // the sections the criteria read, in the form's order, and the KPI table the entry reports (its benchmark above it)
  const read = useMemo(() => {
    const keys = new Set(criteria.flatMap((c) => c.sections));
    if (!keys.size) for (const k of Object.keys(entry.sections)) keys.add(k);
    if ('kpis' in entry.sections) keys.add('kpis');
    return [...keys];
  }, [criteria, entry.sections]);
  const closes = meta ? formatInstant(meta.closesAt, meta.timeZone, lang) : null;

  // after a 422 (or a link from a message): the criterion in view and its first control focused
  useEffect(() => {
    if (!focusKey) return;
    const t = window.setTimeout(() => {
      const box = document.getElementById(criterionAnchor(focusKey.key));
      if (!box) return;
      box.scrollIntoView({ block: 'center' });
      const target = focusKey.comment
        ? box.querySelector<HTMLElement>('textarea')
        : (box.querySelector<HTMLElement>('input[type=radio]:checked:not(:disabled)') ??
          box.querySelector<HTMLElement>('input[type=radio]:not(:disabled)'));
      target?.focus();
      setFocusKey(null);
    }, 400); // after the confirmation has closed (its focus trap would take focus back)
    return () => window.clearTimeout(t);
  }, [focusKey, tab]);

  const showSection = (key: string) => {
    if (!wide) setTab('entry');
    window.setTimeout(() => {
      const el = document.getElementById(sectionAnchor(key));
      el?.scrollIntoView({ block: 'start' });
      el?.focus({ preventScroll: true });
    }, 60);
  };

  const doSubmit = async () => {
    setBusy(true);
    try {
      await r.submit();
      setIssues(null);
      void message.success(j('submitted'));
      void qc.invalidateQueries({ queryKey: assignmentsQuery.queryKey });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) {
        const paths = (e.body.details ?? []).map((d) => d.path);
        const unrated = paths.filter((p) => p.startsWith('ratings.')).map((p) => p.slice('ratings.'.length));
        const comments = paths.filter((p) => p.startsWith('comments.')).map((p) => p.slice('comments.'.length));
        setIssues({ unrated, comments });
        if (!wide) setTab('rubric');
        const first = unrated[0] ?? comments[0];
        if (first) setFocusKey({ key: first, comment: !unrated.length });
      } else void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const confirmSubmit = () =>
    modal.confirm({
      title: j('submitConfirmTitle'),
      content: closes ? j('submitConfirmText', { time: closes }) : null,
      okText: j('submitOk'),
      cancelText: j('cancel'),
      onOk: doSubmit,
      // focus goes to the first unrated criterion after a 422, not back to the submit button
      focusable: { focusTriggerAfterClose: false },
    });

  const stateKey: Record<string, JudgeTextKey> = { none: 'stateNone', draft: 'stateDraft', submitted: 'stateSubmitted' };
  const reviewState = r.review ? (r.review.version === 0 ? 'none' : r.review.state) : (meta?.state ?? 'none');

  const header = (
    <div style={{ marginBottom: 16 }}>
      <Link to="/">← {j('backToHome')}</Link>
      <Typography.Title level={1} style={{ fontSize: 24, margin: '8px 0' }} data-scoring-title>
        {entry.entryCode}
        {!entry.blind && entry.company ? ` · ${entry.company}` : ''}
      </Typography.Title>
      <Space wrap size={[8, 4]}>
        <Typography.Text>{entry.roundName}</Typography.Text>
        {entry.blind && <Tag>{j('blindRound')}</Tag>}
        <Tag color={reviewState === 'submitted' ? 'success' : reviewState === 'draft' ? 'blue' : 'default'} data-review-state={reviewState}>
          {j(stateKey[reviewState] ?? 'stateNone')}
        </Tag>
        {closes && <Typography.Text type="secondary">{j('roundClosesAt', { time: closes })}</Typography.Text>}
      </Space>
    </div>
  );

  const entryPane = (
    <div data-entry-pane>
      <Typography.Title level={2} style={{ fontSize: 20 }}>
        {j('entryTitle')}
      </Typography.Title>
      <DossierLink assignmentId={entry.id} />
      <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
        {j('attachments')}
      </Typography.Title>
      <EntryAttachments entry={entry} />
      {read.includes('kpis') && <KpiBenchmarkTable assignmentId={entry.id} />}
      <div style={{ marginTop: 16 }}>
        <EntrySections entry={entry} form={form} keys={read} />
      </div>
    </div>
  );

  const rubricPane = r.loadError ? (
    <Alert type="error" role="alert" message={j('loadFailed')} description={errorText(r.loadError)} />
  ) : !r.doc ? (
    <Skeleton active />
  ) : (
    <RubricPane
      rubric={entry.rubric}
      doc={r.doc}
      status={r.status}
      editable={editable}
      roundState={entry.roundState}
      submitted={r.review?.state === 'submitted'}
      merged={r.merged}
      onDismissMerged={r.dismissMerged}
      issues={issues}
      labelOf={labelOf}
      sectionTitle={sectionTitle}
      onShowSection={showSection}
      onFocusCriterion={(key, comment) => setFocusKey({ key, comment })}
      onChange={r.change}
      onRetry={r.retry}
      onSubmit={confirmSubmit}
      busy={busy}
    />
  );

  return (
    <div data-scoring={entry.id}>
      {header}
      {wide ? (
        <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 7fr) minmax(0, 5fr)', gap: 24, alignItems: 'start' }}>
          {entryPane}
          <div data-rubric-pane style={{ ...paneStyle, position: 'sticky', top: 16, maxHeight: 'calc(100vh - 32px)', overflowY: 'auto' }}>
            {rubricPane}
          </div>
        </div>
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'entry' | 'rubric')}
          items={[
            { key: 'entry', label: <span data-tab="entry">{j('entryTab')}</span>, children: entryPane },
            {
              key: 'rubric',
              label: <span data-tab="rubric">{j('rubricTab')}</span>,
              children: (
                <div data-rubric-pane style={paneStyle}>
                  {rubricPane}
                </div>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}

function SaveStateTag({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { j } = useJudgeT();
  const text =
    status.kind === 'saving'
      ? j('saving')
      : status.kind === 'saved'
        ? j('savedAt', { time: status.at.toTimeString().slice(0, 5) })
        : status.kind === 'offline'
          ? j('saveOffline')
          : status.kind === 'error'
            ? j('saveFailed')
            : '';
  const color = status.kind === 'offline' ? 'orange' : status.kind === 'error' ? 'red' : status.kind === 'saved' ? 'success' : 'blue';
  return (
    <Space size={4} wrap>
      <Tag color={color} role="status" aria-live="polite" data-save-state={status.kind} style={text ? undefined : { visibility: 'hidden' }}>
        {text || ' '}
      </Tag>
      {status.kind === 'error' && (
        <>
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {status.message}
          </Typography.Text>
          <Button size="small" onClick={onRetry} data-save-retry>
            {j('retry')}
          </Button>
        </>
      )}
    </Space>
  );
}

function RubricPane(props: {
  rubric: Rubric;
  doc: ReviewDoc;
  status: SaveStatus;
  editable: boolean;
  roundState: string;
  submitted: boolean;
  merged: string[] | null;
  onDismissMerged: () => void;
  issues: { unrated: string[]; comments: string[] } | null;
  labelOf: (key: string) => string;
  sectionTitle: (key: string) => string;
  onShowSection: (key: string) => void;
  onFocusCriterion: (key: string, comment: boolean) => void;
  onChange: (path: string, value: unknown) => void;
  onRetry: () => void;
  onSubmit: () => void;
  busy: boolean;
}) {
  const { j, lang } = useJudgeT();
  const { rubric, doc, editable } = props;
  const { total, max } = runningTotal(rubric, doc.ratings);
  const rated = rubric.criteria.filter((c) => isRated(doc.ratings[c.key])).length;
  const sep = lang === 'zh' ? '、' : ', ';
  const names = (keys: string[]) => keys.map(props.labelOf).join(sep);
  const itemLinks = (keys: string[], comment: boolean) =>
    keys.map((k, i) => (
      <span key={k}>
        {i > 0 && sep}
        <a
          href={`#${criterionAnchor(k)}`}
          style={{ textDecoration: 'underline' }}
          onClick={(e) => {
            e.preventDefault();
            props.onFocusCriterion(k, comment);
          }}
        >
          {props.labelOf(k)}
        </a>
      </span>
    ));
  const summary = (
    <div
      data-score-summary
      style={{
        position: 'sticky',
        top: 0,
        zIndex: 2,
        background: '#fff',
        padding: '8px 0',
        borderBottom: '1px solid #f0f0f0',
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 8,
      }}
    >
      <div>
        <Typography.Text strong>{`${j('total')}${lang === 'zh' ? '：' : ': '}`}</Typography.Text>
        <Typography.Text strong data-running-total={total} style={{ fontSize: 18 }}>
          {j('totalOf', { total: formatNumber(total, lang), max: formatNumber(max, lang) })}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {j('ratedCount', { rated, criteria: rubric.criteria.length })}
        </Typography.Text>
      </div>
      <SaveStateTag status={props.status} onRetry={props.onRetry} />
      {/* in the sticky bar: seen wherever the judge is in the rubric */}
      {props.merged && (
        <Alert
          type="warning"
          showIcon
          closable={{ 'aria-label': j('dismiss'), onClose: props.onDismissMerged }}
          role="status"
          data-stale-merged
          style={{ flex: '1 1 100%' }}
          message={j('staleMerged')}
          description={
            props.merged.length ? j('staleOverrode', { items: names(props.merged.map((p) => p.replace(/^\w+\./, ''))) }) : undefined
          }
        />
      )}
    </div>
  );
  return (
    <div>
      <Typography.Title level={2} style={{ fontSize: 20, paddingTop: 12 }}>
        {j('rubricTitle')}
      </Typography.Title>
      {summary}
      {props.roundState === 'closed' && <Alert type="info" showIcon message={j('readOnlyClosed')} style={{ marginTop: 12 }} />}
      {props.roundState === 'draft' && <Alert type="info" showIcon message={j('readOnlyDraft')} style={{ marginTop: 12 }} />}
      {props.issues && (props.issues.unrated.length > 0 || props.issues.comments.length > 0) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-submit-issues
          style={{ marginTop: 12 }}
          message={
            <>
              {props.issues.unrated.length > 0 && (
                <div>
                  {j('unratedList', { items: '' })}
                  {itemLinks(props.issues.unrated, false)}
                </div>
              )}
              {props.issues.comments.length > 0 && (
                <div>
                  {j('missingComments', { items: '' })}
                  {itemLinks(props.issues.comments, true)}
                </div>
              )}
            </>
          }
        />
      )}
      {props.submitted && editable && <Alert type="success" showIcon message={j('resubmitNote')} style={{ marginTop: 12 }} />}
      <div style={{ marginTop: 12 }}>
        {rubric.criteria.map((c) => (
          <CriterionBox
            key={c.key}
            criterion={c}
            value={doc.ratings[c.key]}
            comment={doc.comments[c.key] ?? ''}
            editable={editable}
            unrated={!!props.issues?.unrated.includes(c.key) && !isRated(doc.ratings[c.key])}
            sectionTitle={props.sectionTitle}
            onShowSection={props.onShowSection}
            onChange={props.onChange}
          />
        ))}
      </div>
      <div style={{ marginTop: 16 }}>
        <label htmlFor="overall-comment" style={{ fontWeight: 500, display: 'block', marginBottom: 4 }}>
          {j('overallComment')}
        </label>
        <Input.TextArea
          id="overall-comment"
          value={doc.overallComment ?? ''}
          readOnly={!editable}
          maxLength={20000}
          autoSize={{ minRows: 3, maxRows: 12 }}
          onChange={(e) => props.onChange('overallComment', e.target.value)}
        />
      </div>
      {editable && !props.submitted && (
        <div style={{ marginTop: 16, display: 'flex', justifyContent: 'flex-end' }}>
          <Button type="primary" size="large" onClick={props.onSubmit} loading={props.busy} data-submit-review>
            {j('submit')}
          </Button>
        </div>
      )}
    </div>
  );
}

function CriterionBox({
  criterion: c,
  value,
  comment,
  editable,
  unrated,
  sectionTitle,
  onShowSection,
  onChange,
}: {
  criterion: Criterion;
  value: Rating | undefined;
  comment: string;
  editable: boolean;
  unrated: boolean;
  sectionTitle: (key: string) => string;
  onShowSection: (key: string) => void;
  onChange: (path: string, value: unknown) => void;
}) {
  const { j, label, lang } = useJudgeT();
  const id = criterionAnchor(c.key);
  const labelId = `${id}-label`;
  const name = label(c.label);
  const needsComment = c.commentRequiredAtExtremes && isRated(value) && isExtreme(c, value!) && !comment.trim();
  const commentId = `${id}-comment`;
  const set = (v: unknown) => onChange(`ratings.${c.key}`, v);
  const [partial, setPartial] = useState<{ c?: number; f?: number }>({});
  const dual = (value as { c: number; f: number } | undefined) ?? partial;
  const setDual = (part: 'c' | 'f', v: number) => {
    const next = { ...dual, [part]: v };
    setPartial(next);
    if (next.c !== undefined && next.f !== undefined) set({ c: next.c, f: next.f });
  };

  let control: ReactNode;
  const group = (
    groupName: string,
    options: { label: string; value: number | boolean }[],
    current: unknown,
    onPick: (v: number | boolean) => void,
    extraLabelId?: string,
  ) => (
    <Radio.Group
      name={groupName}
      aria-labelledby={extraLabelId ? `${labelId} ${extraLabelId}` : labelId}
      value={current}
      disabled={!editable}
      optionType="button"
      buttonStyle="solid"
      size="small"
      onChange={(e) => onPick(e.target.value)}
      // a grid of equal cells: a scale of 0–10 by 0.5 is two rows beside the entry, three on a phone
      style={{
        display: 'grid',
        gridTemplateColumns: options.length > 4 ? 'repeat(auto-fill, minmax(31px, 1fr))' : `repeat(${options.length}, 56px)`,
        gap: 3,
      }}
      options={options.map((o) => ({ ...o, value: o.value as never, style: { paddingInline: 0, textAlign: 'center' } }))}
    />
  );
  if (c.type === 'yesno')
    control = group(
      `rating-${c.key}`,
      [
        { label: j('yesAnswer'), value: true },
        { label: j('noAnswer'), value: false },
      ],
      value,
      set,
    );
  else if (c.type === 'dual_rate')
    control = (
      <Space direction="vertical" size={6}>
        {(['c', 'f'] as const).map((part) => (
          <div key={part} style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <span id={`${id}-${part}`} style={{ minWidth: 110 }}>
              {j(part === 'c' ? 'dualC' : 'dualF')}
            </span>
            {group(
              `rating-${c.key}-${part}`,
              DUAL.map((v) => ({ label: String(v), value: v })),
              dual[part],
              (v) => setDual(part, v as number),
              `${id}-${part}`,
            )}
          </div>
        ))}
      </Space>
    );
  else
    control = group(
      `rating-${c.key}`,
      steps(c).map((v) => ({ label: formatNumber(v, lang, 1), value: v })),
      value,
      set,
    );

  return (
    <section
      id={id}
      data-criterion={c.key}
      aria-labelledby={labelId}
      style={{
        border: `1px solid ${unrated ? '#cf1322' : '#f0f0f0'}`,
        borderRadius: 8,
        padding: 10,
        marginBottom: 12,
        scrollMarginTop: 96,
      }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'baseline', flexWrap: 'wrap' }}>
        <h3 id={labelId} style={{ fontSize: 15, margin: 0 }}>
          {name}
        </h3>
        <Space size={4}>
          <Tag>{j('criterionWeight', { w: formatNumber(c.weight, lang) })}</Tag>
          {isRated(value) && (
            <Tag color="success" data-rated>
              {c.type === 'yesno'
                ? value
                  ? j('yesAnswer')
                  : j('noAnswer')
                : c.type === 'dual_rate'
                  ? `C ${(value as { c: number }).c} · F ${(value as { f: number }).f}`
                  : formatNumber(value as number, lang, 1)}
            </Tag>
          )}
        </Space>
      </div>
      {c.guidance && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0', fontSize: 13 }}>
          {label(c.guidance)}
        </Typography.Paragraph>
      )}
      {c.sections.length > 0 && (
        <div style={{ fontSize: 13, marginBottom: 8 }}>
          {j('readsSections')}
          {c.sections.map((s, i) => (
            <span key={s}>
              {i > 0 && (lang === 'zh' ? '、' : ', ')}
              <a
                href={`#${sectionAnchor(s)}`}
                style={{ textDecoration: 'underline' }}
                onClick={(e) => {
                  e.preventDefault();
                  onShowSection(s);
                }}
              >
                {sectionTitle(s)}
              </a>
            </span>
          ))}
        </div>
      )}
      {/* read-only: the rating is the tag above (disabled buttons would hide which one was chosen) */}
      {editable && control}
      {editable && isRated(value) && (
        <Button
          type="link"
          size="small"
          style={{ paddingInline: 0, marginTop: 4 }}
          aria-label={j('clearRatingOf', { label: name })}
          onClick={() => {
            setPartial({});
            set(undefined);
          }}
        >
          {j('clearRating')}
        </Button>
      )}
      <div style={{ marginTop: 8 }}>
        <label htmlFor={commentId} style={{ display: 'block', fontSize: 13, marginBottom: 2 }}>
          {j('comment')}
          <span style={visuallyHidden}>{` ${name}`}</span>
          {c.commentRequiredAtExtremes && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {` (${j('commentRequired')})`}
            </Typography.Text>
          )}
        </label>
        <Input.TextArea
          id={commentId}
          value={comment}
          readOnly={!editable}
          maxLength={5000}
          status={needsComment ? 'error' : undefined}
          aria-invalid={needsComment || undefined}
          aria-describedby={needsComment ? `${commentId}-error` : undefined}
          autoSize={{ minRows: 1, maxRows: 8 }}
          onChange={(e) => onChange(`comments.${c.key}`, e.target.value)}
        />
        {needsComment && (
          <div id={`${commentId}-error`} style={{ color: '#cf1322', fontSize: 12, marginTop: 2 }} data-comment-required>
            {j('commentRequired')}
          </div>
        )}
      </div>
    </section>
  );
}

/** The judge copy of the dossier: asked for at once, its progress shown while it renders, then a link. */
function DossierLink({ assignmentId }: { assignmentId: string }) {
  const { j } = useJudgeT();
  const url = `/api/assignments/${assignmentId}/dossier`;
  const [state, setState] = useState<
    { kind: 'asking' } | { kind: 'rendering'; progress: number } | { kind: 'ready' } | { kind: 'failed'; message: string }
  >({ kind: 'asking' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let alive = true;
    let timer: number | undefined;
    const ask = async () => {
      try {
        const p = await probeFile<DossierPending>(url);
        if (!alive) return;
        if (p.ready) setState({ kind: 'ready' });
        else {
          setState({ kind: 'rendering', progress: Math.round(p.pending.progress ?? 0) });
          timer = window.setTimeout(() => void ask(), p.retryAfterSeconds * 1000);
        }
      } catch (e) {
        if (alive) setState({ kind: 'failed', message: errorText(e) });
      }
    };
    void ask();
    return () => {
      alive = false;
      window.clearTimeout(timer);
    };
  }, [url, attempt]);
  return (
    <div data-dossier={state.kind} style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
      <Typography.Text strong>{j('dossier')}</Typography.Text>
      {state.kind === 'ready' ? (
        <a href={url} target="_blank" rel="noreferrer" data-dossier-link>
          {j('dossierOpen')}
        </a>
      ) : state.kind === 'failed' ? (
        <>
          <Typography.Text type="danger">
            {j('dossierFailed')}: {state.message}
          </Typography.Text>
          <Button size="small" onClick={() => setAttempt((n) => n + 1)}>
            {j('retry')}
          </Button>
        </>
      ) : (
        <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8, minWidth: 200 }} role="status">
          <Typography.Text type="secondary">{j('dossierRendering')}</Typography.Text>
          <Progress
            percent={state.kind === 'rendering' ? state.progress : 0}
            size="small"
            style={{ width: 120, margin: 0 }}
            aria-label={j('dossierProgress')}
          />
        </span>
      )}
    </div>
  );
}
