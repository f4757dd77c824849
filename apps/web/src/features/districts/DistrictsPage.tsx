import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { useI18n } from '../../i18n';
import { useDistricts } from '../../lib/district';

export function DistrictsPage() {
  const { t } = useI18n();
  const districts = useDistricts();
  return (
    <>
      <h1>{t('districts.title')}</h1>
      {districts.isPending ? (
        <Loading />
      ) : districts.isError ? (
        <ErrorState error={districts.error} onRetry={() => void districts.refetch()} />
      ) : districts.data.length === 0 ? (
        <EmptyState title={t('districts.empty.title')}>{t('districts.empty.body')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('districts.col.code')}</th>
                <th scope="col">{t('districts.col.name')}</th>
                <th scope="col">{t('districts.col.city')}</th>
                <th scope="col">{t('districts.col.province')}</th>
                <th scope="col" className="num">
                  {t('districts.col.indicators')}
                </th>
              </tr>
            </thead>
            <tbody>
              {districts.data.map((d) => (
                <tr key={d.code}>
                  <td>{d.code}</td>
                  <td>
                    <Link to={`/d/${d.code}`} aria-label={t('districts.open', { name: d.name })}>
                      {d.name}
                    </Link>
                  </td>
                  <td>{d.city}</td>
                  <td>{d.province}</td>
                  <td className="num">{d.indicatorCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
