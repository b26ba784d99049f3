-- Schema v1: the whole Casefile domain.
--
-- Conventions (see docs/schema.md):
--   ids           TEXT, UUID v7 (time-ordered, so inserts stay at the end of indexes)
--   instants      TEXT, RFC 3339 UTC with a Z: 2026-03-04T09:15:00Z (sorts as text)
--   plain dates   TEXT, YYYY-MM-DD (due dates, transfer dates)
--   precision     exact | day | month | approximate, next to every "occurred" time
--   money         *_minor INTEGER minor units + *_currency TEXT ISO 4217; never REAL
--   recorded_at   set by the core when a row is written; nothing edits it
-- Evidence rows (events, promises, complaints, remedies ...) are never deleted:
-- corrections supersede, retractions mark, and a hash chain covers them.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL            -- JSON
) STRICT;

CREATE TABLE people (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    side          TEXT NOT NULL CHECK (side IN ('internal', 'external')),
    role          TEXT NOT NULL DEFAULT '',
    organisation  TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    manager_id    TEXT REFERENCES people(id),   -- their superior: who to copy, who to escalate to
    is_me         INTEGER NOT NULL DEFAULT 0 CHECK (is_me IN (0, 1)),
    notes         TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX people_name ON people(name COLLATE NOCASE);

CREATE TABLE accounts (
    id                   TEXT PRIMARY KEY,
    name                 TEXT NOT NULL CHECK (length(trim(name)) > 0),
    segment              TEXT NOT NULL DEFAULT '',
    annual_value_minor   INTEGER CHECK (annual_value_minor >= 0),
    annual_value_currency TEXT,
    communicator_id      TEXT REFERENCES people(id),   -- the single person who speaks to this customer
    notes                TEXT NOT NULL DEFAULT '',
    created_at           TEXT NOT NULL,
    updated_at           TEXT NOT NULL,
    CHECK ((annual_value_minor IS NULL) = (annual_value_currency IS NULL))
) STRICT;
CREATE INDEX accounts_name ON accounts(name COLLATE NOCASE);

CREATE TABLE contacts (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts(id),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    title       TEXT NOT NULL DEFAULT '',
    email       TEXT NOT NULL DEFAULT '',
    phone       TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX contacts_account ON contacts(account_id, name);

CREATE TABLE account_transfers (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts(id),
    from_person_id  TEXT REFERENCES people(id),
    to_person_id    TEXT NOT NULL REFERENCES people(id),
    transferred_on  TEXT NOT NULL,
    reason          TEXT NOT NULL DEFAULT '',
    recorded_at     TEXT NOT NULL
) STRICT;
CREATE INDEX account_transfers_account ON account_transfers(account_id, transferred_on);

CREATE TABLE promises (
    id                  TEXT PRIMARY KEY,
    made_by_id          TEXT NOT NULL REFERENCES people(id),
    account_id          TEXT NOT NULL REFERENCES accounts(id),
    contact_id          TEXT REFERENCES contacts(id),
    made_at             TEXT NOT NULL,
    made_at_precision   TEXT NOT NULL CHECK (made_at_precision IN ('exact', 'day', 'month', 'approximate')),
    channel             TEXT NOT NULL CHECK (channel IN ('call', 'meeting', 'email', 'chat', 'in_person')),
    in_writing          INTEGER NOT NULL DEFAULT 0 CHECK (in_writing IN (0, 1)),
    in_writing_since    TEXT,                       -- date it was first confirmed in writing
    what                TEXT NOT NULL CHECK (length(trim(what)) > 0),
    due_on              TEXT NOT NULL,              -- the current due date
    original_due_on     TEXT NOT NULL,
    resources           TEXT NOT NULL DEFAULT '',
    success_criteria    TEXT NOT NULL DEFAULT '',
    value_minor         INTEGER CHECK (value_minor >= 0),
    value_currency      TEXT,
    status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'kept', 'broken', 'withdrawn')),
    closed_on           TEXT,                       -- the date it was kept, broken or withdrawn
    outcome_reason      TEXT NOT NULL DEFAULT '',
    withdrawn_by_id     TEXT REFERENCES people(id),
    disputed            INTEGER NOT NULL DEFAULT 0 CHECK (disputed IN (0, 1)),
    recorded_at         TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    CHECK ((value_minor IS NULL) = (value_currency IS NULL)),
    CHECK ((status = 'open') = (closed_on IS NULL))
) STRICT;
CREATE INDEX promises_due ON promises(status, due_on);
CREATE INDEX promises_account ON promises(account_id, due_on);
CREATE INDEX promises_made_by ON promises(made_by_id, due_on);

