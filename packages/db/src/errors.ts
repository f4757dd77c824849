/** The database could not be opened; `setting` names the configuration to fix. */
export class DbOpenError extends Error {
  constructor(
    readonly setting: 'DATABASE_URL' | 'DATABASE_REPLICA_URL' | 'PM_DATA_DIR',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DbOpenError';
  }
}
