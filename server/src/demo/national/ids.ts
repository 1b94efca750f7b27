// Ids and USCCs, assigned once the country is final: every table draws its UUIDs from its own
// stream in dataset order, and USCC serials run without gaps from one base, unique nationally.
import { makeUscc } from '../uscc-maker';
import type { World } from './world';

/** Far from the small seed's (7,000,000+) and the test fixtures' (20,000,000+) serials. */
export const USCC_SERIAL_BASE = 1_000_000;

export function assignIds(world: World): void {
  const stream = (table: string) => world.rng(`ids:${table}`);
  const incubators = stream('incubators');
  for (const i of world.incubators) i.id = incubators.uuid();
  const companies = stream('companies');
  const tenants = stream('tenants');
  let serial = USCC_SERIAL_BASE;
  for (const c of world.companies) {
    if (c.removed) continue;
    c.id = companies.uuid();
    c.uscc = makeUscc(c.division, serial++);
    for (const t of c.tenancies) t.id = tenants.uuid();
  }
  for (const [table, rows] of [
    ['listings', world.listings],
    ['investments', world.investments],
    ['mentors', world.mentors],
    ['users', world.users],
  ] as const) {
    const ids = stream(table);
    for (const row of rows) row.id = ids.uuid();
  }
}
