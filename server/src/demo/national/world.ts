// The state the generation phases share: options, the horizon, named random streams and what
// has been generated so far.
import { type Day, yearEnd } from './calendar';
import type {
  GenCompany,
  GenerateOptions,
  GenIncubator,
  GenInvestment,
  GenListing,
  GenMentor,
  GenTenancy,
  GenUser,
} from './model';
import { NameBook } from './names';
import { SEED } from './plan';
import { Rng } from './prng';
import type { ReportPlan } from './reports';

export class World {
  readonly scale: number;
  readonly lastYear: number;
  /** 31 December of the last full year: nothing is dated after it. */
  readonly horizon: Day;
  readonly names: NameBook;
  incubators: GenIncubator[] = [];
  companies: GenCompany[] = [];
  listings: GenListing[] = [];
  investments: GenInvestment[] = [];
  /** Who reports for which years; the rows themselves are generated while written. */
  reportPlan!: ReportPlan;
  mentors: GenMentor[] = [];
  users: GenUser[] = [];
  /** Graduations whose criterion the later phases must back with records (investments, revenue). */
  readonly needsInvestment = new Set<GenTenancy>();
  readonly needsRevenue = new Set<GenTenancy>();
  /** The demo accounts' incubators and the demo tenant's stay. */
  demo!: { wuhan: GenIncubator; zgc: GenIncubator; tenant?: GenTenancy };

  constructor(options: GenerateOptions) {
    this.scale = options.scale;
    this.lastYear = options.lastYear;
    this.horizon = yearEnd(options.lastYear);
    this.names = new NameBook(this.rng('names'));
  }

  /** A fresh random stream for one phase; the same name always gives the same stream. */
  rng(name: string): Rng {
    return Rng.stream(SEED, name);
  }

  /** Every stay of every company that is still part of the dataset. */
  *tenancies(): Generator<GenTenancy> {
    for (const company of this.companies) {
      if (company.removed) continue;
      yield* company.tenancies;
    }
  }
}
