import { useParams } from 'react-router';
import { TenantDetail } from '../components/TenantDetail';

export function TenantPage() {
  const { tenantId = '' } = useParams();
  return <TenantDetail key={tenantId} tenantId={tenantId} />;
}
