// Step 1: what to import and the file; the template of each kind is one click away.
import type { ImportKind } from '@torch/shared';
import { useState } from 'react';
import { downloadTemplate } from '../../api/imports';
import { useI18n } from '../../i18n/I18nProvider';

interface Props {
  incubatorId: string;
  busy: boolean;
  onUpload(kind: ImportKind, file: File): void;
}

export function ImportUpload({ incubatorId, busy, onUpload }: Props) {
  const { t } = useI18n();
  const [kind, setKind] = useState<ImportKind>('tenants');
  const [file, setFile] = useState<File | null>(null);
  return (
    <form
      className="panel form import-upload"
      onSubmit={(e) => {
        e.preventDefault();
        if (file) onUpload(kind, file);
      }}
    >
      <div className="form-grid">
        <div className="form-field">
          <label htmlFor="import-kind">{t('import.kind')}</label>
          <select
            id="import-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as ImportKind)}
            data-testid="import-kind"
          >
            <option value="tenants">{t('import.kind.tenants')}</option>
            <option value="reports">{t('import.kind.reports')}</option>
          </select>
        </div>
        <div className="form-field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="import-file"
          />
        </div>
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={!file || busy}
          data-testid="import-upload"
        >
          {t('import.upload')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void downloadTemplate(incubatorId, kind)}
          data-testid="import-template"
        >
          {t('import.template')}
        </button>
      </div>
    </form>
  );
}
