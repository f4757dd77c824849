import { useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { MIN_PASSWORD_LENGTH } from '@pm/core';
import { useI18n, type MessageKey } from '../../i18n';
import { errorMessage } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';

/** What is wrong with the form before it is sent, or null. */
function problemOf(current: string, next: string, repeat: string): MessageKey | null {
  if (!current) return 'password.required';
  if (next.length < MIN_PASSWORD_LENGTH) return 'password.tooShort';
  if (next !== repeat) return 'password.mismatch';
  if (next === current) return 'password.same';
  return null;
}

/** A signed-in user changes their own password; their sessions elsewhere end, this one stays. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrent('');
        setNext('');
        setRepeat('');
      },
    }),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = problemOf(current, next, repeat);
    setProblem(found);
    if (found) return change.reset();
    change.mutate({ current, next });
  };

  const alert = problem
    ? t(problem, { min: MIN_PASSWORD_LENGTH })
    : change.isError
      ? errorMessage(change.error, t)
      : null;
  const invalid = (key: MessageKey[]) => (problem !== null && key.includes(problem)) || undefined;

  return (
    <>
      <h1>{t('password.title')}</h1>
      <section className="card">
        {change.isSuccess && (
          <p className="notice" role="status">
            {t('password.changed')}
          </p>
        )}
        <form className="form-grid" onSubmit={submit} noValidate>
          <label>
            {t('password.current')}
            <input
              name="current"
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              aria-invalid={invalid(['password.required'])}
            />
          </label>
          <label>
            {t('password.next')}
            <input
              name="new"
              type="password"
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
              aria-describedby="password-hint"
              aria-invalid={invalid(['password.tooShort', 'password.same'])}
            />
            <small id="password-hint">{t('password.hint', { min: MIN_PASSWORD_LENGTH })}</small>
          </label>
          <label>
            {t('password.repeat')}
            <input
              name="repeat"
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              aria-invalid={invalid(['password.mismatch'])}
            />
          </label>
          {alert && (
            <p className="form-error" role="alert">
              {alert}
            </p>
          )}
          <button type="submit" className="primary" disabled={change.isPending}>
            {change.isPending ? t('password.submitting') : t('password.submit')}
          </button>
        </form>
      </section>
    </>
  );
}
