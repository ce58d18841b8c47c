/**
 * One rule set for a value, page and server: every leaf field of the real form (as the server
 * declares it, and as GET /api/form publishes it to the page) gets the same corpus of values —
 * percentages over 100, too many decimals, negatives, 10/11/12-digit mobiles, phones, e-mails
 * (Unicode too), web addresses with and without a scheme, years, numbers with separators, huge
 * numbers, empty strings, USCCs with a bad check character… The server's draft validation
 * (validateDraft: the DTO the PATCH route runs) and the page's inline check (web/src/form/validate.ts,
 * imported as the page bundles it) must find the same issue code for every one, or both none.
 * Any divergence — a rule copied into the page and changed on one side — fails here.
 */
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { problemOf, usccProblem } from '../../web/src/form/validate';
import { validateDraft } from '../../src/form/draft-validation';
import { expandFields, yesNoParts } from '../../src/form/expanded-fields';
import type { FieldNode, SectionDefinition } from '../../src/form/field-types';
import { describeSection } from '../../src/form/form-descriptor';
import { ALL_SECTIONS } from '../../src/form/sections';
import { UpdateOrganisationDto } from '../../src/modules/organisations/organisations.dto';

const year = new Date().getFullYear();
const UUID_A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const UUID_B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** Values any field may be sent. */
const CORPUS: unknown[] = [
  // numbers: limits, decimals, negatives, huge, float noise
  0,
  1,
  -1,
  -0.5,
  0.5,
  1.5,
  5,
  33.3,
  33.33,
  12.25,
  4.123,
  99.9,
  99.95,
  100,
  100.01,
  100.1,
  101,
  130,
  2000,
  2000.5,
  2001,
  1949,
  1950,
  year,
  year + 1,
  1e-7,
  0.1 + 0.2,
  1_000_000,
  1_000_001,
  10_000_000,
  10_000_001,
  1e12,
  1e12 + 1,
  1e21,
  Number.MAX_SAFE_INTEGER,
  -1e21,
  // numbers as text, with separators
  '130',
  '33.33',
  '1,000',
  '1 000',
  '1_000',
  '1e3',
  '١٢٣',
  // empty and blank
  '',
  ' ',
  '   ',
  // mobiles: 10 / 11 / 12 digits, spacing, prefixes, a wrong second digit, outside mainland China
  '1391234567',
  '13912345678',
  '139123456789',
  '139 1234 5678',
  '139-1234-5678',
  '+86 139 1234 5678',
  '+8613912345678',
  '0086 13912345678',
  '8613912345678',
  '12912345678',
  '+86 1391234567',
  '+852 9123 4567',
  '+1 415 555 0100',
  '+86',
  // phones
  '028-8888 6666',
  '+86 (28) 8888-6601',
  '(028)88886666',
  '12345',
  '1234',
  '-----',
  '((((((',
  'call me',
  '1'.repeat(30),
  '1'.repeat(31),
  '010 8888 8888 转 12',
  // e-mails, Unicode included
  'wang@example.com',
  'wang.xiaomei@example-bank.com.cn',
  'wang@',
  'wang@example',
  '@example.com',
  '王晓梅@例子.中国',
  'user@例子.公司',
  'müller@bücher.de',
  'a..b@c.cn',
  '.a@c.cn',
  'a@b.c',
  'a b@c.cn',
  ' wang@example.com',
  'wang@example.com ',
  `${'x'.repeat(65)}@a.cn`,
  'wang@xn--fiqs8s',
  'wang@-bad.cn',
  'wang@example.com.',
  'a"b@c.cn',
  // web addresses, with and without a scheme
  'www.xinghai.cn',
  'xinghai.cn',
  'http://www.xinghai.cn',
  'https://www.xinghai.cn/about?x=1#y',
  'HTTPS://WWW.XINGHAI.CN',
  'https://www.xinghai.cn:8443/path',
  'ftp://www.xinghai.cn',
  'javascript:alert(1)',
  'http://localhost',
  'http://192.168.0.1',
  'https://例子.中国',
  'www',
  'http://',
  'www.xinghai.cn/a b',
  'https://xn--fiqs8s.xn--fiqs8s',
  `https://${'a'.repeat(200)}.cn`,
  // USCC: valid, bad check character, short, lower case
  '91100000100003962T',
  '91100000100003962A',
  '9110000010000396',
  '9144030071526726xg',
  // dates
  '2024-02-29',
  '2025-02-30',
  '2999-01-01',
  '2024-1-1',
  '2024/01/01',
  '1949-10-01',
  // postcodes
  '100001',
  '1000',
  '123456789',
  '10000a',
  '０１２３４５',
  // text lengths, code points
  'x'.repeat(200),
  'x'.repeat(201),
  '字'.repeat(3000),
  '字'.repeat(3001),
  '😀'.repeat(200),
  '😀'.repeat(201),
  `  ${'x'.repeat(200)}  `,
  // other shapes
  true,
  false,
  [],
  ['x'],
  [UUID_A],
  [UUID_A, UUID_A],
  [UUID_A, UUID_B],
  ['not-a-uuid'],
  [1],
  {},
];

/** Values that only make sense for one field: its own option codes, chosen well and badly. */
function extrasFor(f: FieldNode): unknown[] {
  if (f.type === 'attachment')
    return [Array.from({ length: (f.max ?? 20) + 1 }, (_, i) => `${UUID_A.slice(0, -2)}${String(i).padStart(2, '0')}`)];
  if (f.type !== 'choice' && f.type !== 'multi' && f.type !== 'pick3') return [];
  const codes = f.options.map((o) => o.code);
  const exclusive = f.type === 'multi' ? (f.exclusive ?? []) : [];
  return [
    codes[0],
    codes[1],
    'other',
    'none',
    [codes[0]],
    codes.slice(0, 2),
    codes.slice(0, 3),
    codes.slice(0, 4),
    codes,
    [codes[0], codes[0]],
    [...exclusive, codes[0]],
    exclusive,
  ];
}

