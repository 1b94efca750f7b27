// One tenant: its facts and story, money and listings, yearly reports; the edit form for whoever
// may edit (its manager, or the company), and graduation and exit for its manager.
import { type ReactNode, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { useTenant } from '../api/tenants';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages/zh-CN';
import { OverdueBadge, StatusBadge } from './Badges';
import { Flash } from './Flash';
import { InvestmentsPanel } from './investments/InvestmentsPanel';
import { ExitDialog } from './lifecycle/ExitDialog';
import { GraduationDialog } from './lifecycle/GraduationDialog';
import { ListingsPanel } from './listings/ListingsPanel';
import { PendingChangeNotice } from './PendingChangeNotice';
import { isOwnCompany, managesIncubator } from './permissions';
import { ReportsPanel } from './reports/ReportsPanel';
import { QueryState } from './states';
import { type Tab, Tabs, useTab } from './Tabs';
import { TenantFacts } from './TenantFacts';
import { TenantEditForm } from './tenant-form/TenantEditForm';
import { TenantTimeline } from './timeline/TenantTimeline';
import { CompanyUsersPanel } from './users/CompanyUsersPanel';

type TabId = 'overview' | 'investments' | 'listings' | 'reports';

export function TenantDetail({ tenantId }: { tenantId: string }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const location = useLocation();
  const tenant = useTenant(tenantId);
  const tabs: Tab<TabId>[] = [
    { id: 'overview', label: t('tenantTabs.overview') },
    { id: 'investments', label: t('tenantTabs.investments') },
    { id: 'listings', label: t('tenantTabs.listings') },
    { id: 'reports', label: t('tenantTabs.reports') },
  ];
  const [tab, chooseTab] = useTab(tabs);
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<'graduate' | 'exit' | null>(null);
  const [flash, setFlash] = useState<MessageKey | null>(
    (location.state as { flash?: string } | null)?.flash === 'admitted' ? 'tenant.admittedFlash' : null,
  );

  return (
    <QueryState query={tenant}>
      {(data) => {
        const managesIt = managesIncubator(me, data.incubatorId);
        const ownCompany = isOwnCompany(me, data.id);
        const canEdit = managesIt || ownCompany;
        // Only an incubating tenant graduates or leaves; a graduate stays tracked, an exit is final.
        const canEnd = managesIt && data.status === 'incubating';

        const ended = (message: MessageKey) => {
          setDialog(null);
          setFlash(message);
          chooseTab('overview');
        };

        const panels: Record<TabId, ReactNode> = {
          overview: editing ? (
            <TenantEditForm
              key={data.version}
              tenant={data}
              canEditManaged={managesIt}
              onSaved={() => {
                setEditing(false);
                setFlash('edit.saved');
              }}
              onCancel={() => setEditing(false)}
              onReload={() => void tenant.refetch()}
            />
          ) : (
            <div className="detail-columns">
              <TenantFacts tenant={data} />
              <TenantTimeline tenantId={data.id} />
            </div>
          ),
          investments: <InvestmentsPanel tenant={data} canWrite={managesIt} />,
          listings: <ListingsPanel tenant={data} canWrite={managesIt} />,
          reports: <ReportsPanel tenant={data} canWrite={ownCompany} canReview={managesIt} />,
        };

        return (
          <>
            <div className="page-header">
              <div>
                {me.role !== 'tenant' && (
                  <p className="breadcrumb">
                    <Link to={`/incubators/${data.incubatorId}`}>{data.incubatorName}</Link>
                  </p>
                )}
                <h1 data-testid="tenant-name">{data.name}</h1>
                <p className="muted">
                  {data.nameEn && <span>{data.nameEn} · </span>}
                  <span className="mono">{data.uscc}</span>
                </p>
              </div>
              <div className="page-actions">
                <span data-testid="tenant-status">
                  <StatusBadge status={data.status} />
                </span>
                {data.overdue && <OverdueBadge />}
                {canEnd && (
                  <>
                    <button
                      type="button"
                      className="button"
                      onClick={() => setDialog('exit')}
                      data-testid="exit-tenant"
                    >
                      {t('exit.action')}
                    </button>
                    <button
                      type="button"
                      className="button"
                      onClick={() => setDialog('graduate')}
                      data-testid="graduate-tenant"
                    >
                      {t('graduation.action')}
                    </button>
                  </>
                )}
                {canEdit && !editing && (
                  <button
                    type="button"
                    className="button button-primary"
                    onClick={() => {
                      setEditing(true);
                      chooseTab('overview');
                    }}
                    data-testid="edit-tenant"
                  >
                    {t('action.edit')}
                  </button>
                )}
              </div>
            </div>
            <Flash message={flash && t(flash)} />
            {data.pendingChange && (
              <PendingChangeNotice
                tenant={{ ...data, pendingChange: data.pendingChange }}
                canDecide={managesIt}
              />
            )}
            <Tabs tabs={tabs} current={tab} onChoose={chooseTab} label={t('tenantTabs.label')} />
            {panels[tab]}
            {managesIt && tab === 'overview' && !editing && (
              <CompanyUsersPanel tenantId={data.id} companyId={data.companyId} />
            )}
            {dialog === 'graduate' && (
              <GraduationDialog
                tenant={data}
                onClose={() => setDialog(null)}
                onDone={() => ended('graduation.done')}
              />
            )}
            {dialog === 'exit' && (
              <ExitDialog tenant={data} onClose={() => setDialog(null)} onDone={() => ended('exit.done')} />
            )}
          </>
        );
      }}
    </QueryState>
  );
}
