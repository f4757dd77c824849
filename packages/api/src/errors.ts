/**
 * An error a person can act on. `key` names the message in the web app's catalog; `params` fill
 * it. The `message` is the English fallback for logs and API clients.
 */
export class DomainError extends Error {
  constructor(
    readonly code:
      'NOT_FOUND' | 'BAD_REQUEST' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS',
    readonly key: string,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
