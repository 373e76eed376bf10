-- claimledger ledger schema, version 1. Documented in README ("The SQLite ledger").
-- Offsets are character offsets [start, end) into documents.text.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT
);

-- one row per distinct article text (id = content hash: re-ingesting adds nothing)
CREATE TABLE IF NOT EXISTS documents (
    id        TEXT PRIMARY KEY,
    path      TEXT,            -- the input as given (file path, URL, or file.jsonl#LINE)
    url       TEXT,
    outlet    TEXT,
    title     TEXT,
    published TEXT,            -- ISO date
    language  TEXT,
    format    TEXT,            -- txt | html | jsonl | url
    text      TEXT NOT NULL,
    ignored   TEXT,            -- JSON list of [start, end] boilerplate spans kept out of analysis
    added_at  TEXT NOT NULL
);

-- canonical parties across the corpus: who makes or relays claims
CREATE TABLE IF NOT EXISTS parties (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE,  -- canonical name ("Dmitry Peskov")
    kind    TEXT,                  -- person | org | place | group | unknown
    aliases TEXT                   -- JSON list of spellings seen
);

CREATE TABLE IF NOT EXISTS propositions (
    id       TEXT PRIMARY KEY,
    label    TEXT NOT NULL,
    unit     TEXT,              -- what its figures count, when they do
    summary  TEXT               -- JSON: figures side by side, stance counts, conflict
);

CREATE TABLE IF NOT EXISTS claims (
    id              TEXT PRIMARY KEY,
    document_id     TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence        TEXT NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    content         TEXT NOT NULL,
    source_text     TEXT,
    source_entity   TEXT,       -- resolved within the article ("he" -> "Dmitry Peskov")
    source_kind     TEXT,
    source_party_id INTEGER REFERENCES parties(id),
    via             TEXT,       -- JSON list of {text, entity, kind, span}, outermost first
    cue             TEXT,
    stance          TEXT NOT NULL CHECK (stance IN ('asserts', 'denies', 'hedges')),
    kind            TEXT,       -- direct | indirect | mixed | according_to | unattributed | interview | continuation
    claim_date      TEXT,
    event_start     TEXT,
    event_end       TEXT,
    spans           TEXT NOT NULL,  -- JSON {source, cue, content}: lists of [start, end]
    proposition_id  TEXT REFERENCES propositions(id)
);
CREATE INDEX IF NOT EXISTS claims_document ON claims(document_id);
CREATE INDEX IF NOT EXISTS claims_proposition ON claims(proposition_id);
CREATE INDEX IF NOT EXISTS claims_party ON claims(source_party_id);

CREATE TABLE IF NOT EXISTS figures (
    id        INTEGER PRIMARY KEY,
    claim_id  TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    value     REAL,             -- NULL for vague quantities ("thousands of soldiers")
    low       REAL,
    high      REAL,
    kind      TEXT NOT NULL,    -- exact | approx | upper | lower | range
    unit      TEXT,
    text      TEXT,
    start     INTEGER,
    end       INTEGER
);
CREATE INDEX IF NOT EXISTS figures_claim ON figures(claim_id);
