// Which incubator a new manager will run: a name search over the incubators in the caller's scope.
import { useState } from 'react';
import { useIncubators } from '../../api/incubators';
import { useI18n } from '../../i18n/I18nProvider';
import { FormField } from '../form/FormField';
import { SearchBox } from '../SearchBox';

export function IncubatorPicker({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange(id: string): void;
  error?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const incubators = useIncubators({ q: q || undefined, pageSize: 50 });
  const items = incubators.data?.items ?? [];
  return (
    <>
      <SearchBox
        value={q}
        onSearch={setQ}
        label={t('users.searchIncubator')}
        placeholder={t('users.searchIncubator')}
      />
      <FormField name="incubatorId" label={t('invite.incubator')} error={error} required>
        {(control) => (
          <select {...control} value={value} onChange={(e) => onChange(e.target.value)}>
            <option value="" />
            {items.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
    </>
  );
}
