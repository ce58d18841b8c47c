/**
 * The form descriptor vocabulary. Every field of the award form is declared once, as data, in
 * its section folder (`sections/<key>/<key>.section.ts`). From that one declaration the platform
 * derives the class-validator DTO (draft validation), the seal-time completeness check, the form
 * descriptor published to the pages and the labels used by the PDF dossier.
 *
 * Types follow `shared/spec/application-form.md` § Conventions.
 */

/** Chinese first, English second — the two languages every label carries. */
export interface Label {
  zh: string;
  en: string;
}

export interface Option {
  code: string;
  label: Label;
}

export type AttachmentKind = 'org_chart' | 'layout_photo' | 'supporting_doc' | 'stamped_receipt';

interface FieldBase {
  /** Key relative to the parent group; the dotted path of a field is its keys joined by '.'. */
  key: string;
  label: Label;
  /** Not required at seal time. */
  optional?: boolean;
  /** Extra guidance shown under the field. */
  help?: Label;
}

/** One line; trimmed; 1..max code points (default 200). */
export interface TextField extends FieldBase {
  type: 'text';
  max?: number;
  /** Set on the derived `<key>Other` text: the key of the choice/multi it explains. */
  otherOf?: string;
}
/** Free text answer; trimmed; 1..max code points (default 3000). */
export interface EssayField extends FieldBase {
  type: 'essay';
  max?: number;
}
/** Whole number, ≥ min (default 0), ≤ max (default INT_MAX: a count). */
export interface IntField extends FieldBase {
  type: 'int';
  min?: number;
  max?: number;
}
/** Number with at most 2 decimals, ≥ 0, ≤ max (default DECIMAL_MAX); `positive` means > 0. */
export interface DecimalField extends FieldBase {
  type: 'decimal';
  max?: number;
  positive?: boolean;
  /** Unit shown next to the input (e.g. 秒 / seconds). */
  unit?: Label;
}
/** 0..100 with at most 1 decimal. */
export interface PercentField extends FieldBase {
  type: 'percent';
}
/** YYYY, 1950..current year. */
export interface YearField extends FieldBase {
  type: 'year';
}
/** ISO date (YYYY-MM-DD), not in the future. */
export interface DateField extends FieldBase {
  type: 'date';
}
export interface EmailField extends FieldBase {
  type: 'email';
}
export interface UrlField extends FieldBase {
  type: 'url';
}
/** digits, spaces, + - ( ), 5..30 chars; `mobile` also states a CN mobile is expected. */
export interface PhoneField extends FieldBase {
  type: 'phone';
  mobile?: boolean;
}
/** Chinese postcode: exactly 6 digits. */
export interface PostcodeField extends FieldBase {
  type: 'postcode';
}
/**
 * Exactly one code. When `options` holds `other`, a sibling text field `<key>Other` exists
 * implicitly: required iff `other` is chosen, rejected otherwise.
 */
export interface ChoiceField extends FieldBase {
  type: 'choice';
  options: Option[];
}
/**
 * A set of codes (no duplicates, ≥ 1 at seal unless optional). `exclusive` codes (e.g. `none`)
 * cannot be combined with any other code. `other` implies a `<key>Other` sibling as for choice.
 */
export interface MultiField extends FieldBase {
  type: 'multi';
  options: Option[];
  exclusive?: string[];
}
/** Exactly three codes at seal (a draft may hold fewer, never more). `other` as for multi. */
export interface Pick3Field extends FieldBase {
  type: 'pick3';
  options: Option[];
}
/** `{ answer: boolean, detail?: text }`; `detailWhenYes` makes detail required when answer is true. */
export interface YesNoField extends FieldBase {
  type: 'yesno';
  detailWhenYes?: boolean;
  /** Max length of detail (default 1000). */
  detailMax?: number;
  /** The form's own words for the two answers where it does not say 是/否 (e.g. 有/没有); display only. */
  answerWords?: AnswerWords;
}

/** How the form words a yes/no question's answers (the stored value stays true/false). */
export interface AnswerWords {
  yes: Label;
  no: Label;
}
/**
 * A plain checkbox: absent reads as unchecked, so it is never "missing". `mustAnswer` makes it a
 * yes/no question that must be answered at seal (absent ≠ false); `mustBeTrue` (consent) fails
 * completeness unless true.
 */
export interface BooleanField extends FieldBase {
  type: 'boolean';
  mustAnswer?: boolean;
  mustBeTrue?: boolean;
  /** As for yes/no: the form's words for the answers of a `mustAnswer` question. */
  answerWords?: AnswerWords;
}
/** Ids (UUIDs) of uploaded files of one kind; `min` files at seal (default 1 unless optional). */
export interface AttachmentField extends FieldBase {
  type: 'attachment';
  kind: AttachmentKind;
  min?: number;
  max?: number;
  /** Not required at seal (uploaded after sealing, e.g. the stamped receipt). */
  afterSeal?: boolean;
}
/** A nested object of fields. */
export interface GroupField extends FieldBase {
  type: 'group';
  fields: FieldNode[];
}
/** A list of rows, each a group of fields (e.g. `operations.others[]`). */
export interface ListField extends FieldBase {
  type: 'list';
  maxItems: number;
  fields: FieldNode[];
}
/** Read-only value computed by the server; never accepted on input. */
export interface ComputedField extends FieldBase {
  type: 'computed';
  valueType: 'percent' | 'decimal' | 'boolean';
}

