// The only reader of process.env. Typed and validated at boot; a bad value fails fast with the
// setting's name.
import { resolve } from 'node:path';
import { z } from 'zod';

const positiveInt = z.coerce.number().int().positive();

const schema = z.object({
  LEDE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LEDE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LEDE_FETCH_ALLOW: z.string().default(''),
  LEDE_PUBLIC_URL: z.string().url().optional(),
  LEDE_CONTACT_URL: z.string().default('https://github.com/lede-news/lede'),
  LEDE_FETCH_CONCURRENCY: positiveInt.default(16),
  LEDE_FETCH_PER_HOST: positiveInt.default(2),
  LEDE_FETCH_TIMEOUT_MS: positiveInt.default(30_000),
  LEDE_WORKERS: positiveInt.default(4),
  LEDE_CLUSTER_WINDOW_HOURS: positiveInt.default(72),
  LEDE_SITE_NAME: z.string().default('Lede'),
  SMTP_URL: z.string().url().optional(),
  LEDE_MAIL_FROM: z.string().default('Lede <no-reply@localhost>'),
  LEDE_SESSION_SECRET: z.string().min(32).optional(),
  LEDE_TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('false'),
});

export interface Config {
  dataDir: string;
  databaseUrl: string | null;
  port: number;
  host: string;
  logLevel: z.infer<typeof schema>['LEDE_LOG_LEVEL'];
  /** CIDRs or host names that may be fetched although private/loopback */
  fetchAllow: string[];
  publicUrl: string | null;
  contactUrl: string;
  fetchConcurrency: number;
  fetchPerHost: number;
  fetchTimeoutMs: number;
  workers: number;
  clusterWindowHours: number;
  siteName: string;
  /** smtp(s)://user:pass@host:port for password-reset mail; unset = the link goes to the log */
  smtpUrl: string | null;
  mailFrom: string;
  /** keys CSRF tokens of signed-out forms; unset = a random secret kept in the store */
  sessionSecret: string | null;
  /** trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy */
  trustProxy: boolean;
}

export class ConfigError extends Error {}

/** Reads the configuration; `overrides` (from CLI flags) win over the environment. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<Config> = {},
): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid setting ${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  const config: Config = {
    dataDir: resolve(e.LEDE_DATA_DIR),
    databaseUrl: e.DATABASE_URL?.trim() || null,
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LEDE_LOG_LEVEL,
    fetchAllow: e.LEDE_FETCH_ALLOW.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    publicUrl: e.LEDE_PUBLIC_URL ?? null,
    contactUrl: e.LEDE_CONTACT_URL,
    fetchConcurrency: e.LEDE_FETCH_CONCURRENCY,
    fetchPerHost: e.LEDE_FETCH_PER_HOST,
    fetchTimeoutMs: e.LEDE_FETCH_TIMEOUT_MS,
    workers: e.LEDE_WORKERS,
    clusterWindowHours: e.LEDE_CLUSTER_WINDOW_HOURS,
    siteName: e.LEDE_SITE_NAME,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.LEDE_MAIL_FROM,
    sessionSecret: e.LEDE_SESSION_SECRET ?? null,
    trustProxy: e.LEDE_TRUST_PROXY === '1' || e.LEDE_TRUST_PROXY === 'true',
  };
  return { ...config, ...overrides, dataDir: resolve(overrides.dataDir ?? config.dataDir) };
}
