// An incubator's level, legal nature, capacity, areas, fund and staff: plausible for its kind and age.
import type { IncubatorLevel, IncubatorType, LegalNature } from '@torch/shared';
import { type Day, yearOfDay } from './calendar';
import type { Rng } from './prng';

export interface Profile {
  level: IncubatorLevel;
  legalNature: LegalNature;
  /** Relative share of admissions it receives (its capacity). */
  size: number;
  totalArea: number;
  tenantArea: number;
  publicServiceArea: number;
  fundSize: number;
  staffCount: number;
}

const SIZE_FACTOR: Record<IncubatorType, number> = {
  general: 1,
  specialized: 0.8,
  university_science_park: 0.85,
  returned_scholars: 0.9,
  international: 0.9,
};

const round10 = (x: number) => Math.round(x / 10) * 10;

function level(type: IncubatorType, year: number, rng: Rng): IncubatorLevel {
  // University science parks and international incubators are national by ratification.
  if (type === 'university_science_park' || type === 'international') return 'national';
  if (type === 'returned_scholars' || type === 'specialized') {
    return rng.weighted([
      ['national', 45],
      ['provincial', 38],
      ['municipal', 17],
    ]);
  }
  if (year <= 1995)
    return rng.weighted([
      ['national', 60],
      ['provincial', 30],
      ['municipal', 10],
    ]);
  if (year <= 2006)
    return rng.weighted([
      ['national', 26],
      ['provincial', 37],
      ['municipal', 29],
      ['other', 8],
    ]);
  return rng.weighted([
    ['national', 15],
    ['provincial', 35],
    ['municipal', 35],
    ['other', 15],
  ]);
}

export function incubatorProfile(type: IncubatorType, foundedOn: Day, rng: Rng): Profile {
  const year = yearOfDay(foundedOn);
  const size = Math.min(3.5, Math.max(0.3, rng.logNormal(1, 0.5))) * SIZE_FACTOR[type];
  const tenantArea = Math.max(2000, round10(size * 13_000 * (0.85 + rng.next() * 0.35)));
  const totalArea = round10(tenantArea / (0.76 + rng.next() * 0.12));
  const publicServiceArea = round10(Math.min(totalArea - tenantArea, totalArea * (0.06 + rng.next() * 0.08)));
  const fund = size * rng.logNormal(6_000_000, 0.6) * (year < 2000 ? 0.5 : 1);
  const publicShare = type === 'university_science_park' ? 0.2 : year < 2000 ? 0.75 : 0.35;
  return {
    level: level(type, year, rng),
    legalNature: rng.chance(publicShare) ? 'public_institution' : 'enterprise',
    size,
    totalArea,
    tenantArea,
    publicServiceArea,
    fundSize: Math.max(500_000, Math.round(fund / 100_000) * 100_000),
    staffCount: Math.round(6 + size * (6 + rng.next() * 10)),
  };
}