export type FieldNode =
  | TextField
  | EssayField
  | IntField
  | DecimalField
  | PercentField
  | YearField
  | DateField
  | EmailField
  | UrlField
  | PhoneField
  | PostcodeField
  | ChoiceField
  | MultiField
  | Pick3Field
  | YesNoField
  | BooleanField
  | AttachmentField
  | GroupField
  | ListField
  | ComputedField;

export type FieldType = FieldNode['type'];

/**
 * Every number the form accepts is finite and bounded, so that nothing computed from it (sums,
 * ratios, KPI gaps) can overflow to Infinity and break a seal. A field declares its own `max`
 * when its meaning gives one (seconds ≤ 10⁶, a percentage ≤ 100, hours a year ≤ 2000); otherwise
 * the type's default applies: counts (int) ≤ 10⁷, other quantities (decimal, incl. money) ≤ 10¹².
 */
export const INT_MAX = 10_000_000;
/** Default length of a yes/no question's detail. */
export const YESNO_DETAIL_MAX = 1000;
export const DECIMAL_MAX = 1_000_000_000_000;
/** Seconds (handle times and the like): ≤ 10⁶, i.e. about 11.5 days. */
export const SECONDS_MAX = 1_000_000;

export interface NumberLimits {
  min: number;
  max: number;
  /** Decimal places allowed. */
  decimals: number;
  /** `min` itself is excluded (decimal `positive`). */
  exclusiveMin?: boolean;
}

/** The limits of a number field, defaults applied: the one source for DTOs, messages and pages. */
export function numberLimits(f: IntField | DecimalField | PercentField | YearField): NumberLimits {
  switch (f.type) {
    case 'int':
      return { min: f.min ?? 0, max: f.max ?? INT_MAX, decimals: 0 };
    case 'decimal':
      return { min: 0, max: f.max ?? DECIMAL_MAX, decimals: 2, ...(f.positive ? { exclusiveMin: true } : {}) };
    case 'percent':
      return { min: 0, max: 100, decimals: 1 };
    case 'year':
      return { min: 1950, max: new Date().getFullYear(), decimals: 0 };
  }
}

/** A problem found in section data: a dotted path inside the section and a message code. */
export interface FieldIssue {
  path: string;
  code: IssueCode;
  /** Values that make the message precise (expected sum, limit, …). */
  params?: Record<string, unknown>;
}

export type IssueCode =
  | 'required'
  | 'invalid'
  | 'unknown_field'
  | 'read_only'
  | 'too_long'
  | 'too_small'
  | 'too_large'
  | 'not_integer'
  | 'too_many_decimals'
  | 'not_in_options'
  | 'duplicate'
  | 'pick3'
  | 'too_many'
  | 'other_required'
  | 'other_not_allowed'
  | 'exclusive'
  | 'detail_required'
  | 'sum_100'
  | 'must_be_true'
  | 'exceeds'
  | 'future_date'
  | 'attachment_kind'
  | 'attachment_missing';

/** Plain JSON object as stored for a section. */
export type SectionData = Record<string, unknown>;

/** Read access to the other sections of the same application (cross-section rules). */
export interface SectionContext {
  section(key: string): SectionData;
}

/**
 * Extra dossier content a section asks for: `distribution-charts` charts its distribution tables
 * (age, education, tenure, …); `kpi-table` prints its indicators as one table with target, actual,
 * met and gap.
 */
export type DossierContribution = 'distribution-charts' | 'kpi-table';

export interface SectionDefinition {
  /** Wire key: `basics`, `strategy`, … */
  key: string;
  /** Position in the form (Part 1 = 1, §1–§10 = 2..11 as the sections group them, receipt = 12, self-assessment = 13). */
  order: number;
  /** Part of the form: 1 basics, 2 management, 3 receipt, 0 optional extras. */
  part: 1 | 2 | 3 | 0;
  title: Label;
  /** Optional sections (selfAssessment) do not count towards completeness. */
  optional?: boolean;
  fields: FieldNode[];
  /**
   * Cross-field rules checked at seal time (sums, comparisons, cross-section conditions).
   * Structural rules every draft must obey (XOther, exclusive codes, pick3 ≤ 3) are derived
   * from the descriptor and need not be written here.
   */
  sealRules?: (data: SectionData, ctx: SectionContext) => FieldIssue[];
  /** Paths that are not required at seal given the data (e.g. ptAttrition when no part-timers). */
  waivedPaths?: (data: SectionData, ctx: SectionContext) => string[];
  /**
   * What blind review rounds hide (spec: workflow-and-judging § Review rounds): dotted paths of
   * fields or groups that identify the company, or `'*'` for the whole section.
   */
  identifying?: string[];
  /**
   * Paths whose values are the entrant's names (company, center), redacted from free text in blind
   * copies wherever they occur. The first one of the first section declaring it names the entrant
   * on the dossier's cover.
   */
  names?: string[];
  /** What the section adds to the dossier beside its fields (rendered by the dossier module). */
  dossier?: DossierContribution[];
  /** Read-only values derived from the data, returned beside it and frozen in the snapshot. */
  compute?: (data: SectionData, ctx: SectionContext) => SectionData;
}
