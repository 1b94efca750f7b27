// The generated country before it becomes table rows. Dates are day numbers (calendar.ts); ids,
// USCCs and serials are assigned at the very end (ids.ts) so trimming never leaves gaps.
import type {
  ExitReason,
  FieldCode,
  FounderTrait,
  GraduationCriterion,
  IncubatorType,
  InvestmentInstrument,
  InvestorKind,
} from '@torch/shared';
import type { Day } from './calendar';
import type { City } from './geography';
import type { Profile } from './incubator-profile';

/** Its level, legal nature, capacity (`size`), areas, fund and staff (incubator-profile.ts). */
export interface GenIncubator extends Profile {
  id: string;
  name: string;
  nameEn: string | null;
  provinceCode: string;
  city: City;
  parkNumber: number | null;
  type: IncubatorType;
  field: FieldCode | null;
  foundedOn: Day;
  mentorCount: number;
  /** A demo account's incubator: every tenant reports, and its size is fixed. */
  demo: boolean;
}

export interface GenCompany {
  id: string;
  uscc: string;
  /** Division code for the USCC (the city, or a district of a municipality). */
  division: string;
  name: string;
  foundedOn: Day;
  field: FieldCode;
  integratedCircuit: boolean;
  registeredCapital: number;
  founderTraits: FounderTrait[];
  highTechCertifiedOn: Day | null;
  legalRepresentative: string;
  /** Files yearly reports (a share of companies; all of the demo incubators' and the listed). */
  reporter: boolean;
  /** Relative business quality: drives revenue, staff and the odds of financing. */
  quality: number;
  /** Stays in incubators, in order; at most two, never overlapping. */
  tenancies: GenTenancy[];
  removed: boolean;
}

export type TenancyStatus = 'incubating' | 'graduated' | 'exited';

export interface GenTenancy {
  id: string;
  company: GenCompany;
  incubator: GenIncubator;
  admittedOn: Day;
  areaOccupied: number;
  admissionExceptionReason: string | null;
  incubationEndsOn: Day;
  status: TenancyStatus;
  /** The graduation or exit date. */
  endedOn: Day | null;
  exitReason: ExitReason | null;
  graduationCriteria: GraduationCriterion[];
  unverifiedCriteria: GraduationCriterion[];
  graduationEvidence: string | null;
  /** The demo tenant's stay: never trimmed, moved or made overdue. */
  fixed: boolean;
}

export interface GenListing {
  id: string;
  tenancy: GenTenancy;
  exchange: string;
  ticker: string;
  listedOn: Day;
  amountRaised: number;
}

export interface GenInvestment {
  id: string;
  tenancy: GenTenancy;
  investorKind: InvestorKind;
  investorName: string | null;
  instrument: InvestmentInstrument;
  amount: number;
  investedOn: Day;
  round: string | null;
  equityShare: number | null;
  coInvestingVcAmount: number | null;
}

export interface ReportFigures {
  revenue: number;
  netProfit: number;
  rdSpending: number;
  taxesPaid: number;
  exports: number;
  employees: number;
  phdEmployees: number;
  collegeEmployees: number;
  returnedScholarEmployees: number;
  freshGraduatesHired: number;
  ipApplications: number;
  ipGranted: number;
  inventionPatents: number;
  softwareCopyrights: number;
  otherIp: number;
  financingReceived: number;
}

export interface GenMentor {
  id: string;
  incubator: GenIncubator;
  name: string;
  title: string;
  expertise: string;
  email: string;
  mentees: { tenancy: GenTenancy; startedOn: Day }[];
}

export interface GenUser {
  id: string;
  email: string;
  name: string;
  role: 'national' | 'province' | 'incubator_manager' | 'tenant';
  provinceCode: string | null;
  company: GenCompany | null;
  manages: GenIncubator[];
}

export interface GenerateOptions {
  scale: number;
  /** The last full year of history; everything generated is dated on or before its 31 December. */
  lastYear: number;
}
