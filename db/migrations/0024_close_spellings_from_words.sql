CREATE TABLE "role_name_words" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
DROP INDEX "roles_alternative_titles_trgm_idx";--> statement-breakpoint
CREATE INDEX "role_name_words_trgm_idx" ON "role_name_words" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
-- Hand-written: the words of published roles' names (title and other names), for correcting
-- search text spelt wrong. Stop words are left out (to_tsvector gives them no lexeme).
CREATE FUNCTION "roleboard_add_name_words"(changed integer[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO role_name_words (word)
    SELECT DISTINCT word
    FROM roles r, regexp_split_to_table(lower(r.title || ' ' || roleboard_titles_text(r.alternative_titles)), '[^[:alpha:]]+') AS word
    WHERE r.id = ANY(changed) AND r.status = 'published' AND word <> '' AND to_tsvector('english', word) <> ''
  ON CONFLICT DO NOTHING;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "roleboard_refresh_role_search"(changed integer[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM role_search WHERE role_id = ANY(changed);
  INSERT INTO role_search (role_id, title, category_slug, search_vector, average_salary, job_openings, degree_requirement_percent, education_rank, title_key, other_name_keys)
    SELECT r.id, r.title, r.category_slug, r.search_vector, s.average_salary, s.job_openings, s.degree_requirement_percent, roleboard_education_rank(s.entry_education),
      roleboard_name_key(r.title), roleboard_name_keys(r.alternative_titles)
    FROM roles r JOIN role_stats s ON s.role_id = r.id
    WHERE r.id = ANY(changed) AND r.status = 'published';
  SELECT roleboard_add_name_words(changed);
$$;
--> statement-breakpoint
-- Search text whose words no role has, corrected word by word: each typed word becomes the names'
-- words closest to it, and a role must have one of each word's. A known word stays itself. Else,
-- of the words that contain it or share enough trigrams with it (pg_trgm's similarity threshold),
-- those it starts if any ("softw": software), else the most similar and those nearly as similar
-- (within 90%: "managre" is manager or managers, not management), at most five. `query` is the
-- full-text query; `corrected` the text with each word's closest, to show people ("registered
-- nurses"). Both NULL when a word has none: nothing is close. Stop words ask nothing, as in
-- plainto_tsquery.
CREATE FUNCTION "roleboard_correct_words"(q text, OUT query tsquery, OUT corrected text) LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
DECLARE
  typed text;
  closest text[];
  alternatives text;
  terms text;
BEGIN
  FOR typed IN SELECT w FROM regexp_split_to_table(lower(q), '[^[:alpha:]]+') WITH ORDINALITY AS split(w, position)
               WHERE w <> '' AND to_tsvector('english', w) <> '' GROUP BY w ORDER BY min(position) LOOP
    IF EXISTS (SELECT 1 FROM role_name_words WHERE word = typed) THEN
      closest := ARRAY[typed];
    ELSE
      SELECT array_agg(word ORDER BY closeness DESC, word) INTO closest
      FROM (SELECT word, closeness FROM (
              SELECT word, starts, closeness, max(starts::int) OVER () AS any_starts, max(closeness) OVER (PARTITION BY starts) AS best
              FROM (SELECT word, word LIKE typed || '%' AS starts, similarity(word, typed) AS closeness
                    FROM role_name_words WHERE word LIKE '%' || typed || '%' OR word % typed) AS candidates) AS scored
            WHERE starts::int = any_starts AND closeness >= 0.9 * best
            ORDER BY closeness DESC, word LIMIT 5) AS close;
    END IF;
    IF closest IS NULL THEN
      query := NULL;
      corrected := NULL;
      RETURN;
    END IF;
    SELECT string_agg(DISTINCT plainto_tsquery('english', word)::text, ' | ') INTO alternatives FROM unnest(closest) AS word;
    terms := coalesce(terms || ' & ', '') || '(' || alternatives || ')';
    corrected := concat_ws(' ', corrected, closest[1]);
  END LOOP;
  query := terms::tsquery;
END
$$;
--> statement-breakpoint
SELECT roleboard_add_name_words(ARRAY(SELECT id FROM roles WHERE status = 'published'));
--> statement-breakpoint
ANALYZE role_name_words;
