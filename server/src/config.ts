// The environment, parsed once (API.md "Running").
import { z } from 'zod';

const DEV_JWT_SECRET = 'torch-dev-secret-not-for-production-use-0000';

const Env = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    DATABASE_URL: z.string().url().optional(),
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
    if (env.NODE_ENV === 'production' && (!env.JWT_SECRET || env.JWT_SECRET === DEV_JWT_SECRET)) {
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
  dataDir: string;
  jwtSecret: string;
  logLevel: string;
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
    dataDir: e.DATA_DIR,
    jwtSecret: e.JWT_SECRET ?? DEV_JWT_SECRET,
    logLevel: e.LOG_LEVEL,
    skipDemo: e.SKIP_DEMO,
    demoDataset: e.DEMO_DATASET,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
    redisUrl: e.REDIS_URL,
    expensiveRateLimit: e.EXPENSIVE_RATE_LIMIT,
    maxEventLoopDelayMs: e.MAX_EVENT_LOOP_DELAY_MS,
  };
}
