import { z } from 'zod';

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public base URL used in e-mailed links and the OIDC redirect. */
  PUBLIC_URL: z.string().url().optional(),
  DATABASE_URL: z.string().optional(),
  /** Connections per app process to the PostgreSQL server. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  /** Data directory of the embedded database when DATABASE_URL is not set. */
  DATA_DIR: z.string().default('./var/db'),
  FILES_DIR: z.string().default('./var/files'),
  /** Development mail drop: every mail is written there as .eml when SMTP_URL is not set. */
  MAIL_OUTBOX_DIR: z.string().default('./var/outbox'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('ASSKomm-Plattform <noreply@asskomm.sachsen.example>'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Marks the session cookie Secure. Defaults to on in production. */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load demo users and records into an empty database (never in production). */
  DEMO_DATA: z.enum(['true', 'false']).optional(),
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_LABEL: z.string().default('Anmeldung mit Landes-Login'),
  /** Whom signed-in users ask for a role they lack: the e-mail address of the LPR's platform administration. */
  ADMIN_CONTACT_EMAIL: z.string().email().optional(),
  /** Allow http:// issuers (development and tests only). */
  OIDC_ALLOW_INSECURE: z.enum(['true', 'false']).default('false'),
  /** S3-compatible file storage instead of FILES_DIR (all four must be set). */
  S3_ENDPOINT: z.string().url().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('eu-central-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Optional raster base map under the public map, e.g. https://tiles.example/{z}/{x}/{y}.png. */
  MAP_BASE_TILES: z.string().optional(),
  MAP_BASE_ATTRIBUTION: z.string().default(''),
  /** Key of the keyed hashes (login throttling by client address); required in production. */
  SERVER_SECRET: z.string().min(32, { error: 'SERVER_SECRET must have at least 32 characters.' }).optional(),
  /** Delay unit for logins from an address with many failures (doubles every 10 further failures). */
  LOGIN_SLOWDOWN_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Survey requests per client address and minute (open, save, submit). */
  SURVEY_RATE_LIMIT: z.coerce.number().int().positive().default(60),
  /** Seconds between two mixes of one survey's pool (each takes all answers waiting by then, at least k). */
  SURVEY_MIX_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Brotli/gzip for responses and precompressed static files; off e.g. behind a proxy that compresses. */
  COMPRESSION: z.enum(['on', 'off']).default('on'),
  /** Public answers (figures, map) from the cache that writes invalidate; off computes every request (diagnosis). */
  PUBLIC_CACHE: z.enum(['on', 'off']).default('on'),
  /** Bearer token that opens /metrics (Prometheus); without it /metrics answers 404. */
  METRICS_TOKEN: z.string().min(32, { error: 'METRICS_TOKEN must have at least 32 characters.' }).optional(),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    databaseUrl: e.DATABASE_URL || undefined,
    dbPoolSize: e.DB_POOL_SIZE,
    dataDir: e.DATA_DIR,
    filesDir: e.FILES_DIR,
    s3: e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
      ? { endpoint: e.S3_ENDPOINT, bucket: e.S3_BUCKET, region: e.S3_REGION, accessKeyId: e.S3_ACCESS_KEY_ID, secretAccessKey: e.S3_SECRET_ACCESS_KEY }
      : undefined,
    surveyRateLimit: e.SURVEY_RATE_LIMIT,
    surveyMixIntervalSeconds: e.SURVEY_MIX_INTERVAL_SECONDS,
    compression: e.COMPRESSION === 'on',
    publicCache: e.PUBLIC_CACHE === 'on',
    metricsToken: e.METRICS_TOKEN,
    serverSecret: e.SERVER_SECRET,
    loginSlowdownMs: e.LOGIN_SLOWDOWN_MS,
    mapBase: e.MAP_BASE_TILES ? { tiles: e.MAP_BASE_TILES, attribution: e.MAP_BASE_ATTRIBUTION } : undefined,
    mail: { outboxDir: e.MAIL_OUTBOX_DIR, smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    adminContactEmail: e.ADMIN_CONTACT_EMAIL ?? null,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : production,
    logLevel: e.LOG_LEVEL,
    /** Tests start the job workers only when a job is sent (pg-boss's schema setup takes seconds). */
    lazyJobs: e.NODE_ENV === 'test',
    demoData: production ? false : e.DEMO_DATA !== 'false',
    demoDataRequested: e.DEMO_DATA === 'true',
    oidc: e.OIDC_ISSUER && e.OIDC_CLIENT_ID
      ? { issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID, clientSecret: e.OIDC_CLIENT_SECRET, label: e.OIDC_LABEL, allowInsecure: e.OIDC_ALLOW_INSECURE === 'true' }
      : undefined,
  };
}
