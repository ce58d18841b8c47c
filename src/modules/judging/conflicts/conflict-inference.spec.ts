import { emailDomain, hostOf, inferConflicts, type JudgeFacts, type OrganisationFacts } from './conflict-inference';

const judge = (over: Partial<JudgeFacts> = {}): JudgeFacts => ({
  id: 'j',
  email: 'li@bank.example.cn',
  employerUscc: null,
  group: null,
  ...over,
});
const org = (over: Partial<OrganisationFacts> = {}): OrganisationFacts => ({
  id: 'o',
  uscc: null,
  parentGroup: null,
  website: null,
  contactEmail: null,
  ...over,
});
const kinds = (j: JudgeFacts, o: OrganisationFacts) => inferConflicts([j], [o]).map((c) => c.kind);

describe('inferred conflicts', () => {
  it('normalises hosts and e-mail domains', () => {
    expect(hostOf('https://WWW.Bank.Example.cn:8443/about?x=1')).toBe('bank.example.cn');
    expect(hostOf('bank.example.cn/')).toBe('bank.example.cn');
    expect(hostOf('localhost')).toBeNull();
    expect(emailDomain(' Wang@Mail.Bank.Example.cn ')).toBe('mail.bank.example.cn');
    expect(emailDomain('nobody')).toBeNull();
  });

  it('the judge’s e-mail domain equals the website or the contact e-mail domain', () => {
    expect(kinds(judge(), org({ website: 'http://www.bank.example.cn' }))).toEqual(['email_domain']);
    expect(kinds(judge(), org({ contactEmail: 'hr@bank.example.cn' }))).toEqual(['email_domain']);
    expect(kinds(judge(), org({ website: 'https://other.example.cn', contactEmail: 'a@other.example.cn' }))).toEqual([]);
  });

  it.each(['qq.com', '163.com', '126.com', 'foxmail.com', 'sina.com', 'gmail.com', 'outlook.com'])('free-mail %s never counts', (d) => {
    expect(kinds(judge({ email: `li@${d}` }), org({ website: `https://${d}`, contactEmail: `hr@${d}` }))).toEqual([]);
  });

  it('same employer USCC, same group (case and spaces aside)', () => {
    expect(kinds(judge({ employerUscc: '91350100m000100y43' }), org({ uscc: '91350100M000100Y43' }))).toEqual(['employer_uscc']);
    expect(kinds(judge({ group: ' 示例  集团 ' }), org({ parentGroup: '示例 集团' }))).toEqual(['group']);
    expect(kinds(judge({ group: '甲集团' }), org({ parentGroup: '乙集团' }))).toEqual([]);
  });

  it('names the reason in Chinese and English', () => {
    const [c] = inferConflicts([judge()], [org({ website: 'bank.example.cn' })]);
    expect(c.reason).toMatch(/bank\.example\.cn.*\/.*website/);
  });
});
