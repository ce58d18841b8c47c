/**
 * A rubric is data (shared/spec/workflow-and-judging.md § Rubrics): a tree of groups, at most
 * three levels deep, whose leaves are criteria. This file is the tree's shape and its check on
 * save: structural errors are 400s naming the path (`tree.groups.0.criteria.3.max`); what is
 * allowed but probably a mistake comes back as warnings (`[{ code, message }]`).
 */
import type { ErrorDetail } from '../../../common/errors/domain-error';
import { SECTION_KEYS } from '../../../form/sections';

export interface Bilingual {
  zh: string;
  en: string;
}

export type CriterionType = 'scale' | 'yesno' | 'dual_rate';
export const CRITERION_TYPES: readonly CriterionType[] = ['scale', 'yesno', 'dual_rate'];

export interface Criterion {
  key: string;
  label: Bilingual;
  guidance?: Bilingual;
  /** Share of the total (`weighted` rubrics); ignored by `points` and `yes_share`. */
  weight: number;
  type: CriterionType;
  /** `scale` only. */
  min?: number;
  max?: number;
  step?: number;
  /** Form sections a judge should read for this criterion. */
  sections: string[];
  /** A rating at the scale's min or max (or 0 / 10 of a dual rate, "no" of a yes/no) needs a comment. */
  commentRequiredAtExtremes?: boolean;
}

export interface RubricGroup {
  key: string;
  label: Bilingual;
  groups?: RubricGroup[];
  criteria?: Criterion[];
}

/**
 * How a review's total is computed (rubric-scoring.ts):
 * - `weighted`: Σ weight × score ÷ max (scale), × 1/0 (yes/no), × (c + f) ÷ 20 (dual rate); with
 *   weights summing to 100 and a 0–10 scale that is the spec's Σ weight × score ÷ 10 (0–100).
 * - `points`: the sum of every rating's points (CC-CMM: C + F of every item, 0–3360).
 * - `yes_share`: percent of yes answers (CCCS self-assessment), per top-level group and overall.
 */
export type ScoringMethod = 'weighted' | 'points' | 'yes_share';
export const SCORING_METHODS: readonly ScoringMethod[] = ['weighted', 'points', 'yes_share'];

/** Percent of items compliant for a rate (rated 10); `undefined` = no requirement. */
export interface RateShare {
  c: number;
  f: number;
}

export interface MaturityLevel {
  key: string;
  label: Bilingual;
  /** Items under the `core` groups (CC-CMM 1.0–4.0). */
  core?: RateShare;
  /** Items under the `innovation` groups (CC-CMM 5.0). */
  innovation?: RateShare;
  minTotal: number;
  /** Years since basics.center.startYear. */
  minYearsOperating?: number;
}

/** Maturity levels as data: each level also requires the one before it (ordered lowest first). */
export interface MaturityModel {
  coreGroups: string[];
  innovationGroups: string[];
  levels: MaturityLevel[];
}

export interface RubricTree {
  scoring: ScoringMethod;
  groups: RubricGroup[];
  maturity?: MaturityModel;
}

export interface RubricWarning {
  code: string;
  message: string;
}

export const MAX_GROUP_DEPTH = 3;
const MAX_CRITERIA = 1000;
const KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Walks every criterion with its path and the keys of the groups above it. */
export function criteriaOf(tree: RubricTree): Array<{ criterion: Criterion; groups: string[] }> {
  const out: Array<{ criterion: Criterion; groups: string[] }> = [];
  const walk = (gs: RubricGroup[], above: string[]) => {
    for (const g of gs) {
      for (const c of g.criteria ?? []) out.push({ criterion: c, groups: [...above, g.key] });
      walk(g.groups ?? [], [...above, g.key]);
    }
  };
  walk(tree.groups, []);
  return out;
}

/** The highest total a review can reach under the tree's scoring method. */
export function maxTotal(tree: RubricTree): number {
  const cs = criteriaOf(tree).map((x) => x.criterion);
  if (tree.scoring === 'weighted') return cs.reduce((s, c) => s + c.weight, 0);
  if (tree.scoring === 'yes_share') return 100;
  return cs.reduce((s, c) => s + (c.type === 'dual_rate' ? 20 : c.type === 'yesno' ? 1 : (c.max ?? 0)), 0);
}

/**
 * Checks a submitted tree: structural errors (each naming its path under `tree`) or the typed
 * tree with its warnings. Unknown members are errors too (an import that does not fit is refused,
 * never half-read).
 */
