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

  it('treats an empty DATABASE_URL as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PM_DATA_DIR: '/srv/pm' }).database).toEqual({
      driver: 'pglite',
      dataDir: '/srv/pm',
    });
  });

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
