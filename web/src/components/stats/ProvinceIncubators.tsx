// The province level of the drill-down: the province's incubators, each leading to its own page
// (its tenants). Tenant counts here are today's, not the chosen year's: the column says so.
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useIncubators } from '../../api/incubators';
import { formatCount } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { Pagination } from '../Pagination';
import { EmptyState, QueryState } from '../states';

export function ProvinceIncubators({ province }: { province: string }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const incubators = useIncubators({ province, page, pageSize, sort: '-tenantsIncubating' });

  return (
    <section className="panel" aria-labelledby="stats-incubators-heading" data-testid="stats-incubators">
      <div className="panel-header">
        <h2 id="stats-incubators-heading">
          {t('stats.incubators.heading', { province: labels.province(province) })}
        </h2>
      </div>
      <QueryState query={incubators}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState message={t('incubators.none')} />
          ) : (
            <>
              <div className={`table-wrap${incubators.isPlaceholderData ? ' is-stale' : ''}`}>
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('incubator.name')}</th>
                      <th scope="col">{t('incubator.city')}</th>
                      <th scope="col">{t('incubator.type')}</th>
                      <th scope="col">{t('incubator.level')}</th>
                      <th scope="col">{t('incubator.foundedOn')}</th>
                      <th scope="col" className="numeric">
                        {t('stats.incubators.incubatingNow')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((incubator) => (
                      <tr
                        key={incubator.id}
                        className="clickable"
                        onClick={() => navigate(`/incubators/${incubator.id}`)}
                        data-testid="stats-incubator-row"
                      >
                        <td>
                          <Link
                            to={`/incubators/${incubator.id}`}
                            onClick={(e) => e.stopPropagation()}
                            data-testid="stats-incubator-link"
                          >
                            {language === 'en' && incubator.nameEn ? incubator.nameEn : incubator.name}
                          </Link>
                        </td>
                        <td>{incubator.city}</td>
                        <td>{labels.incubatorType(incubator.type)}</td>
                        <td>{labels.level(incubator.level)}</td>
                        <td className="nowrap">{incubator.foundedOn}</td>
                        <td className="numeric">{formatCount(incubator.tenantsIncubating, language)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pagination
                page={page}
                pageSize={pageSize}
                total={data.total}
                onPage={setPage}
                onPageSize={(size) => {
                  setPageSize(size);
                  setPage(1);
                }}
              />
            </>
          )
        }
      </QueryState>
    </section>
  );
}
