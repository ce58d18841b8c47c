/**
 * A cycle's times live in its zone: staff enter wall-clock times there and read them there,
 * whatever the browser's own zone. Pure (Intl only), so the same answer on every machine.
 */
import type { Lang } from '../i18n';

const PARTS = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;

/** Minutes the zone is ahead of UTC at that instant (480 for Asia/Shanghai). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', ...PARTS }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');
const offsetText = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;

/** "2026-12-31T18:00" read in `zone` → "2026-12-31T18:00:00+08:00" (the API takes ISO-8601 with an offset). */
export function wallToIso(wall: string, zone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wall);
  if (!m) throw new Error(`not a wall time: ${wall}`);
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  let offset = zoneOffsetMinutes(new Date(asUtc), zone);
  const second = zoneOffsetMinutes(new Date(asUtc - offset * 60_000), zone);
  if (second !== offset) offset = second; // near a daylight-saving change the first guess is an hour off
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00${offsetText(offset)}`;
}

/** An instant as the wall clock of `zone` shows it: "YYYY-MM-DDTHH:mm". */
export function isoToWall(iso: string, zone: string): string {
  const at = new Date(iso);
  const local = new Date(at.getTime() + zoneOffsetMinutes(at, zone) * 60_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** Zones named the way people in China say them; others by the browser's long name. */
const ZONE_WORDS: Record<string, [string, string]> = {
  'Asia/Shanghai': ['北京时间', 'Beijing Time'],
  'Asia/Chongqing': ['北京时间', 'Beijing Time'],
  'Asia/Urumqi': ['新疆时间', 'Xinjiang Time'],
  'Asia/Hong_Kong': ['香港时间', 'Hong Kong Time'],
  'Asia/Macau': ['澳门时间', 'Macau Time'],
  'Asia/Taipei': ['台北时间', 'Taipei Time'],
  'Asia/Singapore': ['新加坡时间', 'Singapore Time'],
  'Asia/Tokyo': ['东京时间', 'Tokyo Time'],
  UTC: ['协调世界时', 'Coordinated Universal Time'],
  'Etc/UTC': ['协调世界时', 'Coordinated Universal Time'],
};

export function zoneName(zone: string, lang: Lang): string {
  const words = ZONE_WORDS[zone];
  if (words) return words[lang === 'zh' ? 0 : 1];
  try {
    const part = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: zone, timeZoneName: 'long' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName');
    return part?.value ?? zone;
  } catch {
    return zone;
  }
}

/** "2026年12月31日 18:00（北京时间）" / "31 Dec 2026, 18:00 (Beijing Time)". */
export function formatInZone(iso: string, zone: string, lang: Lang, withZone = true): string {
  const when = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: lang === 'zh' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
  if (!withZone) return when;
  return lang === 'zh' ? `${when}（${zoneName(zone, lang)}）` : `${when} (${zoneName(zone, lang)})`;
}

/** The zones offered when a cycle is created: the usual ones first, then every zone the browser knows. */
export const COMMON_ZONES = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'UTC'];
export function allZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  const known = intl.supportedValuesOf?.('timeZone') ?? [];
  return [...COMMON_ZONES, ...known.filter((z) => !COMMON_ZONES.includes(z))];
}
