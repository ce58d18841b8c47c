import { isoInZone, isValidTimeZone } from './zoned-time';

describe('zoned time', () => {
  it('formats an instant with the zone offset', () => {
    expect(isoInZone(new Date('2026-12-31T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-12-31T23:59:59+08:00');
    expect(isoInZone(new Date('2026-07-01T12:00:00Z'), 'Europe/London')).toBe('2026-07-01T13:00:00+01:00');
    expect(isoInZone(new Date('2026-01-01T00:00:00Z'), 'UTC')).toBe('2026-01-01T00:00:00+00:00');
  });
  it('knows IANA zones', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});