interface Leaf {
  section: SectionDefinition;
  path: string;
  /** As the server declares it. */
  declared: FieldNode;
  /** As GET /api/form publishes it to the page (JSON: what the page really gets). */
  published: FieldNode;
}

/** Every leaf field of the form with its path (list rows at index 0; `…Other` texts left to their own rule test). */
function leaves(): Leaf[] {
  const out: Leaf[] = [];
  for (const section of ALL_SECTIONS) {
    const published = JSON.parse(JSON.stringify(describeSection(section).fields)) as FieldNode[];
    const walk = (declared: FieldNode[], shown: FieldNode[], prefix: string) => {
      for (const f of declared) {
        const p = shown.find((x) => x.key === f.key)!;
        const path = prefix ? `${prefix}.${f.key}` : f.key;
        if (f.type === 'group' && p.type === 'group') walk(expandFields(f.fields), p.fields, path);
        else if (f.type === 'list' && p.type === 'list') walk(expandFields(f.fields), p.fields, `${path}.0`);
        else if (f.type === 'yesno' && p.type === 'yesno') {
          const [answer, detail] = yesNoParts(f);
          const [pAnswer, pDetail] = yesNoParts(p);
          out.push({ section, path: `${path}.answer`, declared: answer, published: pAnswer });
          out.push({ section, path: `${path}.detail`, declared: detail, published: pDetail });
        } else if (f.type !== 'computed' && !(f.type === 'text' && f.otherOf)) out.push({ section, path, declared: f, published: p });
      }
    };
    walk(expandFields(section.fields), published, '');
  }
  return out;
}

/** A draft holding `value` at `path` only (a list row index is always 0: a one-row list). */
function docWith(path: string, value: unknown): Record<string, unknown> {
  let node: unknown = value;
  for (const part of path.split('.').reverse()) node = /^\d+$/.test(part) ? [node] : { [part]: node };
  return node as Record<string, unknown>;
}

/** Signature of a field's rule: fields that differ only in key and label are tested once. */
const ruleOf = (f: FieldNode) => JSON.stringify({ ...f, key: undefined, label: undefined, help: undefined, optional: undefined });

describe('one rule set: the page and the server agree on every value', () => {
  const all = leaves();
  const seen = new Set<string>();
  const distinct = all.filter((l) => {
    const sig = ruleOf(l.declared);
    return seen.has(sig) ? false : (seen.add(sig), true);
  });

  it('covers every value type of the form', () => {
    const types = new Set(distinct.map((l) => `${l.declared.type}${l.declared.type === 'phone' && l.declared.mobile ? ':mobile' : ''}`));
    for (const t of [
      'text',
      'essay',
      'int',
      'decimal',
      'percent',
      'year',
      'date',
      'email',
      'url',
      'phone',
      'phone:mobile',
      'postcode',
      'choice',
      'multi',
      'pick3',
      'boolean',
      'attachment',
    ])
      expect(types).toContain(t);
  });

  it('finds the same issue code (or none) for every field and value', () => {
    const disagreements: string[] = [];
    let compared = 0;
    for (const leaf of distinct) {
      for (const value of [...CORPUS, ...extrasFor(leaf.declared)]) {
        const server = validateDraft(leaf.section, docWith(leaf.path, value)).find((i) => i.path === leaf.path);
        const page = problemOf(leaf.published, value, (l) => l.zh);
        compared++;
        if (server?.code !== page?.code)
          disagreements.push(
            `${leaf.section.key}.${leaf.path} (${leaf.declared.type}) ${JSON.stringify(value)}: server ${server?.code ?? 'ok'}, page ${page?.code ?? 'ok'}`,
          );
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(2000);
  });

  it('the organisation’s USCC: the same verdict from the API’s DTO and the page', () => {
    const disagreements: string[] = [];
    for (const value of [...CORPUS, '91100000100003962T ', ' 9144030071526726XG', 'I1100000100003962T']) {
      const errors = validateSync(plainToInstance(UpdateOrganisationDto, { uscc: value }), { forbidUnknownValues: true });
      const server = errors.some((e) => e.property === 'uscc');
      const page = usccProblem(value) !== undefined;
      if (server !== page)
        disagreements.push(`${JSON.stringify(value)}: server ${server ? 'refuses' : 'accepts'}, page ${page ? 'refuses' : 'accepts'}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('values the server would change are refused, never rounded: 130 %, 33.33 %, a 10-digit mobile', () => {
    const basics = ALL_SECTIONS.find((s) => s.key === 'basics')!;
    const issue = (path: string, value: unknown) => validateDraft(basics, docWith(path, value)).find((i) => i.path === path);
    expect(issue('staffing.ageDistribution.under25', 130)).toEqual({
      path: 'staffing.ageDistribution.under25',
      code: 'too_large',
      params: { max: 100 },
    });
    expect(issue('staffing.ageDistribution.under25', 33.33)).toEqual({
      path: 'staffing.ageDistribution.under25',
      code: 'too_many_decimals',
      params: { max: 1 },
    });
    expect(issue('staffing.ageDistribution.under25', 33.3)).toBeUndefined();
    expect(issue('contact.mobile', '1391234567')).toMatchObject({ code: 'invalid', params: { format: 'mobile' } });
    expect(issue('contact.mobile', '139 1234 5678')).toBeUndefined();
    expect(issue('enterprise.website', 'www.xinghai.cn')).toBeUndefined();
  });
});
