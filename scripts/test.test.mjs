// The test command's own checks: a prerequisite that cannot be had stops the run at once, with one
// line saying what is missing and how to get it. (Run by scripts/test.sh with node --test.)
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./test.sh', import.meta.url));

function run(env) {
  const r = spawnSync('bash', [script], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, err: r.stderr.trim(), out: r.stdout };
}

test('a CHROMIUM_PATH that is no program stops the run in one line', () => {
  const { code, err, out } = run({ CHROMIUM_PATH: '/nonexistent/chromium' });
  assert.equal(code, 1);
  assert.equal(err.split('\n').length, 1);
  assert.match(err, /^npm test: CHROMIUM_PATH=\/nonexistent\/chromium is not an executable file/);
  assert.doesNotMatch(out, /turbo|Tests/);
});

test('a TEST_DATABASE_URL nobody answers stops the run in one line naming it', () => {
  const { code, err } = run({ TEST_DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
  assert.equal(code, 1);
  assert.equal(err.split('\n').length, 1);
  assert.match(err, /^npm test: TEST_DATABASE_URL: cannot connect to 127\.0\.0\.1:1\/none/);
});

test('a TEST_DATABASE_URL that is no URL is told so', () => {
  const { code, err } = run({ TEST_DATABASE_URL: 'not a url' });
  assert.equal(code, 1);
  assert.match(err, /^npm test: TEST_DATABASE_URL: 'not a url' is not a postgres:\/\/ URL/);
});
