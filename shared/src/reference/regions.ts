// The Torch yearbook's four regions.
export const REGIONS = ['east', 'central', 'west', 'northeast'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_NAMES: Record<Region, { zh: string; en: string }> = {
  east: { zh: '东部', en: 'East' },
  central: { zh: '中部', en: 'Central' },
  west: { zh: '西部', en: 'West' },
  northeast: { zh: '东北', en: 'Northeast' },
};
