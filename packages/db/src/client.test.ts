import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb } from './client';
import { DbOpenError } from './errors';
import { listDistricts, ping, upsertDistrict } from './index';
import { migrate } from './migrate';

const folders: string[] = [];
function tempFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pm-db-'));
  folders.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createDb on a PGlite data folder', () => {
  it('keeps data across reopening the folder', async () => {
    const dir = tempFolder();
    const first = await createDb({ driver: 'pglite', dataDir: dir });
    await migrate(first);
    await upsertDistrict(first.db, {
      code: '130108',
      name: '裕华区',
      city: '石家庄市',
      province: '河北省',
    });
    await first.close();

    const second = await createDb({ driver: 'pglite', dataDir: dir });
    await migrate(second);
    expect((await listDistricts(second.db)).map((d) => d.code)).toEqual(['130108']);
    expect(await ping(second.db)).toBe(true);
    await second.close();
  });

  it('refuses a folder another live process holds, naming PM_DATA_DIR', async () => {
    const dir = tempFolder();
    const first = await createDb({ driver: 'pglite', dataDir: dir });
    await expect(createDb({ driver: 'pglite', dataDir: dir })).rejects.toMatchObject({
      name: 'DbOpenError',
      setting: 'PM_DATA_DIR',
      message: expect.stringContaining('in use by process'),
    });
    await first.close();
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = tempFolder();
    writeFileSync(join(dir, 'plan-monitor.lock'), '999999999');
    const handle = await createDb({ driver: 'pglite', dataDir: dir });
    expect(await ping(handle.db)).toBe(true);
    await handle.close();
  });

  it('says which setting is wrong when the folder cannot be created', async () => {
    const file = join(tempFolder(), 'a-file');
    writeFileSync(file, '');
    const error = await createDb({ driver: 'pglite', dataDir: join(file, 'data') }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DbOpenError);
    expect((error as DbOpenError).setting).toBe('PM_DATA_DIR');
  });
});

describe('createDb on PostgreSQL', () => {
  it('refuses a URL that is not postgres://', async () => {
    await expect(
      createDb({ driver: 'postgres', url: 'mysql://localhost/x' }),
    ).rejects.toMatchObject({
      setting: 'DATABASE_URL',
    });
  });

  it('fails at once, naming DATABASE_URL, when the server cannot be reached', async () => {
    await expect(
      createDb({ driver: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' }),
    ).rejects.toMatchObject({
      setting: 'DATABASE_URL',
      message: expect.stringContaining('127.0.0.1:1/none'),
    });
  });
});
