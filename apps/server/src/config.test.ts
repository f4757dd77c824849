import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('defaults to PGlite in ./.data from where the command was typed, on port 3000', () => {
    const config = loadConfig({ INIT_CWD: '/home/me/pm' });
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ driver: 'pglite', dataDir: '/home/me/pm/.data' });
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db/pm', PORT: '8080' });
    expect(config.database).toEqual({ driver: 'postgres', url: 'postgres://u@db/pm' });
    expect(config.port).toBe(8080);
  });

  it('reads the league and scorecards from DATABASE_REPLICA_URL, a replica of a PostgreSQL primary', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/pm' }).replica).toBeNull();
    expect(
      loadConfig({ DATABASE_URL: 'postgres://u@db/pm', DATABASE_REPLICA_URL: 'postgres://u@ro/pm' })
        .replica,
    ).toEqual({ driver: 'postgres', url: 'postgres://u@ro/pm', setting: 'DATABASE_REPLICA_URL' });
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://u@ro/pm' })).toThrow(
      'DATABASE_REPLICA_URL: needs DATABASE_URL',
    );
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PM_DATA_DIR: '/srv/pm' }).database).toEqual({
      driver: 'pglite',
      dataDir: '/srv/pm',
    });
  });

  it('listens where HOST says, on every interface by default', () => {
    expect(loadConfig({}).host).toBeUndefined();
    expect(loadConfig({ HOST: '' }).host).toBeUndefined();
    for (const host of ['127.0.0.1', '0.0.0.0', '::1', 'localhost', 'pm.example.org'])
      expect(loadConfig({ HOST: host }).host).toBe(host);
  });

  it('sessions idle for 30 minutes end and auth events are kept 400 days, unless set', () => {
    expect(loadConfig({})).toMatchObject({ sessionIdleMinutes: 30, authEventsRetentionDays: 400 });
    expect(
      loadConfig({ SESSION_IDLE_MINUTES: '15', AUTH_EVENTS_RETENTION_DAYS: '730' }),
    ).toMatchObject({ sessionIdleMinutes: 15, authEventsRetentionDays: 730 });
  });

  it('reports the year before today unless REPORTING_YEAR says which', () => {
    expect(loadConfig({}).reportingYear).toBeUndefined();
    expect(loadConfig({ REPORTING_YEAR: '' }).reportingYear).toBeUndefined();
    expect(loadConfig({ REPORTING_YEAR: '2026' }).reportingYear).toBe(2026);
  });

  it.each([
    ['REPORTING_YEAR', '26', 'must be a four-digit year'],
    ['REPORTING_YEAR', '1900', 'between 1949 and 2100'],
    ['HOST', 'http://example.org', 'must be an IP address'],
    ['HOST', '999.1.1.1', 'must be an IP address'],
    ['HOST', 'two words', 'must be an IP address'],
    ['SESSION_IDLE_MINUTES', '0', 'between 1 and 720 minutes'],
    ['SESSION_IDLE_MINUTES', '721', 'between 1 and 720 minutes'],
    ['AUTH_EVENTS_RETENTION_DAYS', 'a year', 'must be a number'],
    ['AUTH_EVENTS_RETENTION_DAYS', '0', 'between 1 and 36500 days'],
  ])('%s=%s is refused, naming the setting', (setting, value, why) => {
    expect(() => loadConfig({ [setting]: value })).toThrow(new RegExp(`^${setting}: .*${why}`));
  });

  it('TRUST_PROXY: no proxy by default, or a comma list of addresses and networks', () => {
    expect(loadConfig({}).trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: ' 127.0.0.1, 10.0.0.0/8,,fd00::/8 ' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      'fd00::/8',
    ]);
  });

  it.each(['proxy.internal', '10.0.0.0/33', '127.0.0.1 10.0.0.1'])(
    'a TRUST_PROXY of %s is refused, naming TRUST_PROXY and the entry',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
        `TRUST_PROXY: "${value}" is no IP address or network`,
      );
    },
  );

  it.each([
    ['abc', 'must be a number'],
    ['70000', 'between 0 and 65535'],
    ['3.5', 'whole number'],
  ])('a PORT of %s is refused, naming PORT', (port, why) => {
    const error = (() => {
      try {
        loadConfig({ PORT: port });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(new RegExp(`^PORT: .*${why}`));
  });
});
