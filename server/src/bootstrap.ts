// `pnpm bootstrap --email a@b.cn --name 张三`: creates the first national user of a new
// installation (production has no demo accounts). The password comes from BOOTSTRAP_PASSWORD or
// is asked for on the terminal, never from the command line (it would land in shell history).
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from './audit';
import { loadConfig } from './config';
import { openDb } from './db/client';
import { migrateDb } from './db/migrate';
import { users } from './db/schema/index';
import { hashPassword } from './modules/auth/passwords';

const Args = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(60),
  password: z.string().min(12, 'the password needs at least 12 characters'),
});

async function readPassword(): Promise<string> {
  if (process.env.BOOTSTRAP_PASSWORD) return process.env.BOOTSTRAP_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Password for the national user (12+ characters): ');
  rl.close();
  return answer;
}

async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const args = Args.safeParse({
    email: values.email,
    name: values.name ?? values.email,
    password: await readPassword(),
  });
  if (!args.success) {
    console.error(
      `Usage: pnpm bootstrap --email <email> [--name <name>]\n${args.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
    process.exit(2);
  }
  const config = loadConfig();
  const database = await openDb({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDb(database);
    const db = database.db;
    const [existing] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.role, 'national'))
      .limit(1);
    if (existing) {
      console.error('A national user already exists; bootstrap only creates the first one.');
      process.exit(1);
    }
    const passwordHash = await hashPassword(args.data.password);
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ email: args.data.email, name: args.data.name, role: 'national', passwordHash })
        .returning({ id: users.id });
      await writeAudit(tx, {
        userId: null,
        action: 'user.bootstrap',
        entity: 'user',
        entityId: row!.id,
        after: { email: args.data.email, role: 'national' },
      });
    });
    console.log(`Created the national user ${args.data.email}.`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
