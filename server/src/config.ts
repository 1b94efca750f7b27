// The environment, parsed once (API.md "Running").
import { z } from 'zod';

const Env = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().url().optional(),
    APP_DATABASE_URL: z.string().url().optional(),
    DATA_DIR: z.string().default('./data'),
    JWT_SECRET: z.string().min(32).optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Set to skip loading the national demo dataset into an empty embedded database. */
    SKIP_DEMO: z
      .enum(['0', '1', 'true', 'false'])
      .default('0')
      .transform((v) => v === '1' || v === 'true'),
    /** Which demo an empty embedded database gets: the national dataset, or two incubators. */
    DEMO_DATASET: z.enum(['national', 'small']).default('national'),
    /**
     * Behind a reverse proxy: `true` (trust every hop), a number of hops, or a comma-separated list
     * of proxy addresses/CIDRs. Unset or `false`: the client address is the socket's.
     */
    TRUST_PROXY: z
      .string()
      .default('false')
      .transform((v): boolean | number | string => {
        if (v === 'true' || v === 'false') return v === 'true';
        return /^\d+$/.test(v) ? Number(v) : v;
      }),
    /** Where invitation and reset mails go out (smtp:// or smtps://); unset: links are only shown. */
    SMTP_URL: z.string().url().optional(),
    /** The From of those mails. */
    MAIL_FROM: z.string().optional(),
    /** Login attempts per minute per client address. */
    LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
    /** The longest one statement may run on PostgreSQL before the request gets a 503. */
    STATEMENT_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    /** Redis for rate limits shared by every instance; unset = each process counts alone. */
    REDIS_URL: z.string().url().optional(),
    /** As-of statistics, exports and imports one user may request per minute. */
    EXPENSIVE_RATE_LIMIT: z.coerce.number().int().positive().default(30),
    /** Event-loop delay (ms) past which the server sheds new requests with a 503. */
    MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().positive().default(1_000),
  })
  .superRefine((env, ctx) => {
    // Elsewhere a missing secret is made at random and kept (modules/auth/jwt-secret.ts).
    if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'JWT_SECRET (32+ characters) is required in production',
      });
    }
  });

export interface Config {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /**
   * The serving pool's login (a role granted torch_app, docs/operations.md); unset: DATABASE_URL's
   * user, switched to torch_app at connect. Migrations always run as DATABASE_URL's user.
   */
  appDatabaseUrl: string | undefined;
  dataDir: string;
  /** Unset outside production: main.ts makes and keeps one (resolveJwtSecret). */
  jwtSecret: string | undefined;
  /** Fastify's trustProxy: which proxies' X-Forwarded-* headers to believe (TRUST_PROXY). */
  trustProxy: boolean | number | string;
  logLevel: string;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  skipDemo: boolean;
  demoDataset: 'national' | 'small';
  loginRateLimit: number;
  statementTimeoutMs: number;
  redisUrl: string | undefined;
  expensiveRateLimit: number;
  maxEventLoopDelayMs: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    production: e.NODE_ENV === 'production',
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    appDatabaseUrl: e.APP_DATABASE_URL,
    dataDir: e.DATA_DIR,
    jwtSecret: e.JWT_SECRET,
    trustProxy: e.TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    skipDemo: e.SKIP_DEMO,
    demoDataset: e.DEMO_DATASET,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
    redisUrl: e.REDIS_URL,
    expensiveRateLimit: e.EXPENSIVE_RATE_LIMIT,
    maxEventLoopDelayMs: e.MAX_EVENT_LOOP_DELAY_MS,
  };
}
