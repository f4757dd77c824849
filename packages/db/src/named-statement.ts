import type { Query, SQL } from 'drizzle-orm';
import type { PgColumn, SelectedFieldsOrdered } from 'drizzle-orm/pg-core';
import type { Database } from './client';

/**
 * A statement of the save path, run hundreds of times a second. drizzle rebuilds a query's SQL
 * text on every call (a tenth of a millisecond for a select of a dozen columns); this builds it
 * once per process, then runs it by name — PostgreSQL parses and plans it once per connection —
 * in whichever database or transaction is given. Its text must not vary with its arguments: pass
 * them as `sql.placeholder`s.
 */
export class NamedStatement<Row> {
  private query: Query | undefined;
  private readonly fields: SelectedFieldsOrdered;

  constructor(
    readonly name: string,
    /** The columns it returns, flat, as given to `select` or `returning`; `{}` for none. */
    returns: Record<string, PgColumn | SQL | SQL.Aliased>,
    private readonly build: (db: Database) => { toSQL(): Query },
  ) {
    this.fields = Object.entries(returns).map(([key, field]) => ({ path: [key], field }));
  }

  async execute(db: Database, args: Record<string, unknown>): Promise<Row[]> {
    this.query ??= this.build(db).toSQL();
    const prepared = db._.session.prepareQuery(this.query, this.fields, this.name, true);
    return (await prepared.execute(args)) as Row[];
  }
}