export function checkRubricTree(input: unknown): { errors: ErrorDetail[]; tree?: RubricTree; warnings: RubricWarning[] } {
  const errors: ErrorDetail[] = [];
  const err = (path: string, code: string, params?: Record<string, unknown>) => errors.push({ path, code, ...(params ? { params } : {}) });
  const keys = new Set<string>();
  let criteria = 0;

  const unknownMembers = (o: Obj, allowed: readonly string[], path: string) => {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) err(`${path}.${k}`, 'unknown_field');
  };
  const bilingual = (v: unknown, path: string, required: boolean) => {
    if (v === undefined && !required) return;
    if (!isObj(v)) return err(path, 'required');
    unknownMembers(v, ['zh', 'en'], path);
    for (const lang of ['zh', 'en'] as const) {
      const s = v[lang];
      if (typeof s !== 'string' || !s.trim()) err(`${path}.${lang}`, 'required');
      else if (s.length > 2000) err(`${path}.${lang}`, 'too_long', { max: 2000 });
    }
  };
  const key = (v: unknown, path: string) => {
    if (typeof v !== 'string' || !KEY.test(v)) return err(path, 'rubric_key');
    if (keys.has(v)) return err(path, 'rubric_duplicate_key', { key: v });
    keys.add(v);
  };

  const criterion = (c: unknown, path: string) => {
    criteria++;
    if (!isObj(c)) return err(path, 'required');
    unknownMembers(c, ['key', 'label', 'guidance', 'weight', 'type', 'min', 'max', 'step', 'sections', 'commentRequiredAtExtremes'], path);
    key(c.key, `${path}.key`);
    bilingual(c.label, `${path}.label`, true);
    bilingual(c.guidance, `${path}.guidance`, false);
    if (!isNum(c.weight) || c.weight < 0 || c.weight > 1000) err(`${path}.weight`, 'rubric_weight');
    if (!CRITERION_TYPES.includes(c.type as CriterionType)) err(`${path}.type`, 'not_in_options', { options: CRITERION_TYPES });
    if (c.type === 'scale') {
      const [min, max, step] = [c.min, c.max, c.step];
      if (!isNum(min) || Math.abs(min) > 1000) err(`${path}.min`, 'required');
      if (!isNum(max) || Math.abs(max) > 1000) err(`${path}.max`, 'required');
      if (!isNum(step) || step <= 0) err(`${path}.step`, 'required');
      if (isNum(min) && isNum(max) && max <= min) err(`${path}.max`, 'rubric_scale_order');
      if (isNum(min) && isNum(max) && isNum(step) && step > 0 && max > min && !onStep(max - min, step))
        err(`${path}.step`, 'rubric_scale_step');
    } else {
      for (const k of ['min', 'max', 'step'] as const) if (c[k] !== undefined) err(`${path}.${k}`, 'rubric_scale_only');
    }
    if (!Array.isArray(c.sections)) err(`${path}.sections`, 'required');
    else
      c.sections.forEach((s, i) => {
        if (typeof s !== 'string' || !SECTION_KEYS.includes(s)) err(`${path}.sections.${i}`, 'not_in_options', { options: SECTION_KEYS });
      });
    if (c.commentRequiredAtExtremes !== undefined && typeof c.commentRequiredAtExtremes !== 'boolean')
      err(`${path}.commentRequiredAtExtremes`, 'invalid');
  };

  const group = (g: unknown, path: string, depth: number) => {
    if (!isObj(g)) return err(path, 'required');
    if (depth > MAX_GROUP_DEPTH) return err(path, 'rubric_too_deep', { max: MAX_GROUP_DEPTH });
    unknownMembers(g, ['key', 'label', 'groups', 'criteria'], path);
    key(g.key, `${path}.key`);
    bilingual(g.label, `${path}.label`, true);
    if (g.groups !== undefined && !Array.isArray(g.groups)) err(`${path}.groups`, 'invalid');
    if (g.criteria !== undefined && !Array.isArray(g.criteria)) err(`${path}.criteria`, 'invalid');
    const subgroups = Array.isArray(g.groups) ? g.groups : [];
    const leaves = Array.isArray(g.criteria) ? g.criteria : [];
    if (!subgroups.length && !leaves.length) err(path, 'rubric_empty_group');
    subgroups.forEach((s, i) => group(s, `${path}.groups.${i}`, depth + 1));
    leaves.forEach((c, i) => criterion(c, `${path}.criteria.${i}`));
  };

  if (!isObj(input)) {
    err('tree', 'required');
    return { errors, warnings: [] };
  }
  unknownMembers(input, ['scoring', 'groups', 'maturity'], 'tree');
  if (!SCORING_METHODS.includes(input.scoring as ScoringMethod)) err('tree.scoring', 'not_in_options', { options: SCORING_METHODS });
  if (!Array.isArray(input.groups) || !input.groups.length) err('tree.groups', 'required');
  else input.groups.forEach((g, i) => group(g, `tree.groups.${i}`, 1));
  if (criteria > MAX_CRITERIA) err('tree.groups', 'too_many', { max: MAX_CRITERIA });
  if (input.maturity !== undefined) maturity(input.maturity, input, err, unknownMembers, bilingual);
  if (!errors.length && input.scoring === 'yes_share') {
    const tree = input as unknown as RubricTree;
    criteriaOf(tree).forEach(({ criterion: c }) => c.type !== 'yesno' && err('tree.scoring', 'rubric_yes_share_only'));
  }
  if (errors.length) return { errors: dedupe(errors), warnings: [] };
  const tree = input as unknown as RubricTree;
  return { errors, tree, warnings: rubricWarnings(tree) };
}

