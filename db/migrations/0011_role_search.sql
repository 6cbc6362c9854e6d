CREATE TABLE "role_search" (
	"role_id" integer PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"category_slug" text NOT NULL,
	"search_vector" "tsvector" NOT NULL,
	"average_salary" integer,
	"job_openings" integer NOT NULL,
	"degree_requirement_percent" integer
);
--> statement-breakpoint
ALTER TABLE "role_search" ADD CONSTRAINT "role_search_role_id_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "role_search_vector_idx" ON "role_search" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "role_search_title_idx" ON "role_search" USING btree ("title","role_id");--> statement-breakpoint
CREATE INDEX "role_search_category_title_idx" ON "role_search" USING btree ("category_slug","title","role_id");--> statement-breakpoint
CREATE INDEX "role_search_salary_desc_key_idx" ON "role_search" USING btree (coalesce("average_salary", -1),"role_id");--> statement-breakpoint
CREATE INDEX "role_search_salary_asc_key_idx" ON "role_search" USING btree (coalesce("average_salary", 2147483647),"role_id");--> statement-breakpoint
CREATE INDEX "role_search_openings_idx" ON "role_search" USING btree ("job_openings","role_id");--> statement-breakpoint
CREATE INDEX "role_search_degree_idx" ON "role_search" USING btree ("degree_requirement_percent");--> statement-breakpoint
-- Hand-written: role_search holds a row for each published role that has its stats, refreshed from
-- roles and role_stats after every statement that writes either (statement-level, so a bulk load
-- refreshes its roles in one pass rather than a row at a time).
CREATE FUNCTION "roleboard_refresh_role_search"(changed integer[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM role_search WHERE role_id = ANY(changed);
  INSERT INTO role_search (role_id, title, category_slug, search_vector, average_salary, job_openings, degree_requirement_percent)
    SELECT r.id, r.title, r.category_slug, r.search_vector, s.average_salary, s.job_openings, s.degree_requirement_percent
    FROM roles r JOIN role_stats s ON s.role_id = r.id
    WHERE r.id = ANY(changed) AND r.status = 'published';
$$;
--> statement-breakpoint
CREATE FUNCTION "roleboard_role_search_after_roles"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM roleboard_refresh_role_search(ARRAY(SELECT id FROM changed_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "roleboard_role_search_after_role_stats"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM roleboard_refresh_role_search(ARRAY(SELECT role_id FROM changed_rows));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "roles_role_search_insert" AFTER INSERT ON "roles" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION roleboard_role_search_after_roles();
--> statement-breakpoint
CREATE TRIGGER "roles_role_search_update" AFTER UPDATE ON "roles" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION roleboard_role_search_after_roles();
--> statement-breakpoint
CREATE TRIGGER "role_stats_role_search_insert" AFTER INSERT ON "role_stats" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION roleboard_role_search_after_role_stats();
--> statement-breakpoint
CREATE TRIGGER "role_stats_role_search_update" AFTER UPDATE ON "role_stats" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION roleboard_role_search_after_role_stats();
--> statement-breakpoint
INSERT INTO role_search (role_id, title, category_slug, search_vector, average_salary, job_openings, degree_requirement_percent)
  SELECT r.id, r.title, r.category_slug, r.search_vector, s.average_salary, s.job_openings, s.degree_requirement_percent
  FROM roles r JOIN role_stats s ON s.role_id = r.id
  WHERE r.status = 'published';
--> statement-breakpoint
ANALYZE role_search;
