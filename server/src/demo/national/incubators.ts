// The incubators: exactly 534 (× scale) by the end of 2006 with the brochure's type counts, in all
// 31 provinces and all 54 national STIPs, Wuhan East Lake (1987) first; then the growth after 2006.
import { type FieldCode, type IncubatorType, PARKS, PROVINCES } from '@torch/shared';
import { WUHAN_INCUBATOR, ZGC_INCUBATOR } from '../accounts';
import { apportion } from './apportion';
import { dayOf, yearStart } from './calendar';
import { type City, cityOf, cityOfPark, provinceGeo } from './geography';
import { incubatorProfile } from './incubator-profile';
import type { GenIncubator } from './model';
import {
  GENERAL_FOUNDING_WEIGHTS,
  newIncubators,
  SHOWCASE_YEAR,
  SPECIAL_FOUNDING,
  TARGETS_2006,
  TYPE_MIX_AFTER_2006,
} from './plan';
import type { Rng } from './prng';
import { UNIVERSITIES } from './universities';
import type { World } from './world';

interface Slot {
  provinceCode: string;
  type: IncubatorType;
  city?: City;
  parkNumber?: number | null;
  university?: string;
  field?: FieldCode | null;
  fixed?: 'wuhan' | 'zgc';
}

const INTERNATIONAL_CITIES = [
  ['310000', '上海'],
  ['320000', '苏州'],
  ['120000', '天津'],
  ['610000', '西安'],
  ['500000', '重庆'],
  ['510000', '成都'],
  ['420000', '武汉'],
  ['210000', '大连'],
  ['440000', '深圳'],
  ['320000', '南京'],
] as const;

const SPECIALIZED_SITES: readonly (readonly [string, string, FieldCode])[] = [
  ['310000', '上海', 'biomedicine'],
  ['110000', '北京', 'electronic_information'],
  ['440000', '深圳', 'electronic_information'],
  ['320000', '苏州', 'biomedicine'],
  ['420000', '武汉', 'electronic_information'],
  ['120000', '天津', 'new_materials'],
  ['330000', '杭州', 'electronic_information'],
  ['510000', '成都', 'biomedicine'],
  ['610000', '西安', 'aerospace'],
  ['320000', '无锡', 'electronic_information'],
  ['440000', '广州', 'biomedicine'],
  ['430000', '长沙', 'advanced_manufacturing'],
  ['210000', '大连', 'electronic_information'],
  ['370000', '济南', 'new_materials'],
  ['340000', '合肥', 'new_energy'],
];

const SPECIALIZED_FIELDS_AFTER_2006: readonly (readonly [FieldCode, number])[] = [
  ['electronic_information', 30],
  ['biomedicine', 25],
  ['new_materials', 10],
  ['advanced_manufacturing', 10],
  ['new_energy', 8],
  ['high_tech_services', 8],
  ['resources_environment', 5],
  ['modern_agriculture', 3],
  ['aerospace', 1],
];

/** Park number by the Chinese name of its city. */
const PARK_BY_CITY = new Map(PARKS.map((p) => [cityOfPark(p).zh, p.number] as const));

export function generateIncubators(world: World): void {
  const rng = world.rng('incubators');
  const slots = slotsUntil2006(world.scale, rng);
  for (const slot of slots) world.incubators.push(build(world, slot, foundedUntil2006(slot, rng), rng));
  for (let year = SHOWCASE_YEAR + 1; year <= world.lastYear; year++) {
    for (let i = 0; i < newIncubators(year) * world.scale; i++) {
      const slot = slotAfter2006(rng);
      world.incubators.push(build(world, slot, yearStart(year) + rng.int(0, 364), rng));
    }
  }
  world.demo = {
    wuhan: world.incubators.find((x) => x.name === WUHAN_INCUBATOR.name)!,
    zgc: world.incubators.find((x) => x.name === ZGC_INCUBATOR.name)!,
  };
}

function slotsUntil2006(scale: number, rng: Rng): Slot[] {
  const codes = PROVINCES.map((p) => p.code);
  const counts = apportion(
    TARGETS_2006.incubators * scale,
    codes.map((c) => provinceGeo(c).weight),
    1,
  );
  const byProvince = new Map<string, Slot[]>();
  for (const [i, code] of codes.entries()) {
    byProvince.set(
      code,
      Array.from({ length: counts[i]! }, () => ({ provinceCode: code, type: 'general' as IncubatorType })),
    );
  }
  const free = (code: string) =>
    byProvince.get(code)!.filter((s) => s.type === 'general' && !s.fixed && !s.city);
  /** Turns one free general slot into another kind; a province keeps at least one general incubator. */
  const take = (code: string, type: IncubatorType, extra: Partial<Slot>): boolean => {
    const candidates = free(code);
    if (candidates.length < 2) return false;
    Object.assign(candidates[0]!, { type, ...extra });
    return true;
  };

  Object.assign(free('420000')[0]!, {
    fixed: 'wuhan',
    city: cityOf('420000', '武汉'),
    parkNumber: WUHAN_INCUBATOR.parkNumber,
  });
  Object.assign(free('110000')[0]!, {
    fixed: 'zgc',
    type: 'international',
    city: cityOf('110000', '北京'),
    parkNumber: ZGC_INCUBATOR.parkNumber,
  });

  const universities = rng.shuffle([...UNIVERSITIES]);
  for (let made = 0, i = 0; made < TARGETS_2006.universitySciencePark * scale; i++) {
    const u = universities[i % universities.length]!;
    if (
      take(u.provinceCode, 'university_science_park', {
        university: u.name,
        city: cityOf(u.provinceCode, u.city),
      })
    )
      made++;
  }
  for (let made = 1, i = 0; made < TARGETS_2006.international * scale; i++) {
    const [code, city] = INTERNATIONAL_CITIES[i % INTERNATIONAL_CITIES.length]!;
    if (take(code, 'international', { city: cityOf(code, city) })) made++;
  }
  for (let made = 0, i = 0; made < TARGETS_2006.specialized * scale; i++) {
    const [code, city, field] = SPECIALIZED_SITES[i % SPECIALIZED_SITES.length]!;
    if (take(code, 'specialized', { city: cityOf(code, city), field })) made++;
  }
  for (let made = 0; made < TARGETS_2006.returnedScholars * scale; ) {
    const code = rng.weighted(codes.map((c) => [c, Math.max(0, free(c).length - 1) ** 1.2] as const));
    if (take(code, 'returned_scholars', {})) made++;
  }

  // Every national STIP hosts at least one incubator.
  for (const park of PARKS) {
    const inProvince = byProvince.get(park.provinceCode)!;
    if (inProvince.some((s) => s.parkNumber === park.number)) continue;
    const slot = inProvince.find((s) => !s.city && s.type === 'general') ?? inProvince.find((s) => !s.city);
    if (!slot) throw new Error(`no incubator left for park ${park.number}`);
    Object.assign(slot, { city: cityOfPark(park), parkNumber: park.number });
  }
  const all = [...byProvince.values()].flat();
  for (const slot of all) placeInCity(slot, rng);
  // Wuhan East Lake first: the dataset's order is history's order for the fixed two.
  return [
    ...all.filter((s) => s.fixed === 'wuhan'),
    ...all.filter((s) => s.fixed === 'zgc'),
    ...all.filter((s) => !s.fixed),
  ];
}

