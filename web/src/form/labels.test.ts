import { describe, expect, it } from 'vitest';
import type { FieldNode, Label } from './descriptor';
import { fieldAt, issueText, labelAt, shownAt } from './labels';

const l = (zh: string, en: string): Label => ({ zh, en });
// a small descriptor of the shapes the form has: a group, a list of rows, a yes/no answer
const fields = [
  {
    key: 'enterprise',
    type: 'group',
    label: l('企业信息', 'Enterprise'),
    fields: [{ key: 'name', type: 'text', label: l('名称', 'Name') }],
  },
  { key: 'staff', type: 'list', label: l('人员', 'Staff'), fields: [{ key: 'role', type: 'text', label: l('岗位', 'Role') }] },
  { key: 'bcp', type: 'yesno', label: l('业务连续性计划', 'Business continuity plan') },
] as unknown as FieldNode[];
const zh = (x: Label) => x.zh;

describe('fieldAt', () => {
  it('finds a group member and a list row field', () => {
    expect(fieldAt(fields, 'enterprise.name')?.key).toBe('name');
    expect(fieldAt(fields, 'staff.2.role')?.key).toBe('role');
  });
  it('an unknown path is undefined', () => {
    expect(fieldAt(fields, 'enterprise.nope')).toBeUndefined();
  });
});

describe('labelAt', () => {
  it('names a path by its labels, never its keys; rows by number', () => {
    expect(labelAt(fields, 'enterprise.name', zh)).toBe('企业信息 › 名称');
    expect(labelAt(fields, 'staff.0.role', (x) => x.en)).toBe('Staff › #1 › Role');
  });
  it("a yes/no answer's detail is its 说明", () => {
    expect(labelAt(fields, 'bcp.detail', zh)).toBe('业务连续性计划 › 说明');
  });
  it('keeps the known part of an unknown path; nothing known is a dash', () => {
    expect(labelAt(fields, 'enterprise.gone', zh)).toBe('企业信息');
    expect(labelAt(fields, 'gone', zh)).toBe('—');
  });
});

describe('shownAt / issueText', () => {
  it('a message shows at the longest declared prefix of its path', () => {
    expect(shownAt(fields, 'bcp.detail')).toBe('bcp');
    expect(shownAt(fields, 'enterprise.name')).toBe('enterprise.name');
  });
  it("a rule's words come from the server's catalogue, in the page's language", () => {
    expect(issueText({ code: 'required' }, 'zh')).toBe('必填');
    expect(issueText({ code: 'required' }, 'en')).toBe('required');
  });
});