function maturity(
  m: unknown,
  tree: Obj,
  err: (path: string, code: string, params?: Record<string, unknown>) => void,
  unknownMembers: (o: Obj, allowed: readonly string[], path: string) => void,
  bilingual: (v: unknown, path: string, required: boolean) => void,
): void {
  const path = 'tree.maturity';
  if (!isObj(m)) return err(path, 'invalid');
  unknownMembers(m, ['coreGroups', 'innovationGroups', 'levels'], path);
  const topKeys = Array.isArray(tree.groups) ? tree.groups.filter(isObj).map((g) => g.key) : [];
  for (const k of ['coreGroups', 'innovationGroups'] as const) {
    const v = m[k];
    if (!Array.isArray(v)) err(`${path}.${k}`, 'required');
    else v.forEach((g, i) => !topKeys.includes(g) && err(`${path}.${k}.${i}`, 'not_in_options', { options: topKeys }));
  }
  if (!Array.isArray(m.levels) || !m.levels.length) return err(`${path}.levels`, 'required');
  const share = (v: unknown, p: string) => {
    if (v === undefined) return;
    if (!isObj(v)) return err(p, 'invalid');
    unknownMembers(v, ['c', 'f'], p);
    for (const r of ['c', 'f'] as const) if (!isNum(v[r]) || v[r] < 0 || v[r] > 100) err(`${p}.${r}`, 'rubric_percent');
  };
  const seen = new Set<string>();
  m.levels.forEach((l, i) => {
    const p = `${path}.levels.${i}`;
    if (!isObj(l)) return err(p, 'required');
    unknownMembers(l, ['key', 'label', 'core', 'innovation', 'minTotal', 'minYearsOperating'], p);
    if (typeof l.key !== 'string' || !KEY.test(l.key)) err(`${p}.key`, 'rubric_key');
    else if (seen.has(l.key)) err(`${p}.key`, 'rubric_duplicate_key', { key: l.key });
    else seen.add(l.key);
    bilingual(l.label, `${p}.label`, true);
    share(l.core, `${p}.core`);
    share(l.innovation, `${p}.innovation`);
    if (!isNum(l.minTotal) || l.minTotal < 0 || l.minTotal > 1e7) err(`${p}.minTotal`, 'invalid');
    if (l.minYearsOperating !== undefined && (!Number.isInteger(l.minYearsOperating) || (l.minYearsOperating as number) < 0))
      err(`${p}.minYearsOperating`, 'invalid');
  });
}

/** Allowed but probably a mistake: the editor shows these, the rubric is saved. */
export function rubricWarnings(tree: RubricTree): RubricWarning[] {
  const warnings: RubricWarning[] = [];
  const cs = criteriaOf(tree).map((x) => x.criterion);
  if (tree.scoring === 'weighted') {
    const sum = round2(cs.reduce((s, c) => s + c.weight, 0));
    if (sum !== 100)
      warnings.push({
        code: 'weights_sum',
        message: `权重合计为 ${sum}，而不是 100 / The weights add up to ${sum}, not 100`,
      });
  }
  if (tree.scoring === 'points' && cs.some((c) => c.type === 'yesno'))
    warnings.push({ code: 'yesno_points', message: '按分数合计时，是/否题计 1 分 / Summed as points, a yes/no counts 1 point' });
  if (tree.maturity) {
    const max = maxTotal(tree);
    for (const l of tree.maturity.levels) {
      if (l.minTotal > max)
        warnings.push({
          code: 'unreachable_level',
          message:
            `${l.key} ${l.label.zh}：要求总分 ≥ ${l.minTotal}，但本评分表最高只有 ${max} 分，该等级无法达到 / ` +
            `${l.key} ${l.label.en}: needs a total of at least ${l.minTotal}, but this rubric's maximum is ${max}, so the level cannot be reached`,
        });
    }
    if (!cs.every((c) => c.type === 'dual_rate'))
      warnings.push({
        code: 'maturity_dual_rate',
        message: '成熟度等级只统计双评分（C/F）条目 / Maturity levels count dual-rated (C/F) items only',
      });
  }
  return warnings;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
/** `span` is a whole number of `step`s (within floating-point noise). */
export const onStep = (span: number, step: number): boolean => Math.abs(span / step - Math.round(span / step)) < 1e-9;

function dedupe(errors: ErrorDetail[]): ErrorDetail[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(`${e.path} ${e.code}`) && seen.add(`${e.path} ${e.code}`));
}
