import { z } from 'zod';
import { IsoDate, PastDate, Yuan } from './common';
import { Exchange } from './enums';

export const ListingCreate = z.strictObject({
  exchange: Exchange,
  /** As the exchange prints it: 688981, 0700, BIDU ... */
  ticker: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z.-]{1,12}$/, 'ticker'),
  listedOn: PastDate,
  /** Zero for a listing that raised nothing (an introduction, a NEEQ quotation). */
  amountRaised: Yuan,
});
export type ListingCreate = z.infer<typeof ListingCreate>;

export const Listing = z.object({
  id: z.uuid(),
  tenantId: z.uuid(),
  companyId: z.uuid(),
  /** The incubator of the tenancy it was recorded under: whose "listed" count it is in. */
  incubatorId: z.uuid(),
  exchange: Exchange,
  ticker: z.string(),
  listedOn: IsoDate,
  amountRaised: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Listing = z.infer<typeof Listing>;
