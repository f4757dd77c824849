import { is, SQL, type Query } from 'drizzle-orm';
import { PgDialect, type PgColumn, type SelectedFieldsOrdered } from 'drizzle-orm/pg-core';
import type { Database } from './client';

/**
 * A statement of the save path, run hundreds of times a second. drizzle rebuilds a query's SQL
 * text on every call (a tenth of a millisecond for a select of a dozen columns); this builds it
 * once per process, then runs it by name — PostgreSQL parses and plans it once per connection —
 * in whichever database or transaction is given. It is a drizzle query, or SQL written around
 * drizzle queries where drizzle has no builder (a data-modifying WITH, a lateral join). Its text
 * must not vary with its arguments: pass them as `sql.placeholder`s.
 */
export class NamedStatement<Row> {
  private query: Query | undefined;
  private readonly fields: SelectedFieldsOrdered;

  constructor(
    readonly name: string,
    /** The columns it returns, flat, as given to `select` or `returning`; `{}` for none. */
    returns: Record<string, PgColumn | SQL | SQL.Aliased>,
    private readonly build: (db: Database) => { toSQL(): Query } | SQL,
  ) {
    this.fields = Object.entries(returns).map(([key, field]) => ({ path: [key], field }));
  }

  async execute(db: Database, args: Record<string, unknown>): Promise<Row[]> {
    this.query ??= toQuery(this.build(db));
    const prepared = db._.session.prepareQuery(this.query, this.fields, this.name, true);
    return (await prepared.execute(args)) as Row[];
  }
}

const dialect = new PgDialect();

function toQuery(built: { toSQL(): Query } | SQL): Query {
  if (!is(built, SQL)) return built.toSQL();
  const { sql, params } = dialect.sqlToQuery(built);
  return { sql, params };
}
