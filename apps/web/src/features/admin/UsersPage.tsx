import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { roleLabel, useMe, type Role } from '../../lib/auth';
import { errorMessage } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { AdminOnly } from './AdminOnly';
import { codesIn, regionCodeSchema, takesRegions } from '@pm/core';

const ROLES: Role[] = ['official', 'reviewer', 'leader', 'admin'];

/** What is wrong with the regions typed (null: nothing), in the user's words. */
function regionsProblem(
  text: string,
  role: Role,
  t: ReturnType<typeof useI18n>['t'],
): string | null {
  const codes = codesIn(text);
  if (codes.length === 0) return null;
  const bad = codes.find((c) => !regionCodeSchema.safeParse(c).success);
  if (bad) return t('users.regions.bad', { code: bad });
  if (!takesRegions(role)) return t('users.scope.regionRole');
  return null;
}

/** A user's scope in words: listed districts (or all) and their provinces or cities by name. */
function ScopeCell({
  user,
}: {
  user: {
    districts: string[] | 'all';
    listed: string[] | 'all';
    regions: string[];
    regionNames: Record<string, string>;
  };
}) {
  const { t } = useI18n();
  if (user.listed === 'all') return <>{t('users.allDistricts')}</>;
  return (
    <>
      {user.regions.map((c) => (
        <span key={c} className="block">
          {t(c.length === 2 ? 'users.regions.province' : 'users.regions.city', {
            name: user.regionNames[c] ?? c,
            code: c,
          })}
        </span>
      ))}
      {user.listed.length > 0 && <span className="block">{user.listed.join(', ')}</span>}
      {user.regions.length > 0 && user.districts !== 'all' && (
        <span className="muted small block">
          {t('users.regions.count', { count: user.districts.length })}
        </span>
      )}
    </>
  );
}

export function UsersPage() {
  const { t } = useI18n();
  return (
    <AdminOnly title={t('users.title')}>
      <Users />
    </AdminOnly>
  );
}

