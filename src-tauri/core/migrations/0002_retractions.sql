-- Schema v2: follow-ups and lost-revenue entries can be retracted, never deleted.
--
-- A follow-up logged on the wrong promise, or a lost sale typed with one zero too many,
-- must stop counting without disappearing from the record: the row stays, marked with
-- when and why it was retracted, and the hash chain covers the change. Totals and the
-- "N follow-ups, no reply" figures leave retracted rows out.

ALTER TABLE follow_ups ADD COLUMN retracted_at TEXT;
ALTER TABLE follow_ups ADD COLUMN retraction_reason TEXT NOT NULL DEFAULT '';

ALTER TABLE lost_revenue ADD COLUMN retracted_at TEXT;
ALTER TABLE lost_revenue ADD COLUMN retraction_reason TEXT NOT NULL DEFAULT '';
