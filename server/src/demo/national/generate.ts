// generateNationalDataset: the whole demo country in memory, deterministic for a scale and a
// last year (no clock, no Math.random). Loading is separate (load.ts), so the same rows can be
// hashed, inspected or written to any database.
import { generateAdmissions } from './admissions';
import { addDemoTenant, addDemoUsers, DEMO_COMPANY_NAME } from './demo-accounts';
import { makeExact2006 } from './exact-2006';
import { assignGraduationCriteria } from './graduation';
import { assignIds } from './ids';
import { generateIncubators } from './incubators';
import { generateInvestments } from './investments';
import { generateListings } from './listings';
import { generateMentors } from './mentors';
import type { GenerateOptions } from './model';
import { generateMoves } from './moves';
import { generateOverdue } from './overdue';
import { MIN_LAST_YEAR } from './plan';
import { planReports } from './reports';
import { World } from './world';

export type GenerationPhase = (typeof PHASES)[number];
const PHASES = [
  'incubators',
  'admissions',
  'exact 2006',
  'moves',
  'graduations',
  'listings',
  'investments',
  'reports',
  'mentors',
] as const;

export function validateOptions(options: GenerateOptions): void {
  if (!Number.isInteger(options.scale) || options.scale < 1 || options.scale > 100)
    throw new Error('scale must be an integer from 1 to 100');
  if (!Number.isInteger(options.lastYear) || options.lastYear < MIN_LAST_YEAR)
    throw new Error(`lastYear must be a year from ${MIN_LAST_YEAR}`);
}

export function generateNationalDataset(
  options: GenerateOptions,
  onPhase: (phase: GenerationPhase, index: number, of: number) => void = () => {},
): World {
  validateOptions(options);
  const world = new World(options);
  const step = (phase: GenerationPhase, run: () => void) => {
    onPhase(phase, PHASES.indexOf(phase), PHASES.length);
    run();
  };
  world.names.reserveCompany(DEMO_COMPANY_NAME);
  step('incubators', () => generateIncubators(world));
  step('admissions', () => generateAdmissions(world));
  step('exact 2006', () => makeExact2006(world));
  step('moves', () => {
    generateMoves(world);
    generateOverdue(world);
    addDemoTenant(world);
  });
  step('graduations', () => assignGraduationCriteria(world));
  step('listings', () => generateListings(world));
  step('investments', () => generateInvestments(world));
  const reviewers = addDemoUsers(world);
  step('reports', () => {
    world.reportPlan = planReports(world, reviewers);
  });
  step('mentors', () => generateMentors(world));
  assignIds(world);
  return world;
}