-- Every due date a promise has had: the first row is the original, later rows are renegotiations.
CREATE TABLE promise_due_dates (
    id           TEXT PRIMARY KEY,
    promise_id   TEXT NOT NULL REFERENCES promises(id),
    due_on       TEXT NOT NULL,
    agreed_on    TEXT NOT NULL,
    agreed_with  TEXT NOT NULL DEFAULT '',
    reason       TEXT NOT NULL DEFAULT '',
    recorded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX promise_due_dates_promise ON promise_due_dates(promise_id, recorded_at);

-- Written confirmations and follow-ups sent about a promise, and the replies to them.
CREATE TABLE follow_ups (
    id                 TEXT PRIMARY KEY,
    promise_id         TEXT NOT NULL REFERENCES promises(id),
    kind               TEXT NOT NULL CHECK (kind IN ('confirmation', 'follow_up')),
    sent_at            TEXT NOT NULL,
    channel            TEXT NOT NULL CHECK (channel IN ('call', 'meeting', 'email', 'chat', 'in_person')),
    sent_to            TEXT NOT NULL DEFAULT '',
    cc                 TEXT NOT NULL DEFAULT '',
    body               TEXT NOT NULL DEFAULT '',
    reply_received_at  TEXT,
    reply_summary      TEXT NOT NULL DEFAULT '',
    recorded_at        TEXT NOT NULL
) STRICT;
CREATE INDEX follow_ups_promise ON follow_ups(promise_id, sent_at);

CREATE TABLE root_causes (
    id          TEXT PRIMARY KEY,
    parent_id   TEXT REFERENCES root_causes(id),
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    notes       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX root_causes_unique ON root_causes(ifnull(parent_id, ''), name);

CREATE TABLE complaints (
    id                      TEXT PRIMARY KEY,
    reference               TEXT NOT NULL UNIQUE,       -- C-2026-0042
    account_id              TEXT NOT NULL REFERENCES accounts(id),
    complainant_contact_id  TEXT REFERENCES contacts(id),
    received_at             TEXT NOT NULL,
    channel                 TEXT NOT NULL CHECK (channel IN ('call', 'meeting', 'email', 'chat', 'in_person', 'letter', 'web')),
    description             TEXT NOT NULL CHECK (length(trim(description)) > 0),
    product                 TEXT NOT NULL DEFAULT '',
    component               TEXT NOT NULL DEFAULT '',
    lot                     TEXT NOT NULL DEFAULT '',
    severity                INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),
    category                TEXT NOT NULL DEFAULT '',
    root_cause_id           TEXT REFERENCES root_causes(id),
    remedy_sought           TEXT NOT NULL DEFAULT '',
    response_due_on         TEXT,
    status                  TEXT NOT NULL DEFAULT 'received' CHECK (status IN
                                ('received', 'acknowledged', 'investigating', 'remedy_offered', 'resolved', 'closed', 'reopened')),
    customer_satisfied      INTEGER CHECK (customer_satisfied IN (0, 1)),
    recorded_at             TEXT NOT NULL,
    updated_at              TEXT NOT NULL
) STRICT;
CREATE INDEX complaints_account ON complaints(account_id, received_at);
CREATE INDEX complaints_status ON complaints(status, received_at);
CREATE INDEX complaints_root_cause ON complaints(root_cause_id, received_at);
CREATE INDEX complaints_received ON complaints(received_at);

CREATE TABLE complaint_status_history (
    id            TEXT PRIMARY KEY,
    complaint_id  TEXT NOT NULL REFERENCES complaints(id),
    from_status   TEXT,
    to_status     TEXT NOT NULL,
    changed_at    TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX complaint_status_history_complaint ON complaint_status_history(complaint_id, changed_at);

CREATE TABLE promise_complaints (
    id            TEXT PRIMARY KEY,
    promise_id    TEXT NOT NULL REFERENCES promises(id),
    complaint_id  TEXT NOT NULL REFERENCES complaints(id),
    linked_at     TEXT NOT NULL,
    UNIQUE (promise_id, complaint_id)
) STRICT;
CREATE INDEX promise_complaints_complaint ON promise_complaints(complaint_id);

CREATE TABLE remedies (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts(id),
    complaint_id    TEXT REFERENCES complaints(id),
    promise_id      TEXT REFERENCES promises(id),     -- service recovery for a broken promise
    kind            TEXT NOT NULL CHECK (kind IN ('credit', 'refund', 'replacement', 'repair', 'discount', 'goodwill', 'procedure_change')),
    description     TEXT NOT NULL DEFAULT '',
    cost_minor      INTEGER NOT NULL CHECK (cost_minor >= 0),
    cost_currency   TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'accepted', 'delivered', 'declined')),
    approved_by_id  TEXT REFERENCES people(id),
    remedy_on       TEXT NOT NULL,
    recorded_at     TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX remedies_account ON remedies(account_id, remedy_on);
CREATE INDEX remedies_complaint ON remedies(complaint_id);

CREATE TABLE lost_revenue (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL REFERENCES accounts(id),
    promise_id     TEXT REFERENCES promises(id),
    complaint_id   TEXT REFERENCES complaints(id),
    amount_minor   INTEGER NOT NULL CHECK (amount_minor >= 0),
    currency       TEXT NOT NULL,
    certainty      TEXT NOT NULL CHECK (certainty IN ('confirmed', 'estimated')),
    lost_on        TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    recorded_at    TEXT NOT NULL
) STRICT;
CREATE INDEX lost_revenue_account ON lost_revenue(account_id, lost_on);
CREATE INDEX lost_revenue_promise ON lost_revenue(promise_id);

CREATE TABLE decisions (
    id                     TEXT PRIMARY KEY,
    title                  TEXT NOT NULL CHECK (length(trim(title)) > 0),
    context                TEXT NOT NULL DEFAULT '',
    status                 TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'decided')),
    chosen_option_id       TEXT,                    -- a decision_options row of this decision
    rationale              TEXT NOT NULL DEFAULT '',
    decided_by_id          TEXT REFERENCES people(id),
    decided_on             TEXT,
    escalate_to_id         TEXT REFERENCES people(id),
    account_id             TEXT REFERENCES accounts(id),
    complaint_id           TEXT REFERENCES complaints(id),
    recorded_at            TEXT NOT NULL,
    updated_at             TEXT NOT NULL
) STRICT;
CREATE INDEX decisions_account ON decisions(account_id);