function Users() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const users = useQuery(trpc.users.list.queryOptions());
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const setDisabled = useMutation(trpc.users.setDisabled.mutationOptions({ onSuccess: refresh }));
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: (r) =>
        setNotice(
          r.password
            ? t('users.newPassword', { username: r.username, password: r.password })
            : null,
        ),
    }),
  );
  const failed = setDisabled.error ?? reset.error;

  return (
    <>
      <h1>{t('users.title')}</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {failed && (
        <p className="form-error" role="alert">
          {errorMessage(failed, t)}
        </p>
      )}
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <EmptyState title={t('users.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('users.col.username')}</th>
                <th scope="col">{t('users.col.name')}</th>
                <th scope="col">{t('users.col.role')}</th>
                <th scope="col">{t('users.col.districts')}</th>
                <th scope="col">{t('users.col.state')}</th>
                <th scope="col">{t('users.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.username}>
                  <td>{u.username}</td>
                  <td>
                    {u.displayName}
                    {u.unit && <span className="muted small block">{u.unit}</span>}
                  </td>
                  <td>{t(roleLabel(u.role))}</td>
                  <td>
                    <ScopeCell user={u} />
                  </td>
                  <td>{u.disabled ? t('users.disabled') : t('users.active')}</td>
                  <td className="actions">
                    {u.username !== me.data?.username && (
                      <button
                        type="button"
                        onClick={() =>
                          setDisabled.mutate({ username: u.username, disabled: !u.disabled })
                        }
                        disabled={setDisabled.isPending}
                      >
                        {u.disabled ? t('users.enable') : t('users.disable')}
                      </button>
                    )}
                    <button
                      type="button"
                      onClick={() => reset.mutate({ username: u.username })}
                      disabled={reset.isPending}
                    >
                      {t('users.resetPassword')}
                    </button>
                    <button
                      type="button"
                      onClick={() => setEditing(u.username)}
                      aria-label={t('users.edit.title', { username: u.username })}
                    >
                      {t('users.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && users.data?.some((u) => u.username === editing) && (
        <EditUserForm
          key={editing}
          user={users.data.find((u) => u.username === editing)!}
          onDone={(message) => {
            setEditing(null);
            if (message) setNotice(message);
            void refresh();
          }}
        />
      )}
      <AddUserForm onAdded={(message) => (setNotice(message), void refresh())} />
    </>
  );
}

/** 编辑: a user's name and the unit (单位) their reports are signed for. */
function EditUserForm({
  user,
  onDone,
}: {
  user: {
    username: string;
    displayName: string;
    unit: string | null;
    role: Role;
    listed: string[] | 'all';
    regions: string[];
  };
  onDone: (message: string | null) => void;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [name, setName] = useState(user.displayName);
  const [unit, setUnit] = useState(user.unit ?? '');
  const listedText = user.listed === 'all' ? 'all' : user.listed.join(', ');
  const [districts, setDistricts] = useState(listedText);
  const [regions, setRegions] = useState(user.regions.join(', '));
  const [tried, setTried] = useState(false);
  const profile = useMutation(trpc.users.setProfile.mutationOptions());
  const scope = useMutation(trpc.users.setScope.mutationOptions());
  const saving = profile.isPending || scope.isPending;
  const failure = profile.error ?? scope.error;
  const nameProblem = !name.trim()
    ? t('users.edit.nameMissing')
    : name.trim().length > 64
      ? t('users.edit.tooLong')
      : null;
  const unitProblem = unit.trim().length > 64 ? t('users.edit.tooLong') : null;
  const regionProblem = regionsProblem(regions, user.role, t);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (nameProblem || unitProblem || regionProblem) return;
    profile.reset();
    scope.reset();
    try {
      const saved = await profile.mutateAsync({
        username: user.username,
        displayName: name.trim(),
        unit: unit.trim() || null,
      });
      const scopeChanged =
        districts.trim() !== listedText || codesIn(regions).join(',') !== user.regions.join(',');
      if (scopeChanged)
        await scope.mutateAsync({
          username: user.username,
          districts: districts.trim() === 'all' ? 'all' : codesIn(districts),
          regions: codesIn(regions),
        });
      onDone(
        t('users.saved', {
          username: saved.username,
          name: saved.displayName,
          unit: saved.unit ?? t('users.noUnit'),
        }),
      );
    } catch {
      // Shown below from the mutation's error; the form keeps what was typed.
    }
  };
  const id = `edit-${user.username}`;
  return (
    <form
      className="card inline-edit"
      onSubmit={submit}
      aria-label={t('users.edit.title', { username: user.username })}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone(null);
      }}
    >
      <h2>{t('users.edit.title', { username: user.username })}</h2>
      <label>
        {t('users.col.name')}
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={tried && !!nameProblem}
          aria-describedby={tried && nameProblem ? `${id}-name` : undefined}
          autoFocus
        />
        {tried && nameProblem && (
          <small id={`${id}-name`} className="form-error">
            {nameProblem}
          </small>
        )}
      </label>
      <label>
        {t('users.col.unit')}
        <input
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
          aria-invalid={tried && !!unitProblem}
          aria-describedby={`${id}-hint`}
        />
        {tried && unitProblem && <small className="form-error">{unitProblem}</small>}
        <small id={`${id}-hint`}>{t('users.edit.hint')}</small>
      </label>
      <label>
        {t('users.col.districts')}
        <input
          value={districts}
          onChange={(e) => setDistricts(e.target.value)}
          aria-describedby={`${id}-districts`}
        />
        <small id={`${id}-districts`}>{t('users.add.districtsHint')}</small>
      </label>
      <label>
        {t('users.col.regions')}
        <input
          value={regions}
          onChange={(e) => setRegions(e.target.value)}
          aria-invalid={tried && !!regionProblem}
          aria-describedby={`${id}-regions`}
          disabled={!takesRegions(user.role) && regions.trim() === ''}
        />
        {tried && regionProblem && <small className="form-error">{regionProblem}</small>}
        <small id={`${id}-regions`}>{t('users.regions.hint')}</small>
      </label>
      {failure && (
        <p className="form-error" role="alert">
          {errorMessage(failure, t)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving}>
          {t('users.edit.save')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('users.edit.cancel')}
        </button>
      </div>
    </form>
  );
}

function AddUserForm({ onAdded }: { onAdded: (message: string) => void }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [unit, setUnit] = useState('');
  const [role, setRole] = useState<Role>('official');
  const [districts, setDistricts] = useState('');
  const [regions, setRegions] = useState('');
  const [tried, setTried] = useState(false);
  const add = useMutation(
    trpc.users.add.mutationOptions({
      onSuccess: (r) => {
        onAdded(
          r.password
            ? `${t('users.added', { username: r.username })} ${t('users.newPassword', { username: r.username, password: r.password })}`
            : t('users.added', { username: r.username }),
        );
        setUsername('');
        setDisplayName('');
        setUnit('');
        setDistricts('');
        setRegions('');
        setTried(false);
      },
    }),
  );
  const regionProblem = regionsProblem(regions, role, t);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (regionProblem) return;
    add.mutate({
      username: username.trim(),
      displayName: displayName.trim() || username.trim(),
      unit: unit.trim() || null,
      role,
      districts: districts.trim() === 'all' ? 'all' : codesIn(districts),
      regions: codesIn(regions),
    });
  };
  return (
    <section className="card">
      <h2>{t('users.add.title')}</h2>
      <form className="form-grid" onSubmit={submit}>
        <label>
          {t('users.col.username')}
          <input value={username} onChange={(e) => setUsername(e.target.value)} required />
        </label>
        <label>
          {t('users.col.name')}
          <input value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </label>
        <label>
          {t('users.col.unit')}
          <input
            value={unit}
            onChange={(e) => setUnit(e.target.value)}
            maxLength={64}
            placeholder="裕华区发展和改革局"
          />
        </label>
        <label>
          {t('users.col.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(roleLabel(r))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('users.col.districts')}
          <input
            value={districts}
            onChange={(e) => setDistricts(e.target.value)}
            placeholder="130108, 410703"
            aria-describedby="districts-hint"
          />
          <small id="districts-hint">{t('users.add.districtsHint')}</small>
        </label>
        <label>
          {t('users.col.regions')}
          <input
            value={regions}
            onChange={(e) => setRegions(e.target.value)}
            placeholder="13, 4107"
            aria-invalid={tried && !!regionProblem}
            aria-describedby="regions-hint"
          />
          {tried && regionProblem && <small className="form-error">{regionProblem}</small>}
          <small id="regions-hint">{t('users.regions.hint')}</small>
        </label>
        {add.isError && (
          <p className="form-error" role="alert">
            {errorMessage(add.error, t)}
          </p>
        )}
        <button type="submit" className="primary" disabled={add.isPending}>
          {t('users.add.submit')}
        </button>
      </form>
    </section>
  );
}
