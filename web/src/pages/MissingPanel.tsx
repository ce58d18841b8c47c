/**
 * What sealing still needs, grouped by section (the open section first and expanded); each entry
 * is a button that opens its section and focuses the field.
 */
import { Badge, Button, Card, Collapse, List, Typography } from 'antd';
import type { SectionDescriptor } from '../form/descriptor';
import { issueText, labelAt } from '../form/labels';
import { useT } from '../i18n';
import type { Reply } from '../api/client';

export type Issue = Reply<'IssueResponse'>;

export function MissingPanel({
  form,
  issues,
  current,
  goTo,
  bare = false,
}: {
  form: SectionDescriptor[];
  issues: Issue[];
  current: string;
  goTo: (section: string, path: string) => void;
  /** In a drawer (narrow screens): no scroll box of its own, the drawer scrolls. */
  bare?: boolean;
}) {
  const { t, label, lang } = useT();
  const groups = form
    .map((s) => ({ section: s, items: issues.filter((i) => i.section === s.key) }))
    .filter((g) => g.items.length > 0)
    .sort((a, b) => Number(b.section.key === current) - Number(a.section.key === current));

  return (
    <Card
      size="small"
      // in the drawer, the drawer's title says it
      title={bare ? undefined : issues.length ? `${t('missing')} (${issues.length})` : t('missing')}
      bordered={!bare}
      styles={bare ? undefined : { body: { maxHeight: '70vh', overflowY: 'auto' } }}
    >
      {issues.length === 0 ? (
        <Typography.Text type="success">{t('allComplete')}</Typography.Text>
      ) : (
        <Collapse
          size="small"
          ghost
          defaultActiveKey={[current]}
          key={current}
          items={groups.map((g) => ({
            key: g.section.key,
            label: (
              <span>
                {label(g.section.title)} <Badge count={g.items.length} color="orange" />
              </span>
            ),
            children: (
              <List
                size="small"
                dataSource={g.items}
                renderItem={(i) => (
                  <List.Item style={{ paddingInline: 0 }}>
                    <Button
                      type="link"
                      size="small"
                      className="missing-item"
                      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                      title={t('goToField')}
                      onClick={() => goTo(i.section, i.path)}
                    >
                      <span>
                        {labelAt(g.section.fields, i.path, label)}
                        {/* not blank but failing a rule: say which, in the rule's words */}
                        {i.code !== 'required' && (
                          <Typography.Text type="danger" className="missing-why">{` — ${issueText(i, lang)}`}</Typography.Text>
                        )}
                      </span>
                    </Button>
                  </List.Item>
                )}
              />
            ),
          }))}
        />
      )}
    </Card>
  );
}
