/**
 * Conflicts the server infers (workflow-and-judging.md § Conflicts): the judge's e-mail domain is
 * the organisation's website or contact e-mail domain (free-mail domains never count); the
 * judge's declared employer USCC or group is the organisation's. Pure: the service feeds it rows.
 */

/** Addresses anyone can have: sharing one says nothing about an employer. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'qq.com',
  '163.com',
  '126.com',
  'foxmail.com',
  'sina.com',
  'gmail.com',
  'outlook.com',
]);

export type InferredKind = 'email_domain' | 'employer_uscc' | 'group';

export interface JudgeFacts {
  id: string;
  email: string;
  employerUscc: string | null;
  group: string | null;
}

export interface OrganisationFacts {
  id: string;
  uscc: string | null;
  parentGroup: string | null;
  website: string | null;
  contactEmail: string | null;
}

export interface InferredConflict {
  judgeId: string;
  organisationId: string;
  kind: InferredKind;
  reason: string;
}

/** `https://www.Example.com:443/x` → `example.com`; null when there is no host. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  const host = url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^[^@/]*@/, '')
    .replace(/[/:?#].*$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  return host.includes('.') ? host : null;
}

/** The domain of an e-mail address, lower-case, without a leading `www.`. */
export function emailDomain(email: string | null | undefined): string | null {
  const at = email?.trim().lastIndexOf('@') ?? -1;
  return at < 0 ? null : hostOf(email!.trim().slice(at + 1));
}

const norm = (s: string | null | undefined) => s?.trim().replace(/\s+/g, ' ').toLowerCase() || null;

export function inferConflicts(judges: readonly JudgeFacts[], orgs: readonly OrganisationFacts[]): InferredConflict[] {
  const out: InferredConflict[] = [];
  for (const j of judges) {
    const domain = emailDomain(j.email);
    const ownDomain = domain && !FREE_MAIL_DOMAINS.has(domain) ? domain : null;
    const uscc = j.employerUscc?.trim().toUpperCase() || null;
    const group = norm(j.group);
    for (const o of orgs) {
      const add = (kind: InferredKind, reason: string) => out.push({ judgeId: j.id, organisationId: o.id, kind, reason });
      if (ownDomain && hostOf(o.website) === ownDomain)
        add(
          'email_domain',
          `评审邮箱域名 ${ownDomain} 与单位网站相同 / the judge's e-mail domain ${ownDomain} is the organisation's website`,
        );
      else if (ownDomain && emailDomain(o.contactEmail) === ownDomain)
        add(
          'email_domain',
          `评审邮箱域名 ${ownDomain} 与单位联系人邮箱相同 / the judge's e-mail domain ${ownDomain} is the organisation's contact e-mail domain`,
        );
      if (uscc && o.uscc?.trim().toUpperCase() === uscc)
        add('employer_uscc', `评审任职单位的统一社会信用代码 ${uscc} 即该单位 / the judge's employer USCC ${uscc} is the organisation's`);
      if (group && norm(o.parentGroup) === group)
        add(
          'group',
          `评审所在集团“${j.group!.trim()}”与该单位所属集团相同 / the judge's group “${j.group!.trim()}” is the organisation's group`,
        );
    }
  }
  return out;
}
