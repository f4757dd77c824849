import type { ReactNode } from 'react';
import { Loading, NotAllowed } from '../../components/states';
import { useI18n } from '../../i18n';
import { useMe } from '../../lib/auth';

/**
 * An administrator's page: others see its title and that it is not theirs, and none of its
 * forms (the server refuses them anyway; a form that can only fail is a dead end).
 */
export function AdminOnly({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.data?.role === 'admin') return children;
  return (
    <>
      <h1>{title}</h1>
      <NotAllowed>{t('state.forbidden.admin')}</NotAllowed>
    </>
  );
}
