// A manager brings an incubator's spreadsheets in: tenants or their yearly figures.
import { Link, useParams } from 'react-router';
import { ImportWizard } from '../components/imports/ImportWizard';
import { useI18n } from '../i18n/I18nProvider';

export function ImportPage() {
  const { incubatorId = '' } = useParams();
  const { t } = useI18n();
  return (
    <>
      <div className="page-header">
        <div>
          <Link to={`/incubators/${incubatorId}`}>{t('import.backToTenants')}</Link>
          <h1>{t('import.heading')}</h1>
        </div>
      </div>
      <ImportWizard incubatorId={incubatorId} />
    </>
  );
}
