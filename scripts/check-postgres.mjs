// Checks that the database tests can use the PostgreSQL at argv[2]: it answers, and this role may
// create and drop the databases each test file makes. Exits 1 with one line saying what is wrong.
import pg from 'pg';

const url = process.argv[2];
let where = url;
try {
  const u = new URL(url);
  where = `${u.hostname}:${u.port || 5432}${u.pathname}`;
} catch {
  console.error(`'${url}' is not a postgres:// URL`);
  process.exit(1);
}

const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
try {
  await client.connect();
  const { rows } = await client.query(
    'select rolcreatedb or rolsuper as ok from pg_roles where rolname = current_user',
  );
  if (!rows[0]?.ok) {
    console.error(`the role at ${where} may not create databases (grant it CREATEDB)`);
    process.exitCode = 1;
  }
} catch (e) {
  console.error(`cannot connect to ${where}: ${e.message.split('\n')[0]}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
}
