-- Search reads role_search (migration 0011): no query filters roles by search_vector or sorts role_stats by
-- salary or openings any more, and these indexes only slowed every write and import.
DROP INDEX "role_stats_salary_desc_key_idx";--> statement-breakpoint
DROP INDEX "role_stats_salary_asc_key_idx";--> statement-breakpoint
DROP INDEX "role_stats_openings_idx";--> statement-breakpoint
DROP INDEX "roles_search_idx";
