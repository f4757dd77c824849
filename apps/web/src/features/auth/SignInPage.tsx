import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n';
import { useMe } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { LanguageSwitch } from '../../components/LanguageSwitch';

/** Where to go after signing in: a path of this app only, never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const me = useMe();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries();
        navigate(safeNext(params.get('next')), { replace: true });
      },
    }),
  );

  if (me.data && !signIn.isPending) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return setMissing(true);
    setMissing(false);
    signIn.mutate({ username: username.trim(), password });
  };

  const problem = missing
    ? t('auth.required')
    : signIn.isError
      ? errorMessage(signIn.error, t)
      : params.get('expired')
        ? t('auth.expired')
        : null;

  return (
    <div className="signin">
      <div className="signin-top">
        <span className="brand-title">{t('app.title')}</span>
        <LanguageSwitch />
      </div>
      <main id="main" className="signin-card">
        <h1>{t('auth.title')}</h1>
        <p className="intro">{t('auth.intro')}</p>
        <form onSubmit={submit} noValidate>
          <label>
            {t('auth.username')}
            <input
              name="username"
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={missing && !username.trim()}
              autoFocus
            />
          </label>
          <label>
            {t('auth.password')}
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={missing && !password}
            />
          </label>
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" className="primary" disabled={signIn.isPending}>
            {signIn.isPending ? t('auth.submitting') : t('auth.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
