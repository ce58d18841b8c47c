/**
 * Typed configuration, read from the environment here and nowhere else (env-reads.spec.ts fails
 * on a `process.env` anywhere else in src/). `loadConfig` is pure so that tests and CLI tools build
 * one from any env; a bad or missing setting yields one clear line each (main.ts prints them and
 * exits) — never a stack trace.
 *
 * `SESSION_SECRET` is listed by shared/spec/api.md but nothing signs with it (sessions are random
 * opaque tokens stored as their SHA-256): it is accepted and ignored.
 */
export const NODE_ENVS = ['development', 'test', 'production'] as const;

/** What every process needs, the CLI tools included (`loadCliConfig`). */
export interface CliConfig {
  /** Unset means development; anything but these three is a configuration problem. */
  nodeEnv: (typeof NODE_ENVS)[number];
  databaseUrl: string;
  /** Connections of this process's PostgreSQL pool. */
  databasePoolSize: number;
}

export interface AppConfig extends CliConfig {
  port: number;
  /** The address the API listens on (`0.0.0.0`: every interface). */
  host: string;
  publicUrl: string;
  redisUrl: string;
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

/** Collects one problem line per bad setting while reading, so every problem is reported at once. */
class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: NodeJS.ProcessEnv) {}

  raw(name: string): string | undefined {
    return this.env[name];
  }

  str(name: string, fallback?: string): string {
    const v = this.env[name]?.trim();
    if (v) return v;
    if (fallback !== undefined) return fallback;
    this.problems.push(`${name} is required`);
    return '';
  }

  int(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return fallback; // so that settings derived from it (PUBLIC_URL from PORT) add no second line
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.env[name]?.trim().toLowerCase();
    if (!raw) return fallback;
    if (['1', 'true', 'yes'].includes(raw)) return true;
    if (['0', 'false', 'no'].includes(raw)) return false;
    this.problems.push(`${name} must be true or false (got "${this.env[name]}")`);
    return fallback;
  }

  url(name: string, value: string, protocols: string[]): string {
    if (!value) return value;
    try {
      const u = new URL(value);
      if (!protocols.includes(u.protocol)) this.problems.push(`${name} must start with ${protocols.join(' or ')}//`);
    } catch {
      this.problems.push(`${name} is not a valid URL`);
    }
    return value;
  }

  oneOf<T extends string>(name: string, options: readonly T[], fallback: T): T {
    const raw = this.env[name]?.trim();
    if (!raw) return fallback;
    if ((options as readonly string[]).includes(raw)) return raw as T;
    this.problems.push(`${name} must be one of ${options.join(', ')} (got "${raw}")`);
    return fallback;
  }

  /** Throws every problem found so far, one line each. */
  done<T>(config: T): T {
    if (this.problems.length) throw new ConfigError(this.problems);
    return config;
  }
}

function readCli(r: EnvReader): CliConfig {
  return {
    nodeEnv: r.oneOf('NODE_ENV', NODE_ENVS, 'development'),
    databaseUrl: r.url('DATABASE_URL', r.str('DATABASE_URL'), ['postgres:', 'postgresql:']),
    databasePoolSize: r.int('DATABASE_POOL_SIZE', 20, 1, 1000),
  };
}

/** The settings of the CLI tools (migrations, seeding, snapshot verification): only what they use. */
export function loadCliConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  const r = new EnvReader(env);
  return r.done(readCli(r));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const r = new EnvReader(env);
  const cli = readCli(r);
  const port = r.int('PORT', 3000, 0, 65535);
  const adminEmail = r.raw('ADMIN_EMAIL')?.trim();
  const adminPassword = r.raw('ADMIN_PASSWORD') ?? '';
  if (adminEmail && adminPassword.length < 12) r.problems.push('ADMIN_PASSWORD must be at least 12 characters when ADMIN_EMAIL is set');
  if (!adminEmail && adminPassword) r.problems.push('ADMIN_EMAIL is required when ADMIN_PASSWORD is set');
  const smtpRaw = r.raw('SMTP_URL')?.trim();
  const smtpUrl = smtpRaw ? r.url('SMTP_URL', smtpRaw, ['smtp:', 'smtps:']) : undefined;
  // without a transport the mailer could only log, and password-reset links are secrets
  if (cli.nodeEnv === 'production' && !smtpUrl)
    r.problems.push('SMTP_URL is required in production (mail, password-reset links included, is never logged there)');

  return r.done<AppConfig>({
    ...cli,
    port,
    host: r.str('HOST', '0.0.0.0'),
    publicUrl: r.url('PUBLIC_URL', r.str('PUBLIC_URL', `http://localhost:${port}`), ['http:', 'https:']),
    redisUrl: r.url('REDIS_URL', r.str('REDIS_URL', 'redis://127.0.0.1:6379'), ['redis:', 'rediss:']),
    sessionTtlHours: r.int('SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365),
    sessionCacheSeconds: r.int('SESSION_CACHE_SECONDS', 5, 0, 300),
    admin: adminEmail ? { email: adminEmail.toLowerCase(), password: adminPassword } : undefined,
    s3: {
      endpoint: r.raw('S3_ENDPOINT')?.trim() || undefined,
      region: r.str('S3_REGION', 'us-east-1'),
      bucket: r.str('S3_BUCKET', 'topten'),
      accessKeyId: r.raw('S3_ACCESS_KEY_ID')?.trim() || undefined,
      secretAccessKey: r.raw('S3_SECRET_ACCESS_KEY')?.trim() || undefined,
      forcePathStyle: r.bool('S3_FORCE_PATH_STYLE', false),
    },
    chromiumPath: r.str('CHROMIUM_PATH', '/usr/bin/chromium'),
    dossiers: {
      concurrency: r.int('DOSSIER_CONCURRENCY', 2, 1, 32),
      lockMs: r.int('WORKER_LOCK_MS', 30_000, 1000, 600_000),
      renderTimeoutMs: r.int('DOSSIER_RENDER_TIMEOUT_MS', 60_000, 1000, 600_000),
      // tries per render (exponential backoff from 3 s) before the copy is `failed`
      renderAttempts: r.int('DOSSIER_RENDER_ATTEMPTS', 5, 1, 20),
    },
    uploads: {
      maxFileBytes: r.int('UPLOAD_MAX_FILE_MB', 20, 1, 1024) * MB,
      maxApplicationBytes: r.int('UPLOAD_MAX_APPLICATION_MB', 200, 1, 100_000) * MB,
      downloadUrlSeconds: r.int('DOWNLOAD_URL_SECONDS', 300, 10, 7 * 24 * 3600),
    },
    smtpUrl,
    mailFrom: r.str('MAIL_FROM', '中国十佳呼叫中心奖 <noreply@topten.local>'),
    queuePrefix: r.str('QUEUE_PREFIX', defaultQueuePrefix(cli.databaseUrl)),
    trustProxy: r.bool('TRUST_PROXY', false),
    loginRateLimit: r.int('LOGIN_RATE_LIMIT', 10, 1, 10_000),
  });
}
