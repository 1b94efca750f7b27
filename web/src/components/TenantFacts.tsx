// A tenant's facts as a grid of labelled values, in the reader's language.
import type { Tenant } from '@torch/shared';
import type { ReactNode } from 'react';
import { formatArea, formatMoney } from '../format';
import { useI18n } from '../i18n/I18nProvider';
import { useLabels } from '../i18n/use-labels';
import { FactGrid } from './FactGrid';

export function TenantFacts({ tenant }: { tenant: Tenant }) {
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
    ...(tenant.graduationCriteria.length
      ? ([
          [
            t('tenant.graduationCriteria'),
            tenant.graduationCriteria.map((c) => labels.criterion(c)).join('、'),
          ],
        ] as [string, string][])
      : []),
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
  return <FactGrid label={t('tenant.facts')} facts={facts} testId="tenant-facts" />;
}
