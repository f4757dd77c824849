import { expect, it, vi } from 'vitest';
import { createUser, listAuthEvents, recordAuthEvent, schema } from '@pm/db';
import { describeDb } from '@pm/db/testing';
import { scheduleAuthPruning } from './retention';

describeDb('auth records retention', (get) => {
  it('prunes at start and again on each tick, logging what it deleted', async () => {
    const { db } = get();
    const userId = await createUser(db, {
      username: 'li',
      displayName: 'li',
      role: 'leader',
      districts: 'all',
      passwordHash: 'x',
    });
    const old = new Date(Date.now() - 401 * 24 * 3_600_000);
    await db.insert(schema.authEvents).values({ kind: 'sign_in', username: 'li', at: old });
    await recordAuthEvent(db, { kind: 'sign_in', username: 'li', userId });
    const info = vi.fn();
    const stop = scheduleAuthPruning(
      db,
      { authEventsRetentionDays: 400, sessionIdleMinutes: 30 },
      { info, error: vi.fn() } as never,
      50,
    );
    await vi.waitFor(() => expect(info).toHaveBeenCalled());
    expect(info.mock.calls[0]?.[0]).toMatchObject({ deleted: { authEvents: 1 } });
    expect((await listAuthEvents(db)).map((e) => e.username)).toEqual(['li']);
    await vi.waitFor(() => expect(info.mock.calls.length).toBeGreaterThan(1));
    stop();
    const calls = info.mock.calls.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(info.mock.calls.length).toBe(calls);
  });
});
