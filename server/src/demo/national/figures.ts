// A company's yearly figures: revenue grows with age and the price level, staff follows revenue,
// young companies lose money, R&D is a healthy share, IP accumulates. Every figure passes the
// shared figure rules (non-negative, sub-counts within employees).
import type { FieldCode } from '@torch/shared';
import { yearOfDay, yearStart } from './calendar';
import type { GenCompany, ReportFigures } from './model';
import type { Rng } from './prng';

const FIELD_FACTOR: Record<FieldCode, number> = {
  electronic_information: 1,
  biomedicine: 0.7,
  aerospace: 1.2,
  new_materials: 1.1,
  high_tech_services: 0.8,
  new_energy: 1.1,
  resources_environment: 0.9,
  advanced_manufacturing: 1.3,
  modern_agriculture: 0.8,
  other: 0.9,
};

const BASE_REVENUE = 350_000;
const round1000 = (x: number) => Math.round(x / 1000) * 1000;

/** Nominal price level, 1 in 2006. */
const priceLevel = (year: number) => 1.07 ** (year - 2006);

/** Revenue before noise: what `quality` 1 earns in `year`. */
export function expectedRevenue(company: GenCompany, year: number): number {
  const founded = yearOfDay(company.foundedOn);
  const age = year - founded;
  const firstYearShare = age === 0 ? Math.max(0.35, 1 - (company.foundedOn - yearStart(founded)) / 365) : 1;
  return (
    BASE_REVENUE *
    FIELD_FACTOR[company.field] *
    priceLevel(year) *
    (1 + Math.max(0, age)) ** 1.25 *
    firstYearShare
  );
}

/** Noise never takes revenue below this share of the expected figure. */
export const REVENUE_NOISE_FLOOR = 0.8;

/** The running totals a company carries from one report to the next. */
export interface FigureState {
  inventionPatents: number;
  softwareCopyrights: number;
  otherIp: number;
  exporter: boolean;
}

export function newFigureState(company: GenCompany, rng: Rng): FigureState {
  return {
    inventionPatents: 0,
    softwareCopyrights: 0,
    otherIp: 0,
    exporter: rng.chance(0.12 + 0.08 * Math.min(2, company.quality)),
  };
}

export function yearFigures(
  company: GenCompany,
  year: number,
  financing: number,
  state: FigureState,
  rng: Rng,
): ReportFigures {
  const u = (min: number, max: number) => min + rng.next() * (max - min);
  const age = year - yearOfDay(company.foundedOn);
  const revenue = round1000(expectedRevenue(company, year) * company.quality * u(REVENUE_NOISE_FLOOR, 1.2));
  const perEmployee = 160_000 * priceLevel(year) * u(0.7, 1.3);
  const employees = Math.min(3000, Math.round(revenue / perEmployee) + rng.int(2, 6));
  const returned = company.founderTraits.includes('returned_scholar');
  const margin = age <= 2 ? u(-0.6, 0.08) : u(-0.2, 0.22);
  const applications = rng.int(0, 1 + Math.floor(employees / 8));
  const granted = rng.int(0, Math.floor(applications * 0.7) + (age >= 2 ? 1 : 0));
  const inventions = Math.floor(granted * u(0.2, 0.5));
  state.inventionPatents += inventions;
  state.otherIp += granted - inventions;
  const software = company.field === 'electronic_information' || company.field === 'high_tech_services';
  state.softwareCopyrights += software
    ? rng.int(0, 2 + Math.floor(employees / 20))
    : rng.chance(0.15)
      ? 1
      : 0;
  return {
    revenue,
    netProfit: round1000(revenue * margin),
    rdSpending: round1000(revenue * u(0.05, 0.25) * (company.field === 'biomedicine' ? 1.6 : 1)),
    taxesPaid: round1000(revenue * u(0.015, 0.07)),
    exports: state.exporter ? round1000(revenue * u(0.05, 0.4)) : 0,
    employees,
    phdEmployees: Math.floor(employees * u(0, company.founderTraits.includes('scientist') ? 0.15 : 0.06)),
    collegeEmployees: Math.round(employees * u(0.45, 0.9)),
    returnedScholarEmployees: Math.floor(employees * (returned ? u(0.05, 0.3) : u(0, 0.03))),
    freshGraduatesHired: Math.floor(employees * u(0, 0.25)),
    ipApplications: applications,
    ipGranted: granted,
    inventionPatents: state.inventionPatents,
    softwareCopyrights: state.softwareCopyrights,
    otherIp: state.otherIp,
    financingReceived: financing,
  };
}
