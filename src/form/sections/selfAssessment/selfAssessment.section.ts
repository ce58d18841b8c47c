/**
 * Optional — CCCS 自评 self-assessment (workflow-and-judging.md § Preset 3). Every question optional;
 * the result (yes-share per domain and overall) is computed for the dossier and the judges.
 */
import { bool, group } from '../../field-builders';
import type { SectionData, SectionDefinition } from '../../field-types';
import { getPath, round1 } from '../../rule-helpers';
import { SELF_ASSESSMENT } from './self-assessment-questions';

export const selfAssessmentSection: SectionDefinition = {
  key: 'selfAssessment',
  order: 13,
  part: 0,
  optional: true,
  title: { zh: '客户联络中心自评（选填）', en: 'Contact-center self-assessment (optional)' },
  fields: SELF_ASSESSMENT.map((d) =>
    group(
      d.key,
      d.zh,
      d.en,
      d.questions.map((q, i) => bool(`q${i + 1}`, q.zh, q.en, { optional: true, help: q.help })),
      { optional: true },
    ),
  ),

  /** Yes-share over all questions of a domain (unanswered counts as not yes). */
  compute(data: SectionData): SectionData {
    const out: Record<string, { yes: number; total: number; pct: number }> = {};
    let yes = 0;
    let total = 0;
    for (const d of SELF_ASSESSMENT) {
      const y = d.questions.filter((_, i) => getPath(data, `${d.key}.q${i + 1}`) === true).length;
      out[d.key] = { yes: y, total: d.questions.length, pct: round1((y / d.questions.length) * 100) };
      yes += y;
      total += d.questions.length;
    }
    out.overall = { yes, total, pct: round1((yes / total) * 100) };
    return out;
  },
};
