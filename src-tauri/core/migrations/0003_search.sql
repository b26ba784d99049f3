-- Schema change 0003: full-text search over the whole case file (SQLite FTS5).
--
-- Each searchable table gets an external-content FTS5 index: the index holds only the
-- words, and reads the text back from the table itself (by rowid) for snippets, so nothing
-- is stored twice. Triggers keep every index right after every insert, edit and delete, so
-- no module can forget to; the 'rebuild' at the end of each block indexes the rows that
-- were already there when the file is upgraded.
--
-- The indexes rely on each table's rowid staying put. Casefile never rewrites rows to move
-- them, and VACUUM keeps rowids (a test in search/tests.rs checks both).
--
-- Tokenizer: unicode61 folds case in every script (Кровля matches кровля) and, with
-- remove_diacritics 2, accents on Latin letters (Marín matches marin). prefix='2 3' keeps
-- the search-as-you-type prefix of the last word quick.

-- Timeline entries: what happened, in the user's words, and its source.
CREATE VIRTUAL TABLE events_fts USING fts5(summary, details, source_text, content='events', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
    INSERT INTO events_fts(rowid, summary, details, source_text) VALUES (new.rowid, new.summary, new.details, new.source_text);
END;
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, summary, details, source_text) VALUES ('delete', old.rowid, old.summary, old.details, old.source_text);
END;
CREATE TRIGGER events_fts_update AFTER UPDATE OF summary, details, source_text ON events BEGIN
    INSERT INTO events_fts(events_fts, rowid, summary, details, source_text) VALUES ('delete', old.rowid, old.summary, old.details, old.source_text);
    INSERT INTO events_fts(rowid, summary, details, source_text) VALUES (new.rowid, new.summary, new.details, new.source_text);
END;
INSERT INTO events_fts(events_fts) VALUES ('rebuild');

