/**
 * Typed configuration, read from the environment here and nowhere else. `loadConfig` is pure so
 * that tests and CLI tools build one from any env; a bad or missing setting yields one clear line
 * each (main.ts prints them and exits) — never a stack trace.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  publicUrl: string;
  databaseUrl: string;
  redisUrl: string;
  sessionSecret: string;
  sessionTtlHours: number;
  /** How long a resolved session is trusted without asking the database (other instances see a revocation this late). */
  sessionCacheSeconds: number;
  admin?: { email: string; password: string };
  s3: { endpoint?: string; region: string; bucket: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean };
  chromiumPath: string;
  /** Dossier rendering in the worker: Chromium pages printing at once (the worker runs two jobs per page), and how long a job may hold its lock before another worker takes it over. */
  dossiers: { concurrency: number; lockMs: number; renderTimeoutMs: number; renderAttempts: number };
  /** Attachment limits, enforced while the bytes stream in (spec: 20 MB a file, 200 MB an application). */
  uploads: { maxFileBytes: number; maxApplicationBytes: number; downloadUrlSeconds: number };
  smtpUrl?: string;
  /** Sender of platform e-mail. */
  mailFrom: string;
  /** Redis key prefix of the job queues: by default `topten:<database name>`, so deployments sharing a Redis never take each other's jobs (tests give each app its own). */
  queuePrefix: string;
  /** Trust X-Forwarded-* from one proxy hop (rate limits per client IP behind a load balancer). */
  trustProxy: boolean;
  /** Attempts a minute at sign-in, sign-up and password reset, per client address and (sign-in, reset) per e-mail, before 429; counted in Redis. */
  loginRateLimit: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const MB = 1024 * 1024;

/**
 * Two deployments on one Redis with the same prefix consume each other's jobs, and a job run
 * against the wrong database finds no row. The database is what API and worker of one deployment
 * certainly share, so its name is the default prefix (`postgres://…/topten` → `topten:topten`).
 */
export function defaultQueuePrefix(databaseUrl: string): string {
  try {
    const u = new URL(databaseUrl);
    // no path: PostgreSQL takes the user name as the database name
    const name = decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username);
    return name ? `topten:${name}` : 'topten';
  } catch {
    return 'topten'; // a malformed DATABASE_URL is reported on its own
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string, fallback?: string): string => {
    const v = env[name]?.trim();
    if (v) return v;
    if (fallback !== undefined) return fallback;
    problems.push(`${name} is required`);
    return '';
  };
  const int = (name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return n;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return fallback;
  };
  const url = (name: string, value: string, protocols: string[]): string => {
    if (!value) return value;
    try {
      const u = new URL(value);
      if (!protocols.includes(u.protocol)) problems.push(`${name} must start with ${protocols.join(' or ')}//`);
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return value;
  };

  const nodeEnvRaw = env.NODE_ENV ?? 'development';
  const nodeEnv = (['development', 'test', 'production'].includes(nodeEnvRaw) ? nodeEnvRaw : 'development') as AppConfig['nodeEnv'];
  const port = int('PORT', 3000, 0, 65535);
  const databaseUrl = url('DATABASE_URL', str('DATABASE_URL'), ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', str('REDIS_URL', 'redis://127.0.0.1:6379'), ['redis:', 'rediss:']);
  const sessionSecret = str('SESSION_SECRET');
  if (sessionSecret && sessionSecret.length < 32) problems.push('SESSION_SECRET must be at least 32 characters');
  const publicUrl = url('PUBLIC_URL', str('PUBLIC_URL', `http://localhost:${port}`), ['http:', 'https:']);
  const adminEmail = env.ADMIN_EMAIL?.trim();
  const adminPassword = env.ADMIN_PASSWORD ?? '';
  if (adminEmail && adminPassword.length < 12) problems.push('ADMIN_PASSWORD must be at least 12 characters when ADMIN_EMAIL is set');
  if (!adminEmail && adminPassword) problems.push('ADMIN_EMAIL is required when ADMIN_PASSWORD is set');
  const smtpUrl = env.SMTP_URL?.trim() ? url('SMTP_URL', env.SMTP_URL.trim(), ['smtp:', 'smtps:']) : undefined;
  // without a transport the mailer could only log, and password-reset links are secrets
  if (nodeEnv === 'production' && !smtpUrl) problems.push('SMTP_URL is required in production (mail, password-reset links included, is never logged there)');

  const config: AppConfig = {
    nodeEnv,
    port,
    publicUrl,
    databaseUrl,
    redisUrl,
    sessionSecret,
    sessionTtlHours: int('SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365),
    sessionCacheSeconds: int('SESSION_CACHE_SECONDS', 5, 0, 300),
    admin: adminEmail ? { email: adminEmail.toLowerCase(), password: adminPassword } : undefined,
    s3: {
      endpoint: env.S3_ENDPOINT?.trim() || undefined,
      region: str('S3_REGION', 'us-east-1'),
      bucket: str('S3_BUCKET', 'topten'),
      accessKeyId: env.S3_ACCESS_KEY_ID?.trim() || undefined,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY?.trim() || undefined,
      forcePathStyle: bool('S3_FORCE_PATH_STYLE', false),
    },
    chromiumPath: str('CHROMIUM_PATH', '/usr/bin/chromium'),
    dossiers: {
      concurrency: int('DOSSIER_CONCURRENCY', 2, 1, 32),
      lockMs: int('WORKER_LOCK_MS', 30_000, 1000, 600_000),
      renderTimeoutMs: int('DOSSIER_RENDER_TIMEOUT_MS', 60_000, 1000, 600_000),
      // tries per render (exponential backoff from 3 s) before the copy is `failed`
      renderAttempts: int('DOSSIER_RENDER_ATTEMPTS', 5, 1, 20),
    },
    uploads: {
      maxFileBytes: int('UPLOAD_MAX_FILE_MB', 20, 1, 1024) * MB,
      maxApplicationBytes: int('UPLOAD_MAX_APPLICATION_MB', 200, 1, 100_000) * MB,
      downloadUrlSeconds: int('DOWNLOAD_URL_SECONDS', 300, 10, 7 * 24 * 3600),
    },
    smtpUrl,
    mailFrom: str('MAIL_FROM', '中国十佳呼叫中心奖 <noreply@topten.local>'),
    queuePrefix: str('QUEUE_PREFIX', defaultQueuePrefix(databaseUrl)),
    trustProxy: bool('TRUST_PROXY', false),
    loginRateLimit: int('LOGIN_RATE_LIMIT', 10, 1, 10_000),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
