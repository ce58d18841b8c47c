/**
 * Terse constructors for descriptors, so a section file reads like the spec's table:
 * `text('name', '企业名称', 'Company name')`.
 */
import type {
  AttachmentField,
  AttachmentKind,
  BooleanField,
  ChoiceField,
  ComputedField,
  DateField,
  DecimalField,
  EmailField,
  EssayField,
  FieldNode,
  GroupField,
  IntField,
  Label,
  ListField,
  MultiField,
  Option,
  PercentField,
  PhoneField,
  Pick3Field,
  PostcodeField,
  TextField,
  UrlField,
  YearField,
  YesNoField,
} from './field-types';

type Extra<T> = Partial<Omit<T, 'type' | 'key' | 'label'>>;

export const label = (zh: string, en: string): Label => ({ zh, en });

/** `opt('sales', '销售', 'Sales')` */
export const opt = (code: string, zh: string, en: string): Option => ({ code, label: { zh, en } });

/** The ever-present 其他 option; its presence creates the `<key>Other` sibling text field. */
export const OTHER = opt('other', '其他', 'Other');

const make =
  <T extends FieldNode>(type: T['type']) =>
  (key: string, zh: string, en: string, extra: Extra<T> = {}): T =>
    ({ type, key, label: { zh, en }, ...extra }) as T;

export const text = make<TextField>('text');
export const essay = make<EssayField>('essay');
export const int = make<IntField>('int');
export const decimal = make<DecimalField>('decimal');
export const percent = make<PercentField>('percent');
export const year = make<YearField>('year');
export const date = make<DateField>('date');
export const email = make<EmailField>('email');
export const url = make<UrlField>('url');
export const phone = make<PhoneField>('phone');
export const postcode = make<PostcodeField>('postcode');
export const yesno = make<YesNoField>('yesno');
/** 有 / 没有: the form's words for "do you have …" questions (technology, facilities, dedicated team). */
export const HAVE_WORDS = { yes: { zh: '有', en: 'Yes' }, no: { zh: '没有', en: 'No' } } as const;
/** 有 / 否: the environment section's certification questions (□有:请说明 □否). */
export const HAVE_OR_NOT_WORDS = { yes: { zh: '有', en: 'Yes' }, no: { zh: '否', en: 'No' } } as const;
export const bool = make<BooleanField>('boolean');
export const computed = make<ComputedField>('computed');

export const choice = (key: string, zh: string, en: string, options: Option[], extra: Extra<ChoiceField> = {}): ChoiceField => ({
  type: 'choice',
  key,
  label: { zh, en },
  options,
  ...extra,
});
export const multi = (key: string, zh: string, en: string, options: Option[], extra: Extra<MultiField> = {}): MultiField => ({
  type: 'multi',
  key,
  label: { zh, en },
  options,
  ...extra,
});
export const pick3 = (key: string, zh: string, en: string, options: Option[], extra: Extra<Pick3Field> = {}): Pick3Field => ({
  type: 'pick3',
  key,
  label: { zh, en },
  options,
  ...extra,
});
export const attachment = (
  key: string,
  zh: string,
  en: string,
  kind: AttachmentKind,
  extra: Extra<AttachmentField> = {},
): AttachmentField => ({ type: 'attachment', key, label: { zh, en }, kind, ...extra });
export const group = (key: string, zh: string, en: string, fields: FieldNode[], extra: Extra<GroupField> = {}): GroupField => ({
  type: 'group',
  key,
  label: { zh, en },
  fields,
  ...extra,
});
export const list = (
  key: string,
  zh: string,
  en: string,
  maxItems: number,
  fields: FieldNode[],
  extra: Extra<ListField> = {},
): ListField => ({ type: 'list', key, label: { zh, en }, maxItems, fields, ...extra });
