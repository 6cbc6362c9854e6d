ALTER TABLE "role_search" ADD COLUMN "title_key" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "role_search" ADD COLUMN "other_name_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
-- Hand-written: a name as the set of its words' English stems, sorted and joined by spaces, so that
-- singular and plural, word order, "and"/"&" and punctuation make no difference ("Data Scientist",
-- "scientists, data" and "Data Scientists" are all 'data scientist'). Search text is keyed the same
-- way (db/role-reads.ts, nameMatch): a search whose key is a role's title key or one of its other
-- names' keys names that role. "All other" is kept as one word (both are stop words): BLS's
-- catch-alls ("Engineers, All Other") are named by their whole title, not by "engineer".
CREATE FUNCTION "roleboard_name_key"(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_to_string(tsvector_to_array(to_tsvector('english'::regconfig, regexp_replace(coalesce(name, ''), '\mall\s+other\M', 'allother', 'gi'))), ' ')
$$;
--> statement-breakpoint
CREATE FUNCTION "roleboard_name_keys"(names text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT key ORDER BY key), '{}') FROM (SELECT roleboard_name_key(name) AS key FROM unnest(names) AS name) AS keys WHERE key <> ''
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "roleboard_refresh_role_search"(changed integer[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM role_search WHERE role_id = ANY(changed);
  INSERT INTO role_search (role_id, title, category_slug, search_vector, average_salary, job_openings, degree_requirement_percent, education_rank, title_key, other_name_keys)
    SELECT r.id, r.title, r.category_slug, r.search_vector, s.average_salary, s.job_openings, s.degree_requirement_percent, roleboard_education_rank(s.entry_education),
      roleboard_name_key(r.title), roleboard_name_keys(r.alternative_titles)
    FROM roles r JOIN role_stats s ON s.role_id = r.id
    WHERE r.id = ANY(changed) AND r.status = 'published';
$$;
--> statement-breakpoint
UPDATE role_search rs SET title_key = roleboard_name_key(r.title), other_name_keys = roleboard_name_keys(r.alternative_titles) FROM roles r WHERE r.id = rs.role_id;
--> statement-breakpoint
ANALYZE role_search;
