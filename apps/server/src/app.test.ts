import { describe, expect, it } from 'vitest';
import { listDistricts, listUsers } from '@pm/db';
import { openTestDatabase } from '@pm/db/testing';
import { openDatabase } from './app';
import { createLog } from './log';

describe.runIf(process.env.TEST_DATABASE_URL)('a server on PostgreSQL', () => {
  it('migrates but creates neither built-in plans nor demo accounts', async () => {
    const test = await openTestDatabase('postgres', false);
    try {
      const handle = await openDatabase(
        { database: { driver: 'postgres', url: test.url! } },
        createLog('silent'),
      );
      expect(await listDistricts(handle.db)).toEqual([]);
      expect(await listUsers(handle.db)).toEqual([]);
      await handle.close();
    } finally {
      await test.drop();
    }
  });
});