CREATE TABLE decision_options (
    id            TEXT PRIMARY KEY,
    decision_id   TEXT NOT NULL REFERENCES decisions(id),
    position      INTEGER NOT NULL,
    label         TEXT NOT NULL CHECK (length(trim(label)) > 0),
    benefits      TEXT NOT NULL DEFAULT '',
    risks         TEXT NOT NULL DEFAULT '',
    contingency   TEXT NOT NULL DEFAULT '',           -- the plan if this option goes wrong
    UNIQUE (decision_id, position)
) STRICT;

-- The evidence timeline. occurred_at is when it happened; recorded_at is when it was written down.
CREATE TABLE events (
    id                   TEXT PRIMARY KEY,
    kind                 TEXT NOT NULL CHECK (kind IN ('call', 'meeting', 'email', 'note', 'follow_up', 'decision',
                                                      'hostile_incident', 'account_transfer', 'status_change')),
    occurred_at          TEXT NOT NULL,
    occurred_precision   TEXT NOT NULL CHECK (occurred_precision IN ('exact', 'day', 'month', 'approximate')),
    recorded_at          TEXT NOT NULL,
    summary              TEXT NOT NULL,
    details              TEXT NOT NULL DEFAULT '',
    source_person_id     TEXT REFERENCES people(id),   -- who said it
    source_text          TEXT NOT NULL DEFAULT '',     -- or which document
    strength             TEXT NOT NULL CHECK (strength IN ('written', 'first_hand', 'second_hand')),
    disputed             INTEGER NOT NULL DEFAULT 0 CHECK (disputed IN (0, 1)),
    supersedes_id        TEXT UNIQUE REFERENCES events(id),  -- a revision points at the entry it replaces
    retracted_at         TEXT,
    retraction_reason    TEXT NOT NULL DEFAULT '',
    redacted_at          TEXT,
    account_id           TEXT REFERENCES accounts(id),
    complaint_id         TEXT REFERENCES complaints(id),
    promise_id           TEXT REFERENCES promises(id),
    decision_id          TEXT REFERENCES decisions(id),
    actor_id             TEXT REFERENCES people(id)          -- who acted (made the call, gave the order)
) STRICT;
CREATE INDEX events_occurred ON events(occurred_at);
CREATE INDEX events_account ON events(account_id, occurred_at);
CREATE INDEX events_complaint ON events(complaint_id, occurred_at);
CREATE INDEX events_promise ON events(promise_id, occurred_at);

