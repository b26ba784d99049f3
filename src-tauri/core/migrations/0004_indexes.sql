-- Schema change 0004: indexes for the lists at scale (issue 8).
--
-- Every list in the window is one page, sorted, of rows that match its filters. Each index
-- here lets SQLite walk straight to that page for a filter the first schema left to a full
-- scan: it reads the page's rows in order and stops, whatever the size of the case file.
-- Indexes only: no table or row changes, so the hash chain is untouched.

-- The promise ledger with no filter, soonest due first (the ledger's own order).
CREATE INDEX promises_due_order ON promises(due_on, recorded_at, id);
-- "Not in writing" and "disputed": few promises, so partial indexes of just those, in the
-- ledger's order, so the first page is the first rows of the index.
CREATE INDEX promises_not_in_writing ON promises(due_on, recorded_at, id) WHERE in_writing = 0;
CREATE INDEX promises_disputed ON promises(due_on, recorded_at, id) WHERE disputed = 1;

-- The complaint list filtered by severity, newest first.
CREATE INDEX complaints_severity ON complaints(severity, received_at);

-- A customer's newest entry of one kind since a day (the briefing's latest hostile incident,
-- the timeline filtered to e-mails): a seek, not a walk through every entry of the customer
-- since then (16 ms for the busiest customer of a million-entry file without it).
CREATE INDEX events_account_kind ON events(account_id, kind, occurred_at);
