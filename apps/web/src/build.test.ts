import { expect, it } from 'vitest';
import config from '../vite.config';

it('the production build makes no source maps (they would publish the source)', () => {
  expect(config.build?.sourcemap ?? false).toBe(false);
});