-- Imported e-mails: headers and the text of the body.
CREATE VIRTUAL TABLE emails_fts USING fts5(subject, body_text, from_addr, to_addrs, cc_addrs, content='emails', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER emails_fts_insert AFTER INSERT ON emails BEGIN
    INSERT INTO emails_fts(rowid, subject, body_text, from_addr, to_addrs, cc_addrs) VALUES (new.rowid, new.subject, new.body_text, new.from_addr, new.to_addrs, new.cc_addrs);
END;
CREATE TRIGGER emails_fts_delete AFTER DELETE ON emails BEGIN
    INSERT INTO emails_fts(emails_fts, rowid, subject, body_text, from_addr, to_addrs, cc_addrs) VALUES ('delete', old.rowid, old.subject, old.body_text, old.from_addr, old.to_addrs, old.cc_addrs);
END;
CREATE TRIGGER emails_fts_update AFTER UPDATE OF subject, body_text, from_addr, to_addrs, cc_addrs ON emails BEGIN
    INSERT INTO emails_fts(emails_fts, rowid, subject, body_text, from_addr, to_addrs, cc_addrs) VALUES ('delete', old.rowid, old.subject, old.body_text, old.from_addr, old.to_addrs, old.cc_addrs);
    INSERT INTO emails_fts(rowid, subject, body_text, from_addr, to_addrs, cc_addrs) VALUES (new.rowid, new.subject, new.body_text, new.from_addr, new.to_addrs, new.cc_addrs);
END;
INSERT INTO emails_fts(emails_fts) VALUES ('rebuild');

-- Promises: what was promised, with what, how success is known, and what became of it.
CREATE VIRTUAL TABLE promises_fts USING fts5(what, resources, success_criteria, outcome_reason, content='promises', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER promises_fts_insert AFTER INSERT ON promises BEGIN
    INSERT INTO promises_fts(rowid, what, resources, success_criteria, outcome_reason) VALUES (new.rowid, new.what, new.resources, new.success_criteria, new.outcome_reason);
END;
CREATE TRIGGER promises_fts_delete AFTER DELETE ON promises BEGIN
    INSERT INTO promises_fts(promises_fts, rowid, what, resources, success_criteria, outcome_reason) VALUES ('delete', old.rowid, old.what, old.resources, old.success_criteria, old.outcome_reason);
END;
CREATE TRIGGER promises_fts_update AFTER UPDATE OF what, resources, success_criteria, outcome_reason ON promises BEGIN
    INSERT INTO promises_fts(promises_fts, rowid, what, resources, success_criteria, outcome_reason) VALUES ('delete', old.rowid, old.what, old.resources, old.success_criteria, old.outcome_reason);
    INSERT INTO promises_fts(rowid, what, resources, success_criteria, outcome_reason) VALUES (new.rowid, new.what, new.resources, new.success_criteria, new.outcome_reason);
END;
INSERT INTO promises_fts(promises_fts) VALUES ('rebuild');

-- Complaints.
CREATE VIRTUAL TABLE complaints_fts USING fts5(reference, description, product, component, lot, category, remedy_sought, content='complaints', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER complaints_fts_insert AFTER INSERT ON complaints BEGIN
    INSERT INTO complaints_fts(rowid, reference, description, product, component, lot, category, remedy_sought) VALUES (new.rowid, new.reference, new.description, new.product, new.component, new.lot, new.category, new.remedy_sought);
END;
CREATE TRIGGER complaints_fts_delete AFTER DELETE ON complaints BEGIN
    INSERT INTO complaints_fts(complaints_fts, rowid, reference, description, product, component, lot, category, remedy_sought) VALUES ('delete', old.rowid, old.reference, old.description, old.product, old.component, old.lot, old.category, old.remedy_sought);
END;
CREATE TRIGGER complaints_fts_update AFTER UPDATE OF reference, description, product, component, lot, category, remedy_sought ON complaints BEGIN
    INSERT INTO complaints_fts(complaints_fts, rowid, reference, description, product, component, lot, category, remedy_sought) VALUES ('delete', old.rowid, old.reference, old.description, old.product, old.component, old.lot, old.category, old.remedy_sought);
    INSERT INTO complaints_fts(rowid, reference, description, product, component, lot, category, remedy_sought) VALUES (new.rowid, new.reference, new.description, new.product, new.component, new.lot, new.category, new.remedy_sought);
END;
INSERT INTO complaints_fts(complaints_fts) VALUES ('rebuild');

-- Remedies.
CREATE VIRTUAL TABLE remedies_fts USING fts5(kind, description, content='remedies', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER remedies_fts_insert AFTER INSERT ON remedies BEGIN
    INSERT INTO remedies_fts(rowid, kind, description) VALUES (new.rowid, new.kind, new.description);
END;
CREATE TRIGGER remedies_fts_delete AFTER DELETE ON remedies BEGIN
    INSERT INTO remedies_fts(remedies_fts, rowid, kind, description) VALUES ('delete', old.rowid, old.kind, old.description);
END;
CREATE TRIGGER remedies_fts_update AFTER UPDATE OF kind, description ON remedies BEGIN
    INSERT INTO remedies_fts(remedies_fts, rowid, kind, description) VALUES ('delete', old.rowid, old.kind, old.description);
    INSERT INTO remedies_fts(rowid, kind, description) VALUES (new.rowid, new.kind, new.description);
END;
INSERT INTO remedies_fts(remedies_fts) VALUES ('rebuild');

-- Decisions.
CREATE VIRTUAL TABLE decisions_fts USING fts5(title, context, rationale, content='decisions', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER decisions_fts_insert AFTER INSERT ON decisions BEGIN
    INSERT INTO decisions_fts(rowid, title, context, rationale) VALUES (new.rowid, new.title, new.context, new.rationale);
END;
CREATE TRIGGER decisions_fts_delete AFTER DELETE ON decisions BEGIN
    INSERT INTO decisions_fts(decisions_fts, rowid, title, context, rationale) VALUES ('delete', old.rowid, old.title, old.context, old.rationale);
END;
CREATE TRIGGER decisions_fts_update AFTER UPDATE OF title, context, rationale ON decisions BEGIN
    INSERT INTO decisions_fts(decisions_fts, rowid, title, context, rationale) VALUES ('delete', old.rowid, old.title, old.context, old.rationale);
    INSERT INTO decisions_fts(rowid, title, context, rationale) VALUES (new.rowid, new.title, new.context, new.rationale);
END;
INSERT INTO decisions_fts(decisions_fts) VALUES ('rebuild');

-- The options weighed in a decision.
CREATE VIRTUAL TABLE decision_options_fts USING fts5(label, benefits, risks, contingency, content='decision_options', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER decision_options_fts_insert AFTER INSERT ON decision_options BEGIN
    INSERT INTO decision_options_fts(rowid, label, benefits, risks, contingency) VALUES (new.rowid, new.label, new.benefits, new.risks, new.contingency);
END;
CREATE TRIGGER decision_options_fts_delete AFTER DELETE ON decision_options BEGIN
    INSERT INTO decision_options_fts(decision_options_fts, rowid, label, benefits, risks, contingency) VALUES ('delete', old.rowid, old.label, old.benefits, old.risks, old.contingency);
END;
CREATE TRIGGER decision_options_fts_update AFTER UPDATE OF label, benefits, risks, contingency ON decision_options BEGIN
    INSERT INTO decision_options_fts(decision_options_fts, rowid, label, benefits, risks, contingency) VALUES ('delete', old.rowid, old.label, old.benefits, old.risks, old.contingency);
    INSERT INTO decision_options_fts(rowid, label, benefits, risks, contingency) VALUES (new.rowid, new.label, new.benefits, new.risks, new.contingency);
END;
INSERT INTO decision_options_fts(decision_options_fts) VALUES ('rebuild');

-- Customers.
CREATE VIRTUAL TABLE accounts_fts USING fts5(name, segment, notes, content='accounts', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER accounts_fts_insert AFTER INSERT ON accounts BEGIN
    INSERT INTO accounts_fts(rowid, name, segment, notes) VALUES (new.rowid, new.name, new.segment, new.notes);
END;
CREATE TRIGGER accounts_fts_delete AFTER DELETE ON accounts BEGIN
    INSERT INTO accounts_fts(accounts_fts, rowid, name, segment, notes) VALUES ('delete', old.rowid, old.name, old.segment, old.notes);
END;
CREATE TRIGGER accounts_fts_update AFTER UPDATE OF name, segment, notes ON accounts BEGIN
    INSERT INTO accounts_fts(accounts_fts, rowid, name, segment, notes) VALUES ('delete', old.rowid, old.name, old.segment, old.notes);
    INSERT INTO accounts_fts(rowid, name, segment, notes) VALUES (new.rowid, new.name, new.segment, new.notes);
END;
INSERT INTO accounts_fts(accounts_fts) VALUES ('rebuild');

-- The customers' people.
CREATE VIRTUAL TABLE contacts_fts USING fts5(name, title, email, notes, content='contacts', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
    INSERT INTO contacts_fts(rowid, name, title, email, notes) VALUES (new.rowid, new.name, new.title, new.email, new.notes);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, name, title, email, notes) VALUES ('delete', old.rowid, old.name, old.title, old.email, old.notes);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF name, title, email, notes ON contacts BEGIN
    INSERT INTO contacts_fts(contacts_fts, rowid, name, title, email, notes) VALUES ('delete', old.rowid, old.name, old.title, old.email, old.notes);
    INSERT INTO contacts_fts(rowid, name, title, email, notes) VALUES (new.rowid, new.name, new.title, new.email, new.notes);
END;
INSERT INTO contacts_fts(contacts_fts) VALUES ('rebuild');

-- Our people and outsiders.
CREATE VIRTUAL TABLE people_fts USING fts5(name, role, organisation, email, notes, content='people', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER people_fts_insert AFTER INSERT ON people BEGIN
    INSERT INTO people_fts(rowid, name, role, organisation, email, notes) VALUES (new.rowid, new.name, new.role, new.organisation, new.email, new.notes);
END;
CREATE TRIGGER people_fts_delete AFTER DELETE ON people BEGIN
    INSERT INTO people_fts(people_fts, rowid, name, role, organisation, email, notes) VALUES ('delete', old.rowid, old.name, old.role, old.organisation, old.email, old.notes);
END;
CREATE TRIGGER people_fts_update AFTER UPDATE OF name, role, organisation, email, notes ON people BEGIN
    INSERT INTO people_fts(people_fts, rowid, name, role, organisation, email, notes) VALUES ('delete', old.rowid, old.name, old.role, old.organisation, old.email, old.notes);
    INSERT INTO people_fts(rowid, name, role, organisation, email, notes) VALUES (new.rowid, new.name, new.role, new.organisation, new.email, new.notes);
END;
INSERT INTO people_fts(people_fts) VALUES ('rebuild');

-- Attached files, by name.
CREATE VIRTUAL TABLE attachments_fts USING fts5(name, content='attachments', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER attachments_fts_insert AFTER INSERT ON attachments BEGIN
    INSERT INTO attachments_fts(rowid, name) VALUES (new.rowid, new.name);
END;
CREATE TRIGGER attachments_fts_delete AFTER DELETE ON attachments BEGIN
    INSERT INTO attachments_fts(attachments_fts, rowid, name) VALUES ('delete', old.rowid, old.name);
END;
CREATE TRIGGER attachments_fts_update AFTER UPDATE OF name ON attachments BEGIN
    INSERT INTO attachments_fts(attachments_fts, rowid, name) VALUES ('delete', old.rowid, old.name);
    INSERT INTO attachments_fts(rowid, name) VALUES (new.rowid, new.name);
END;
INSERT INTO attachments_fts(attachments_fts) VALUES ('rebuild');