-- Headers and text of imported .eml files; the raw message is an attachment of the event.
CREATE TABLE emails (
    event_id     TEXT PRIMARY KEY REFERENCES events(id),
    message_id   TEXT UNIQUE,
    from_addr    TEXT NOT NULL DEFAULT '',
    to_addrs     TEXT NOT NULL DEFAULT '',
    cc_addrs     TEXT NOT NULL DEFAULT '',
    subject      TEXT NOT NULL DEFAULT '',
    sent_at      TEXT,
    body_text    TEXT NOT NULL DEFAULT ''
) STRICT;

-- File bytes live once per content hash; attachments point at them.
CREATE TABLE attachment_blobs (
    sha256  TEXT PRIMARY KEY,
    size    INTEGER NOT NULL,
    bytes   BLOB NOT NULL
) STRICT;

CREATE TABLE attachments (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
    mime          TEXT NOT NULL,
    size          INTEGER NOT NULL CHECK (size >= 0),
    sha256        TEXT NOT NULL REFERENCES attachment_blobs(sha256),
    event_id      TEXT REFERENCES events(id),
    account_id    TEXT REFERENCES accounts(id),
    complaint_id  TEXT REFERENCES complaints(id),
    promise_id    TEXT REFERENCES promises(id),
    added_at      TEXT NOT NULL
) STRICT;
CREATE INDEX attachments_event ON attachments(event_id);
CREATE INDEX attachments_account ON attachments(account_id);

-- The tamper-evident chain (docs/chain.md). Each link hashes the canonical form of
-- one row as it stood after a write, together with the previous link's hash.
CREATE TABLE chain (
    seq           INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    entity        TEXT NOT NULL,    -- table name
    entity_id     TEXT NOT NULL,
    action        TEXT NOT NULL,    -- create, update, transition, supersede, retract, redact ...
    row_sha256    TEXT NOT NULL,
    prev_sha256   TEXT NOT NULL,
    link_sha256   TEXT NOT NULL
) STRICT;
CREATE INDEX chain_entity ON chain(entity, entity_id, seq);

-- Reminders the user has snoozed or dismissed; the reminders themselves are worked out.
CREATE TABLE reminder_states (
    key            TEXT PRIMARY KEY,   -- e.g. due_tomorrow:<promise id>
    snoozed_until  TEXT,
    dismissed_at   TEXT,
    notified_at    TEXT
) STRICT;