function placeInCity(slot: Slot, rng: Rng): void {
  const cities = provinceGeo(slot.provinceCode).cities;
  if (!slot.city) {
    // Returned-scholar parks sit in the provincial capital, the first city of the table.
    slot.city =
      slot.type === 'returned_scholars' && rng.chance(0.7)
        ? cities[0]!
        : rng.weighted(cities.map((c) => [c, c.weight] as const));
  }
  if (slot.parkNumber === undefined) {
    const park = PARK_BY_CITY.get(slot.city.zh);
    const inPark = slot.type === 'university_science_park' ? 0.4 : 0.62;
    slot.parkNumber = park !== undefined && rng.chance(inPark) ? park : null;
  }
}

function foundedUntil2006(slot: Slot, rng: Rng): number {
  if (slot.fixed === 'wuhan') return dayOf(WUHAN_INCUBATOR.foundedOn);
  if (slot.fixed === 'zgc') return dayOf(ZGC_INCUBATOR.foundedOn);
  let year: number;
  if (slot.type === 'general') {
    year = rng.weighted(Object.entries(GENERAL_FOUNDING_WEIGHTS).map(([y, w]) => [Number(y), w] as const));
  } else {
    const { from, peak } = SPECIAL_FOUNDING[slot.type];
    year = Math.min(SHOWCASE_YEAR, Math.floor(rng.triangular(from, peak + 0.5, SHOWCASE_YEAR + 1)));
  }
  return yearStart(year) + rng.int(0, 364);
}

function slotAfter2006(rng: Rng): Slot {
  const type = rng.weighted(TYPE_MIX_AFTER_2006);
  const provinceCode = rng.weighted(PROVINCES.map((p) => [p.code, provinceGeo(p.code).weight] as const));
  const slot: Slot = { provinceCode, type };
  if (type === 'specialized') slot.field = rng.weighted(SPECIALIZED_FIELDS_AFTER_2006);
  if (type === 'university_science_park') {
    const hosts = UNIVERSITIES.filter((u) => u.provinceCode === provinceCode);
    if (hosts.length === 0) slot.type = 'general';
    else {
      const u = rng.pick(hosts);
      Object.assign(slot, { university: u.name, city: cityOf(provinceCode, u.city) });
    }
  }
  placeInCity(slot, rng);
  return slot;
}

function build(world: World, slot: Slot, foundedOn: number, rng: Rng): GenIncubator {
  const city = slot.city!;
  const fixed = slot.fixed === 'wuhan' ? WUHAN_INCUBATOR : slot.fixed === 'zgc' ? ZGC_INCUBATOR : null;
  const name = fixed ? { zh: fixed.name, en: fixed.nameEn } : world.names.incubator(slot.type, city, slot);
  if (fixed) world.names.reserveIncubator(fixed.name);
  const profile = incubatorProfile(slot.type, foundedOn, rng);
  const demoProfile =
    slot.fixed === 'wuhan'
      ? {
          level: 'national',
          legalNature: 'public_institution',
          size: 5,
          totalArea: 66_000,
          tenantArea: 52_000,
          publicServiceArea: 8_000,
          fundSize: 80_000_000,
          staffCount: 68,
        }
      : slot.fixed === 'zgc'
        ? {
            level: 'national',
            legalNature: 'enterprise',
            size: 3.5,
            totalArea: 47_000,
            tenantArea: 38_000,
            publicServiceArea: 6_000,
            fundSize: 120_000_000,
            staffCount: 52,
          }
        : null;
  return {
    id: '',
    name: name.zh,
    nameEn: name.en,
    provinceCode: slot.provinceCode,
    city,
    parkNumber: slot.parkNumber ?? null,
    type: slot.type,
    field: slot.type === 'specialized' ? (slot.field ?? 'electronic_information') : null,
    foundedOn,
    ...profile,
    ...(demoProfile as Partial<typeof profile>),
    mentorCount: 0,
    demo: slot.fixed !== undefined,
  };
}
