// One tenant: its facts, and the edit form for whoever may edit (its manager, or the company).
import type { Tenant } from '@torch/shared';
import { type ReactNode, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { useTenant } from '../api/tenants';
import { formatArea, formatMoney } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/messages/zh-CN';
import { useLabels } from '../i18n/use-labels';
import { OverdueBadge, StatusBadge } from './Badges';
import { ErrorState, Loading } from './states';
import { TenantEditForm } from './tenant-form/TenantEditForm';

export function TenantDetail({ tenantId }: { tenantId: string }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const location = useLocation();
  const tenant = useTenant(tenantId);
  const [editing, setEditing] = useState(false);
  const [flash, setFlash] = useState<MessageKey | null>(
    (location.state as { flash?: string } | null)?.flash === 'admitted' ? 'tenant.admittedFlash' : null,
  );

  if (tenant.isPending) return <Loading />;
  if (tenant.isError) return <ErrorState error={tenant.error} onRetry={() => void tenant.refetch()} />;

  const data = tenant.data;
  const managesIt = me.role === 'incubator_manager' && me.incubatorIds.includes(data.incubatorId);
  const canEdit = managesIt || (me.role === 'tenant' && me.tenantId === data.id);

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
          <StatusBadge status={data.status} />
          {data.overdue && <OverdueBadge />}
          {canEdit && !editing && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => setEditing(true)}
              data-testid="edit-tenant"
            >
              {t('action.edit')}
            </button>
          )}
        </div>
      </div>
      {flash && (
        <div className="alert alert-success" role="status" data-testid="flash">
          {t(flash)}
        </div>
      )}
      {editing ? (
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
        <TenantFacts tenant={data} />
      )}
    </>
  );
}

function TenantFacts({ tenant }: { tenant: Tenant }) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const none = '—';
  const facts: [string, ReactNode][] = [
    [t('tenant.status'), labels.status(tenant.status)],
    [t('tenant.field'), labels.field(tenant.field)],
    [t('tenant.foundedOn'), tenant.foundedOn],
    [t('tenant.admittedOn'), tenant.admittedOn],
    [t('tenant.incubationEndsOn'), tenant.incubationEndsOn],
    [t('tenant.overdue'), tenant.overdue ? t('common.yes') : t('common.no')],
    ...(tenant.graduatedOn ? ([[t('tenant.graduatedOn'), tenant.graduatedOn]] as [string, string][]) : []),
    ...(tenant.exitedOn
      ? ([
          [
            t('tenant.exitedOn'),
            `${tenant.exitedOn}${tenant.exitReason ? ` · ${labels.exitReason(tenant.exitReason)}` : ''}`,
          ],
        ] as [string, string][])
      : []),
    [t('tenant.areaOccupied'), formatArea(tenant.areaOccupied, language)],
    [t('tenant.registeredCapital'), formatMoney(tenant.registeredCapital, language)],
    [t('tenant.founderTraits'), tenant.founderTraits.map((x) => labels.trait(x)).join('、') || none],
    [t('tenant.integratedCircuit'), tenant.integratedCircuit ? t('common.yes') : t('common.no')],
    [t('tenant.highTechCertifiedOn'), tenant.highTechCertifiedOn ?? none],
    [t('tenant.legalRepresentative'), tenant.legalRepresentative ?? none],
    [t('tenant.contactPhone'), tenant.contactPhone ?? none],
    [
      t('tenant.website'),
      tenant.website ? (
        <a key="website" href={tenant.website} target="_blank" rel="noreferrer noopener">
          {tenant.website}
        </a>
      ) : (
        none
      ),
    ],
    ...(tenant.admissionExceptionReason
      ? ([[t('tenant.admissionExceptionReason'), tenant.admissionExceptionReason]] as [string, string][])
      : []),
  ];
  return (
    <section className="panel facts" aria-label={t('tenant.facts')} data-testid="tenant-facts">
      <dl className="fact-grid">
        {facts.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
