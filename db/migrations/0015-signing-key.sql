-- The book's own signing key (Ed25519) and the settlement packages it signed for the manufacturer's head office.
-- The key is made the first time a package is written; its public half is exported once for the head office to
-- register. Keys are never changed or deleted: a package signed years ago must still verify against its key.

CREATE TABLE signing_keys (
  id           INTEGER PRIMARY KEY,
  algorithm    TEXT NOT NULL CHECK (algorithm = 'ed25519'),
  -- SHA-256 of the public key (SubjectPublicKeyInfo DER), hex: how a package names the key that signed it
  key_id       TEXT NOT NULL UNIQUE,
  public_pem   TEXT NOT NULL,
  private_pem  TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL
) STRICT;

CREATE TRIGGER signing_keys_no_update BEFORE UPDATE ON signing_keys
BEGIN SELECT RAISE(ABORT, 'immutable:signing_keys'); END;
CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
BEGIN SELECT RAISE(ABORT, 'immutable:signing_keys'); END;

-- Every package written: which month, which edition (the how-many-th approval of that month), what it hashed to.
CREATE TABLE settlement_packages (
  id           INTEGER PRIMARY KEY,
  period       TEXT NOT NULL,
  edition      INTEGER NOT NULL CHECK (edition > 0),
  body_sha256  TEXT NOT NULL,
  key_id       TEXT NOT NULL REFERENCES signing_keys(key_id),
  written_by   TEXT NOT NULL,
  written_at   TEXT NOT NULL
) STRICT;
CREATE INDEX settlement_packages_by_period ON settlement_packages(period, edition);
