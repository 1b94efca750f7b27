// A new company as it arrives at an incubator: its field (a specialized incubator's tenants are
// mostly of its field), founders, capital and founding date within the 24-month admission window.
import { type FieldCode, FOUNDER_TRAITS, type FounderTrait } from '@torch/shared';
import { type Day, yearOfDay } from './calendar';
import type { GenCompany, GenIncubator } from './model';
import { ADMISSION_EXCEPTION_SHARE } from './plan';
import type { Rng } from './prng';
import type { World } from './world';

const FIELD_MIX: readonly (readonly [FieldCode, number])[] = [
  ['electronic_information', 34],
  ['biomedicine', 12],
  ['aerospace', 2],
  ['new_materials', 9],
  ['high_tech_services', 10],
  ['new_energy', 7],
  ['resources_environment', 6],
  ['advanced_manufacturing', 12],
  ['modern_agriculture', 4],
  ['other', 4],
];

const EXCEPTION_REASONS = [
  '经孵化器入孵评审委员会特批：核心团队为海外归国人才',
  '企业转型从事高新技术研发，经入孵评审同意入驻',
  '高校科研团队衍生企业，成立后长期处于研发阶段，经评审同意入孵',
  '承担国家科技型中小企业技术创新基金项目，经主管部门同意入孵',
];

export const MOVED_IN_REASON = '从其他孵化器迁入，继续孵化（原入孵期内迁移）';

function field(incubator: GenIncubator, rng: Rng): FieldCode {
  if (incubator.type === 'specialized' && incubator.field && rng.chance(0.85)) return incubator.field;
  if (incubator.type === 'returned_scholars' && rng.chance(0.3))
    return rng.pick(['electronic_information', 'biomedicine'] as const);
  return rng.weighted(FIELD_MIX);
}

function traits(incubator: GenIncubator, year: number, rng: Rng): FounderTrait[] {
  const odds: Record<FounderTrait, number> = {
    returned_scholar: incubator.type === 'returned_scholars' ? 0.85 : 0.07,
    university_student: incubator.type === 'university_science_park' ? 0.35 : year >= 2014 ? 0.14 : 0.05,
    scientist: incubator.type === 'university_science_park' ? 0.3 : 0.08,
    serial_entrepreneur: year >= 2010 ? 0.14 : 0.08,
  };
  return FOUNDER_TRAITS.filter((t) => rng.chance(odds[t]));
}

function capital(year: number, rng: Rng): number {
  const median = year < 2000 ? 500_000 : year < 2014 ? 1_000_000 : 2_000_000;
  return Math.max(30_000, Math.round(rng.logNormal(median, 0.8) / 10_000) * 10_000);
}

/** A company founded for (or shortly before) its admission on `admittedOn`. */
export function newCompany(
  world: World,
  incubator: GenIncubator,
  admittedOn: Day,
  rng: Rng,
): { company: GenCompany; exceptionReason: string | null } {
  const year = yearOfDay(admittedOn);
  const f = field(incubator, rng);
  const integratedCircuit = f === 'electronic_information' && rng.chance(0.12);
  const exception = rng.chance(ADMISSION_EXCEPTION_SHARE);
  // Months before admission: most companies arrive within their first year.
  const months = exception ? 25 + rng.next() * 30 : rng.triangular(0, 5, 23.5);
  const company: GenCompany = {
    id: '',
    uscc: '',
    division: rng.pick(incubator.city.divisions),
    name: world.names.company(incubator.city, f, integratedCircuit),
    foundedOn: admittedOn - Math.round(months * 30.44),
    field: f,
    integratedCircuit,
    registeredCapital: capital(year, rng),
    founderTraits: traits(incubator, year, rng),
    highTechCertifiedOn: null,
    legalRepresentative: world.names.person(),
    reporter: false,
    quality: rng.logNormal(1, 0.6),
    tenancies: [],
    removed: false,
  };
  return { company, exceptionReason: exception ? rng.pick(EXCEPTION_REASONS) : null };
}
