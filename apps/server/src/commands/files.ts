import { isAbsolute, resolve } from 'node:path';

/**
 * A file named on the command line, from the folder it was typed in: `npm run cli` runs the CLI
 * in apps/server, and npm keeps the user's folder in INIT_CWD (as the data folder does).
 */
export function userPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return isAbsolute(path) ? path : resolve(env.INIT_CWD ?? process.cwd(), path);
}
