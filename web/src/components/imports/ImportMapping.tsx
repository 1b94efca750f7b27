// Step 2 (only when needed): headers the importer does not know are mapped to a column or ignored.
import { IMPORT_COLUMNS, type Import } from '@torch/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  result: Import;
  busy: boolean;
  onMap(mapping: Record<string, string>): void;
}

export function ImportMapping({ result, busy, onMap }: Props) {
  const { t, language } = useI18n();
  const taken = new Set(result.columns.map((c) => c.key).filter(Boolean));
  const choices = IMPORT_COLUMNS[result.kind].filter((c) => !c.readOnly && !taken.has(c.key));
  const [mapping, setMapping] = useState<Record<string, string>>(() =>
    Object.fromEntries(result.unknownHeaders.map((h) => [h, ''])),
  );
  return (
    <section className="panel" data-testid="import-mapping">
      <p>{t('import.mappingHint')}</p>
      <dl className="import-mapping">
        {result.unknownHeaders.map((header) => (
          <div key={header} className="form-field">
            <dt>{header}</dt>
            <dd>
              <select
                aria-label={header}
                value={mapping[header] ?? ''}
                onChange={(e) => setMapping({ ...mapping, [header]: e.target.value })}
              >
                <option value="">{t('import.ignore')}</option>
                {choices.map((c) => (
                  <option key={c.key} value={c.key}>
                    {language === 'en' ? c.en : c.zh}
                  </option>
                ))}
              </select>
            </dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className="button button-primary"
        disabled={busy}
        onClick={() => onMap(mapping)}
        data-testid="import-apply-mapping"
      >
        {t('import.applyMapping')}
      </button>
    </section>
  );
}
