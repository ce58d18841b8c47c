import { describeSection } from './form-descriptor';
import { ALL_SECTIONS } from './sections';

type Described = { key: string; fields?: Described[] };

/** Every list of fields at every depth, with its path. */
function lists(fields: Described[], path: string): Array<[string, Described[]]> {
  return [[path, fields], ...fields.flatMap((f) => (f.fields ? lists(f.fields, `${path}.${f.key}`) : []))];
}

describe('GET /api/form descriptor', () => {
  it('lists every field once at every depth (a nested …Other field is not doubled)', () => {
    for (const def of ALL_SECTIONS) {
      for (const [path, fields] of lists(describeSection(def).fields as Described[], def.key)) {
        const keys = fields.map((f) => f.key);
        expect({ path, keys: [...new Set(keys)] }).toEqual({ path, keys });
      }
    }
  });

  it('still declares the nested …Other sibling of a nested choice', () => {
    const basics = describeSection(ALL_SECTIONS.find((s) => s.key === 'basics')!).fields as Described[];
    const center = basics.find((f) => f.key === 'center')!;
    expect(center.fields!.filter((f) => f.key === 'businessTypesOther')).toHaveLength(1);
  });
});
