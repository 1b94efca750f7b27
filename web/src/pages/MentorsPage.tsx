// An incubator's mentors and the tenants each mentors. Its manager adds mentors and assigns them.
import { PageQuery } from '@torch/shared';
import { Fragment, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { useIncubatorMentors } from '../api/mentors';
import { Flash } from '../components/Flash';
import { IncubatorSubpage } from '../components/IncubatorSubpage';
import { AssignMentorForm } from '../components/mentors/AssignMentorForm';
import { MentorForm } from '../components/mentors/MentorForm';
import { Pagination } from '../components/Pagination';
import { managesIncubator } from '../components/permissions';
import { EmptyState, QueryState } from '../components/states';
import { useListParams } from '../components/use-list-params';
import { useI18n } from '../i18n/I18nProvider';

export function MentorsPage() {
  const { incubatorId = '' } = useParams();
  const { t } = useI18n();
  const me = useCurrentUser();
  const [query, update] = useListParams(PageQuery);
  const mentors = useIncubatorMentors(incubatorId, query);
  const [adding, setAdding] = useState(false);
  const [assigning, setAssigning] = useState<string | null>(null);
  const [flash, setFlash] = useState<string | null>(null);
  const manages = managesIncubator(me, incubatorId);

  return (
    <IncubatorSubpage
      incubatorId={incubatorId}
      title={t('mentor.heading')}
      actions={
        manages &&
        !adding && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setAdding(true);
              setFlash(null);
            }}
            data-testid="add-mentor"
          >
            {t('mentor.add')}
          </button>
        )
      }
    >
      {() => (
        <>
          <Flash message={flash} />
          {adding && (
            <MentorForm
              incubatorId={incubatorId}
              onSaved={() => {
                setAdding(false);
                setFlash(t('mentor.added'));
              }}
              onCancel={() => setAdding(false)}
            />
          )}
          {/* Not on TanStack Table (DataTable): the assign form opens as a row under its mentor,
              and an incubator has a few dozen mentors in the one order the API gives, so there
              is no sorting or column choice to hold. */}
          <section className="panel">
            <QueryState query={mentors}>
              {(page) => (
                <>
                  <div className={`table-wrap${mentors.isPlaceholderData ? ' is-stale' : ''}`}>
                    <table className="table" data-testid="mentors-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('mentor.name')}</th>
                          <th scope="col">{t('mentor.expertise')}</th>
                          <th scope="col">{t('mentor.contact')}</th>
                          <th scope="col">{t('mentor.tenants')}</th>
                          {manages && (
                            <th scope="col">
                              <span className="visually-hidden">{t('report.actions')}</span>
                            </th>
                          )}
                        </tr>
                      </thead>
                      <tbody>
                        {page.items.map((mentor) => (
                          <Fragment key={mentor.id}>
                            <tr data-testid="mentor-row">
                              <td className="name-cell">
                                <strong>{mentor.name}</strong>
                                {mentor.title && <div className="muted">{mentor.title}</div>}
                              </td>
                              <td>{mentor.expertise ?? '—'}</td>
                              <td>{[mentor.email, mentor.phone].filter(Boolean).join(' · ') || '—'}</td>
                              <td data-testid="mentor-tenants">
                                {mentor.tenants.length === 0 ? (
                                  <span className="muted">{t('mentor.noTenants')}</span>
                                ) : (
                                  <ul className="plain-list">
                                    {mentor.tenants.map((m) => (
                                      <li key={m.tenantId}>
                                        <Link to={`/tenants/${m.tenantId}`}>{m.tenantName}</Link>
                                        <span className="muted">
                                          {' '}
                                          · {t('mentor.since', { date: m.startedOn })}
                                        </span>
                                      </li>
                                    ))}
                                  </ul>
                                )}
                              </td>
                              {manages && (
                                <td className="row-actions">
                                  <button
                                    type="button"
                                    className="button button-small"
                                    onClick={() => {
                                      setAssigning(assigning === mentor.id ? null : mentor.id);
                                      setFlash(null);
                                    }}
                                    data-testid="assign-mentor"
                                  >
                                    {t('mentor.assign')}
                                  </button>
                                </td>
                              )}
                            </tr>
                            {assigning === mentor.id && (
                              <tr className="row-form">
                                <td colSpan={5}>
                                  <AssignMentorForm
                                    incubatorId={incubatorId}
                                    mentor={mentor}
                                    onSaved={() => {
                                      setAssigning(null);
                                      setFlash(t('mentor.assigned', { name: mentor.name }));
                                    }}
                                    onCancel={() => setAssigning(null)}
                                  />
                                </td>
                              </tr>
                            )}
                          </Fragment>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  {page.items.length === 0 && <EmptyState message={t('mentor.none')} />}
                  <Pagination
                    page={query.page}
                    pageSize={query.pageSize}
                    total={page.total}
                    onPage={(page) => update({ page })}
                    onPageSize={(pageSize) => update({ pageSize })}
                  />
                </>
              )}
            </QueryState>
          </section>
        </>
      )}
    </IncubatorSubpage>
  );
}
