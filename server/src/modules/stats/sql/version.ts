// When cached statistics expire: stats_state.version is bumped by the writes that can change a
// statistic, and only by them. Which writes those are is said once, by the row triggers that keep
// the cube exact (drizzle/0004: each fires only when a column its record's events read changed —
// a tenancy's dates, an investment's amount, an approved report's figures, a company's field, an
// incubator's attributes): their functions (stats_apply, stats_cube_add) call stats_changed(). A
// date moved within its year nets to nothing in the cube but still changes an as-of answer, so
// the bump does not wait for a non-empty difference. A website or contact edit fires no row
// trigger and leaves every cached answer valid (docs/statistics.md).

// Once per transaction: the bumps of one transaction all become visible at its commit, and
// thousands of updates of the one row in one transaction would step over each other's versions.
const changed = `CREATE OR REPLACE FUNCTION stats_changed() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('torch.stats_changed', true) IS DISTINCT FROM 'on' THEN
    UPDATE stats_state SET version = version + 1 WHERE id = 1;
    PERFORM set_config('torch.stats_changed', 'on', true);
  END IF;
END;
$$`;

// The statement triggers of 0004/0007 (before any row of a statement on a statistics table) still
// take the stats_state row first, so writers queue there rather than deadlock on cube rows; they
// no longer bump the version themselves (that expired every cached answer on any edit).
const touch = `CREATE OR REPLACE FUNCTION stats_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('torch.stats_changed', true) IS DISTINCT FROM 'on' THEN
    PERFORM 1 FROM stats_state WHERE id = 1 FOR UPDATE;
  END IF;
  RETURN NULL;
END;
$$`;

export const VERSION_STATEMENTS = [changed, touch];
