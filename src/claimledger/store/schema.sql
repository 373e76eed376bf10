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
    added_at  TEXT NOT NULL,
    echo_of   TEXT,            -- a reprint of this earlier document (near-duplicate text), else NULL
    author    TEXT             -- the writer its byline names, else NULL
);

-- MinHash signature of each document's word shingles: finds reprints of one wire story
CREATE TABLE IF NOT EXISTS document_signatures (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    minhash     BLOB NOT NULL
);

-- the vector each claim was grouped by, so a later run embeds only the new claims
CREATE TABLE IF NOT EXISTS claim_vectors (
    claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
    kind     TEXT NOT NULL,  -- embedder and recipe, "model:content+sentence" (lexical: hashed words)
    vector   BLOB NOT NULL   -- float16 little-endian, unit length
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
    kind            TEXT,       -- direct | indirect | mixed | according_to | unattributed | interview | continuation | own | verdict
    claim_date      TEXT,
    event_start     TEXT,
    event_end       TEXT,
    spans           TEXT NOT NULL,  -- JSON {source, cue, content}: lists of [start, end]
    proposition_id  TEXT REFERENCES propositions(id),
    origin_id       TEXT        -- the first claim of its origin: the same source saying the same thing,
                                -- relayed by other outlets or reprinted (echoes count once)
);
CREATE INDEX IF NOT EXISTS claims_document ON claims(document_id);
CREATE INDEX IF NOT EXISTS claims_proposition ON claims(proposition_id);
CREATE INDEX IF NOT EXISTS claims_party ON claims(source_party_id);
CREATE INDEX IF NOT EXISTS claims_origin ON claims(origin_id);

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

-- full-text search over claims (the web app's search box); kept in step with claims by triggers
CREATE VIRTUAL TABLE IF NOT EXISTS claims_fts USING fts5(
    content, sentence, source_text, source_entity,
    content='claims', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER IF NOT EXISTS claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, content, sentence, source_text, source_entity)
    VALUES (new.rowid, new.content, new.sentence, new.source_text, new.source_entity);
END;
CREATE TRIGGER IF NOT EXISTS claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, content, sentence, source_text, source_entity)
    VALUES ('delete', old.rowid, old.content, old.sentence, old.source_text, old.source_entity);
END;
CREATE TRIGGER IF NOT EXISTS claims_fts_update AFTER UPDATE OF content, sentence, source_text, source_entity
ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, content, sentence, source_text, source_entity)
    VALUES ('delete', old.rowid, old.content, old.sentence, old.source_text, old.source_entity);
    INSERT INTO claims_fts(rowid, content, sentence, source_text, source_entity)
    VALUES (new.rowid, new.content, new.sentence, new.source_text, new.source_entity);
END;
