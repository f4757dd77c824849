import { fillPlaceholders, is, SQL, type Query } from 'drizzle-orm';
import { NodePgSession } from 'drizzle-orm/node-postgres';
import { PgDialect, type PgColumn } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Database } from './client';

type Field = PgColumn | SQL | SQL.Aliased;

/** What turns a column's value as PostgreSQL sends it into the value a query returns. */
interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}

/**
 * A statement of the save path, run hundreds of times a second. drizzle rebuilds a query's SQL
 * text on every call (a tenth of a millisecond for a select of a dozen columns); this builds it
 * once per process, then runs it by name — PostgreSQL parses and plans it once per connection —
 * in whichever database or transaction is given. It is a drizzle query, or SQL written around
 * drizzle queries where drizzle has no builder (a data-modifying WITH, a lateral join). Its text
 * must not vary with its arguments: pass them as `sql.placeholder`s.
 *
 * On PostgreSQL it goes to node-postgres itself, as drizzle would send it (by name, rows as
 * arrays, dates and intervals as text) but without drizzle's per-call prepared-query object,
 * tracing spans and generic row mapper: the rows are mapped by decoders found once. On PGlite it
 * runs through drizzle.
 */
export class NamedStatement<Row> {
  private query: Query | undefined;
  private readonly keys: string[];
  private readonly decoders: Decoder[];
  private readonly fields: { path: string[]; field: Field }[];

  constructor(
    readonly name: string,
    /** The columns it returns, flat, as given to `select` or `returning`; `{}` for none. */
    returns: Record<string, Field>,
    private readonly build: (db: Database) => { toSQL(): Query } | SQL,
  ) {
    const entries = Object.entries(returns);
    this.keys = entries.map(([key]) => key);
    this.decoders = entries.map(([, field]) => decoderOf(field));
    this.fields = entries.map(([key, field]) => ({ path: [key], field }));
  }

  async execute(db: Database, args: Record<string, unknown>): Promise<Row[]> {
    const query = (this.query ??= toQuery(this.build(db)));
    const session = db._.session;
    if (!is(session, NodePgSession)) {
      const prepared = session.prepareQuery(query, this.fields, this.name, true);
      return (await prepared.execute(args)) as Row[];
    }
    const client = (session as unknown as { client: pg.Pool | pg.PoolClient }).client;
    const result = await client.query<unknown[]>(
      { name: this.name, text: query.sql, rowMode: 'array', types: DRIZZLE_TYPES },
      fillPlaceholders(query.params, args),
    );
    const { keys, decoders } = this;
    return result.rows.map((values) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const value = values[i];
        row[keys[i]!] = value === null ? null : decoders[i]!.mapFromDriverValue(value);
      }
      return row as Row;
    });
  }
}

/** As drizzle's row mapper finds it: a column decodes itself, SQL by its `mapWith` (none: as sent). */
function decoderOf(field: Field): Decoder {
  const decoderOfSql = (s: SQL) => (s as unknown as { decoder: Decoder }).decoder;
  if (is(field, SQL)) return decoderOfSql(field);
  if (is(field, SQL.Aliased)) return decoderOfSql(field.sql);
  return field;
}

/**
 * The type parsers drizzle's node-postgres session gives every query: dates, timestamps and
 * intervals, and their arrays, stay text (its columns parse them); the rest as node-postgres does.
 */
const AS_TEXT = new Set([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1231,
  1115,
  1185,
  1187,
  1182,
]);
const asSent = (value: string) => value;
/**
 * Found once per type (node-postgres asks for every column of every result); nothing here sets
 * node-postgres's global parsers after start-up.
 */
const parsers = { text: new Map<number, Parser>(), binary: new Map<number, Parser>() };
type Parser = (value: string) => unknown;
const DRIZZLE_TYPES = {
  getTypeParser: (oid: number, format: 'text' | 'binary' = 'text') => {
    const known = parsers[format];
    let parser = known.get(oid);
    if (!parser) {
      parser = AS_TEXT.has(oid) ? asSent : (pg.types.getTypeParser(oid, format) as Parser);
      known.set(oid, parser);
    }
    return parser;
  },
} as pg.CustomTypesConfig;

const dialect = new PgDialect();

function toQuery(built: { toSQL(): Query } | SQL): Query {
  if (!is(built, SQL)) return built.toSQL();
  const { sql, params } = dialect.sqlToQuery(built);
  return { sql, params };
}
