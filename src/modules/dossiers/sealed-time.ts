import { isoInZone } from '../../common/time/zoned-time';

/** "2026-11-23 14:05 (UTC+08:00)": the sealing moment in the cycle's time zone, as printed. */
export function sealedTimeText(at: Date, timeZone: string): string {
  const iso = isoInZone(at, timeZone); // 2026-11-23T14:05:09+08:00
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  return m ? `${m[1]} ${m[2]} (UTC${m[3] === 'Z' ? '+00:00' : m[3]})` : iso;
}
