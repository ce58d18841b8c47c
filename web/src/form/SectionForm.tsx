/** One section of the application: its fields from the descriptor, autosaved, with its save state. */
import { Form, Skeleton, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useT } from '../i18n';
import { ConflictDialog } from './ConflictDialog';
import type { FieldNode, SectionDescriptor } from './descriptor';
import { fieldId, Fields } from './FieldInput';
import { isKpiArea } from './KpiTable';
import { issueText, labelAt, shownAt } from './labels';
import { useSection, type SaveStatus } from './useSection';

function SaveState({ status }: { status: SaveStatus }) {
  const { t } = useT();
  const text =
    status.kind === 'saving'
      ? t('saving')
      : status.kind === 'saved'
        ? `${t('saved')} ${status.at.toTimeString().slice(0, 5)}`
        : status.kind === 'offline'
          ? t('offline')
          : status.kind === 'invalid'
            ? t('invalid')
            : status.kind === 'error'
              ? `${t('error')}: ${status.message}`
              : '';
  const color =
    status.kind === 'offline'
      ? 'orange'
      : status.kind === 'invalid' || status.kind === 'error'
        ? 'red'
        : status.kind === 'saved'
          ? 'success'
          : 'blue';
  return (
    <Tag color={color} role="status" aria-live="polite" data-save-state={status.kind} style={text ? undefined : { visibility: 'hidden' }}>
      {text || ' '}
    </Tag>
  );
}

const FOCUSABLE = 'input:not([type=hidden]):not([type=file]), textarea, button, [tabindex]:not([tabindex="-1"])';

/** The element itself when it takes focus, else the first control inside it or beside it (a file input is hidden behind its button). */
function focusableIn(el: HTMLElement): HTMLElement | null {
  if (el.matches(FOCUSABLE)) return el;
  return el.querySelector<HTMLElement>(FOCUSABLE) ?? el.parentElement?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
}

/** Whether any field (at any depth) is computed by the server, or shows what it computes (the KPIs' met and gap). */
const hasComputed = (fields: FieldNode[]): boolean =>
  fields.some((f) => f.type === 'computed' || isKpiArea(f) || ((f.type === 'group' || f.type === 'list') && hasComputed(f.fields)));

/** A failing seal rule of this section (from GET /completeness). */
export interface RuleIssue {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

export function SectionForm({
  appId,
  section,
  editable,
  focus,
  onSaved,
  issues = [],
}: {
  appId: string;
  section: SectionDescriptor;
  editable: boolean;
  focus?: { path: string };
  onSaved?: () => void;
  issues?: RuleIssue[];
}) {
  const { label, lang } = useT();
  const s = useSection(
    appId,
    section.key,
    editable,
    useMemo(() => hasComputed(section.fields), [section.fields]),
  );

  // cross-field rules (面试通过人员 > 应聘人员, a column not adding up) show at their field in the
  // rule's words; a blank field is the missing-items panel's business, and pick-3 has its counter
  const ruleErrors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const i of issues) if (i.code !== 'required' && i.code !== 'pick3') place(out, i.path, issueText(i, lang));
    return out;
  }, [issues, section.fields, lang, label]); // eslint-disable-line react-hooks/exhaustive-deps
  // the server's 400s likewise: "bcp.detail" is shown at the yes/no question, naming its 说明
  const errors = useMemo(() => {
    const out: Record<string, string> = {};
    for (const [p, text] of Object.entries(s.errors)) place(out, p, text);
    return out;
  }, [s.errors, section.fields, lang]); // eslint-disable-line react-hooks/exhaustive-deps

  /** Puts a message at the input that shows `path`; shown above what it is about (a table's column, a 说明), it says which. */
  function place(out: Record<string, string>, path: string, text: string) {
    const at = shownAt(section.fields, path);
    const full = at === path ? text : `${labelAt(section.fields, path, label).split(' › ').pop()}${lang === 'zh' ? '：' : ': '}${text}`;
    out[at] = out[at] ? `${out[at]}${lang === 'zh' ? '；' : '; '}${full}` : full;
  }

  useEffect(() => {
    if (s.status.kind === 'saved') onSaved?.();
  }, [s.status, onSaved]);

  // a missing item was chosen: bring its field into view and focus it, once per request
  const loaded = s.data !== null;
  const focused = useRef<unknown>(undefined);
  useEffect(() => {
    if (!focus || !loaded || focused.current === focus) return;
    focused.current = focus;
    const el = document.getElementById(fieldId(section.key, focus.path));
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    focusableIn(el)?.focus();
  }, [focus, loaded, section.key]);

  if (!s.data) return <Skeleton active />;
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {label(section.title)}
        </Typography.Title>
        <SaveState status={s.status} />
      </div>
      <Form layout="vertical" style={{ marginTop: 16 }} onSubmitCapture={(e) => e.preventDefault()}>
        <Fields
          fields={section.fields}
          prefix=""
          ctx={{ appId, section: section.key, data: s.data, computed: s.computed, errors, ruleErrors, editable, change: s.change }}
        />
      </Form>
      {s.conflict && (
        <ConflictDialog conflict={s.conflict} mine={s.mine} labelOf={(p) => labelAt(section.fields, p, label)} onResolve={s.resolve} />
      )}
    </div>
  );
}
