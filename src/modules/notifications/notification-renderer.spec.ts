import { NOTIFICATION_TEXTS } from './notification-texts';
import { renderNotification } from './notification-renderer';

describe('renderNotification', () => {
  it('renders Chinese first, then English, and escapes what users typed', () => {
    const mail = renderNotification('returned', { entryCode: 'TT-ABC234', cycle: '2026 评选', reason: '<script>x</script> 请补充' }, [
      'a@example.com',
    ]);
    expect(mail.subject).toBe('申报被退回修改：TT-ABC234 / Application returned: TT-ABC234');
    expect(mail.html.indexOf('退回原因')).toBeLessThan(mail.html.indexOf('Reason:'));
    expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('退回原因：<script>x</script> 请补充');
  });

  it('has texts for every kind the platform sends', () => {
    for (const kind of ['sealed', 'submitted', 'returned', 'accepted', 'rejected', 'deadline_3d', 'deadline_24h']) {
      expect(NOTIFICATION_TEXTS[kind]).toBeDefined();
      expect(() => renderNotification(kind, { entryCode: 'TT-X', cycle: 'c', sha256: 'h', reason: 'r', deadline: 'd' }, [])).not.toThrow();
    }
  });
});
