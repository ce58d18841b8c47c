import { describe, expect, it } from 'vitest';
import { formatInZone, isoToWall, wallToIso, zoneName, zoneOffsetMinutes } from './zoned';

describe('cycle time zones', () => {
  it('reads a wall time in the cycle zone, whatever the browser zone', () => {
    expect(wallToIso('2026-12-31T18:00', 'Asia/Shanghai')).toBe('2026-12-31T18:00:00+08:00');
    expect(new Date(wallToIso('2026-12-31T18:00', 'Asia/Shanghai')).toISOString()).toBe('2026-12-31T10:00:00.000Z');
    expect(wallToIso('2026-07-01T09:30', 'Europe/London')).toBe('2026-07-01T09:30:00+01:00');
    expect(wallToIso('2026-01-01T09:30', 'Europe/London')).toBe('2026-01-01T09:30:00+00:00');
    expect(wallToIso('2026-01-01T09:30', 'America/St_Johns')).toBe('2026-01-01T09:30:00-03:30');
  });
  it('shows an instant as the zone shows it', () => {
    expect(isoToWall('2026-12-31T10:00:00Z', 'Asia/Shanghai')).toBe('2026-12-31T18:00');
    expect(isoToWall(wallToIso('2026-03-29T03:15', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-03-29T03:15');
    expect(zoneOffsetMinutes(new Date('2026-06-01T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
  });
  it('names the zone in words', () => {
    expect(zoneName('Asia/Shanghai', 'zh')).toBe('北京时间');
    expect(zoneName('Asia/Shanghai', 'en')).toBe('Beijing Time');
    expect(formatInZone('2026-12-31T10:00:00Z', 'Asia/Shanghai', 'zh')).toBe('2026年12月31日 18:00（北京时间）');
  });
});
