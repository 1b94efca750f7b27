// The groups of each grouping: their keys in yearbook order and their labels. Presentation only;
// the numbers come from queries.ts.
import {
  type Bilingual,
  FIELDS,
  INCUBATOR_LEVEL_LABELS,
  INCUBATOR_LEVELS,
  INCUBATOR_TYPE_LABELS,
  INCUBATOR_TYPES,
  PARKS,
  PROVINCES,
  REGION_NAMES,
  REGIONS,
  type StatsGrouping,
} from '@torch/shared';

export interface GroupLabel {
  label: string;
  labelEn: string;
}

/** Incubators outside every national STIP are grouped under this park key. */
export const NO_PARK = 'none';

const bilingual = (name: Bilingual): GroupLabel => ({ label: name.zh, labelEn: name.en });

/** Every group of a grouping, in yearbook order, with its label. */
function allGroups(groupBy: StatsGrouping): [string, GroupLabel][] {
  switch (groupBy) {
    case 'province':
      return PROVINCES.map((p) => [p.code, { label: p.nameZh, labelEn: p.nameEn }]);
    case 'region':
      return REGIONS.map((r) => [r, { label: REGION_NAMES[r].zh, labelEn: REGION_NAMES[r].en }]);
    case 'park':
      return [
        ...PARKS.map((p): [string, GroupLabel] => [String(p.number), { label: p.nameZh, labelEn: p.nameEn }]),
        [NO_PARK, { label: '国家高新区外', labelEn: 'Outside national STIPs' }],
      ];
    case 'type':
      return INCUBATOR_TYPES.map((t) => [t, bilingual(INCUBATOR_TYPE_LABELS[t])]);
    case 'level':
      return INCUBATOR_LEVELS.map((l) => [l, bilingual(INCUBATOR_LEVEL_LABELS[l])]);
    case 'field':
      return FIELDS.map((f) => [f.code, { label: f.nameZh, labelEn: f.nameEn }]);
  }
}

const GROUPS = Object.fromEntries(
  (['province', 'region', 'park', 'type', 'level', 'field'] as const).map((g) => [g, new Map(allGroups(g))]),
) as Record<StatsGrouping, Map<string, GroupLabel>>;

export function groupLabel(groupBy: StatsGrouping, key: string): GroupLabel {
  return GROUPS[groupBy].get(key) ?? { label: key, labelEn: key };
}

/** Yearbook order: the reference lists' order; unknown keys last. */
export function sortKeys(groupBy: StatsGrouping, keys: Iterable<string>): string[] {
  const order = [...GROUPS[groupBy].keys()];
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The groups a table shows even when they are empty: every group for the whole country; within a
 * province, the groups it can have. Incubator-scoped tables show only groups with data.
 */
export function expectedKeys(groupBy: StatsGrouping, province: string | null): string[] {
  if (!province) return [...GROUPS[groupBy].keys()];
  switch (groupBy) {
    case 'province':
      return [province];
    case 'region': {
      const region = PROVINCES.find((p) => p.code === province)?.region;
      return region ? [region] : [];
    }
    case 'park':
      return [...PARKS.filter((p) => p.provinceCode === province).map((p) => String(p.number)), NO_PARK];
    default:
      return [...GROUPS[groupBy].keys()];
  }
}
