import { z } from 'zod';
import { FIELD_CODES } from '../reference/fields';
import { REGIONS } from '../reference/regions';

export const FieldCodeSchema = z.enum(FIELD_CODES);
export const RegionSchema = z.enum(REGIONS);

/** GB/T 2260 code of a province: six digits ending in 0000. */
export const ProvinceCode = z.string().regex(/^\d{2}0000$/, 'province_code');

export const ProvinceOut = z.object({
  code: z.string(),
  abbr: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  region: RegionSchema,
});
export const ParkOut = z.object({
  number: z.number().int(),
  nameEn: z.string(),
  nameZh: z.string(),
  city: z.string(),
  provinceCode: z.string(),
  website: z.string(),
});
export const FieldOut = z.object({
  code: FieldCodeSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  incubationMonths: z.number().int(),
});
