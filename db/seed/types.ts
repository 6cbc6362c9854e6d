// The shape of one hand-written seed role: content plus its current stats, as the role schemas
// take them (optional fields may be left out). The seed validates each role with those schemas.
import type { z } from 'zod';
import type { roleContentSchema, roleStatsSchema } from '@/lib/role-schemas';

export type SeedRole = z.input<typeof roleContentSchema> & { stats: z.input<typeof roleStatsSchema> };
