-- Column mappings saved by name, per import kind and KA account ('' for any KA), so a portal's export is mapped
-- once and reused. mapping_json is an object: file heading → canonical field.
CREATE TABLE import_mappings (
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL,
  ka_code       TEXT NOT NULL DEFAULT '',
  mapping_json  TEXT NOT NULL CHECK (json_valid(mapping_json)),
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (name, kind, ka_code)
) STRICT;
