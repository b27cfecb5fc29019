import Database from 'better-sqlite3';

/**
 * Reading a book's schema as another SQLite would. SQLite only checks a trigger's body when it first parses the
 * schema, so a construct it does not know makes the whole book unreadable to it ("malformed database schema"):
 * these checks look at the stored SQL itself, so they fail even where the system sqlite3 is new enough not to mind.
 */
export interface SchemaRow {
  type: string;
  name: string;
  sql: string;
}

export function schemaRows(path: string, type?: string): SchemaRow[] {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name').all() as SchemaRow[];
    return type ? rows.filter((r) => r.type === type) : rows;
  } finally {
    db.close();
  }
}

/** The SQL with its comments blanked out (string literals kept: a comment marker inside a string is text). */
export function withoutComments(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'|--[^\n]*|\/\*[\s\S]*?\*\//g, (m) => (m.startsWith("'") ? m : ' '));
}

const RAISE_ACTION = /^\s*(IGNORE|ROLLBACK|ABORT|FAIL)\s*/i;
const STRING_LITERAL = /^'(?:[^']|'')*'/;

/**
 * Every RAISE in the SQL whose message is not one string literal (RAISE(IGNORE) has none). SQLite before 3.47
 * accepts only a literal there; `'period-closed:' || NEW.period`, printf(), a sub-select or a bound name all make
 * the book unreadable to it. Returns the offending RAISE texts.
 */
export function nonConstantRaises(sql: string): string[] {
  const text = withoutComments(sql);
  const found: string[] = [];
  for (const m of text.matchAll(/\bRAISE\s*\(/gi)) {
    const start = m.index!;
    let rest = text.slice(start + m[0].length);
    const action = RAISE_ACTION.exec(rest);
    const snippet = text.slice(start, start + 120).replace(/\s+/g, ' ');
    if (!action) {
      found.push(snippet);
      continue;
    }
    rest = rest.slice(action[0].length);
    if (action[1]!.toUpperCase() === 'IGNORE') {
      if (!/^\)/.test(rest)) found.push(snippet);
      continue;
    }
    const comma = /^,\s*/.exec(rest);
    const literal = comma ? STRING_LITERAL.exec(rest.slice(comma[0].length)) : null;
    const after = literal ? rest.slice(comma![0].length + literal[0].length) : '';
    if (!literal || !/^\s*\)/.test(after)) found.push(snippet);
  }
  return found;
}

/** Each trigger of the book whose RAISE is not constant, as `name: RAISE(…` (empty when the book is portable). */
export function triggersWithExpressionRaise(path: string): string[] {
  return schemaRows(path, 'trigger').flatMap((t) => nonConstantRaises(t.sql).map((r) => `${t.name}: ${r}`));
}

/** Parts of SQL that SQLite 3.37 does not know, which the schema must never contain. */
const NEWER_THAN_3_37: [RegExp, string][] = [
  [/->>?/, 'the -> and ->> JSON operators (3.38)'],
  [/\bunixepoch\s*\(/i, 'unixepoch() (3.38)'],
  [/\bIS\s+(NOT\s+)?DISTINCT\s+FROM\b/i, 'IS DISTINCT FROM (3.39)'],
  [/\b(RIGHT|FULL)\s+(OUTER\s+)?JOIN\b/i, 'RIGHT and FULL joins (3.39)'],
  [/\b(unhex|octet_length|timediff|concat|concat_ws|string_agg|jsonb\w*|json_pretty|unistr|if)\s*\(/i, 'a function added after 3.37'],
  [/\bformat\s*\(/i, 'format() (3.38; printf() is older)'],
];

/** What in the book's schema needs an SQLite newer than 3.37, as `name: what` (empty when the book is portable). */
export function newerSql(path: string): string[] {
  return schemaRows(path).flatMap((r) => {
    // Literals may say anything (a message, a default); only the SQL around them counts.
    const code = withoutComments(r.sql).replace(/'(?:[^']|'')*'/g, "''");
    const newer = NEWER_THAN_3_37.filter(([re]) => re.test(code)).map(([, what]) => `${r.name}: ${what}`);
    const raises = nonConstantRaises(r.sql).map((raise) => `${r.name}: RAISE with an expression (3.47): ${raise}`);
    return [...newer, ...raises];
  });
}

/** A trigger's SQL with its RAISE messages and spacing taken out: what it guards, not what it says. */
export function triggerCondition(sql: string): string {
  return withoutComments(sql)
    .replace(/RAISE\s*\(\s*(\w+)\s*,[\s\S]*?\)\s*;\s*END\s*$/i, 'RAISE($1, …); END')
    .replace(/\s+/g, ' ')
    .trim();
}
