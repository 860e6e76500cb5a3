CREATE TABLE "data_versions" (
	"source" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Statement trigger (immediate): remembers, for this transaction only, which tracked tables it changed.
-- A TRUNCATE fires no row trigger, so it bumps at once.
CREATE OR REPLACE FUNCTION data_versions_touch() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE data_versions SET version = version + 1 WHERE source = TG_TABLE_NAME;
  ELSE
    PERFORM set_config('asskomm.touched_tables', coalesce(current_setting('asskomm.touched_tables', true), '') || ',' || TG_TABLE_NAME, true);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- Deferred row trigger: fires at commit, once per changed row; the first bumps every table the transaction
-- changed, locking their counters in name order (so two committing transactions never deadlock), the rest
-- find nothing left to do. A statement that changed no row queues no event and bumps nothing.
CREATE OR REPLACE FUNCTION data_versions_bump() RETURNS trigger AS $$
DECLARE
  touched text[] := string_to_array(trim(BOTH ',' FROM coalesce(current_setting('asskomm.touched_tables', true), '')), ',');
BEGIN
  IF coalesce(array_length(touched, 1), 0) = 0 THEN RETURN NULL; END IF;
  PERFORM set_config('asskomm.touched_tables', '', true);
  PERFORM 1 FROM data_versions WHERE source = ANY (touched) ORDER BY source FOR UPDATE;
  UPDATE data_versions SET version = version + 1 WHERE source = ANY (touched);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
