// The import wizard: upload → mapping (when a header is unknown) → preview with the row problems →
// commit → result. A progress bar shows while the file is checked and while the rows are written.
import type { Import, ImportCommitResult } from '@torch/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  downloadImportFile,
  newImportId,
  useCommitImport,
  useImport,
  useImportProgress,
  useMapImport,
  useUploadImport,
} from '../../api/imports';
import { useI18n } from '../../i18n/I18nProvider';
import { ImportError } from './ImportError';
import { ImportMapping } from './ImportMapping';
import { ImportProblems } from './ImportProblems';
import { ImportUpload } from './ImportUpload';

type Progress = Import['progress'];

/**
 * A determinate bar once the server says how far it is (rows checked, rows written); until then
 * (the file still on its way) the browser draws an indeterminate one.
 */
function ProgressBar({
  waiting,
  progress,
  checking = 'import.validating',
}: {
  waiting: string;
  progress?: Progress;
  /** What the validating phase is called: the commit checks the rows again before it writes. */
  checking?: 'import.validating' | 'import.rechecking';
}) {
  const { t, language } = useI18n();
  const formatNumber = (n: number) => n.toLocaleString(language);
  const known = progress && progress.total > 0;
  const label = !progress ? waiting : progress.phase === 'committing' ? t('import.committing') : t(checking);
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <span>{label}</span>
      <progress
        max={known ? progress.total : undefined}
        value={known ? progress.done : undefined}
        data-testid="import-progress-bar"
      />
      {known && (
        <span className="muted" data-testid="import-progress-rows">
          {t('import.progressRows', {
            done: formatNumber(progress.done),
            total: formatNumber(progress.total),
          })}
        </span>
      )}
    </div>
  );
}

function Preview({ result, onAgain }: { result: Import; onAgain(): void }) {
  const { t } = useI18n();
  const commit = useCommitImport(result.id);
  const progress = useImportProgress(result.id, commit.isPending);
  const [done, setDone] = useState<ImportCommitResult | null>(null);
  if (done) {
    return (
      <section className="panel" data-testid="import-result">
        <p>{t('import.done', { created: done.created, updated: done.updated })}</p>
        <div className="form-actions">
          <Link
            to={`/incubators/${result.incubatorId}`}
            className="button button-primary"
            data-testid="import-back"
          >
            {t('import.backToTenants')}
          </Link>
          <button type="button" className="button" onClick={onAgain}>
            {t('import.another')}
          </button>
        </div>
      </section>
    );
  }
  const invalid = result.status === 'invalid';
  return (
    <section className="panel" data-testid="import-preview">
      <p data-testid="import-summary">
        {t('import.summary', {
          rows: result.rows,
          valid: result.valid,
          create: result.toCreate,
          update: result.toUpdate,
        })}
      </p>
      <ImportProblems problems={result.errors} kind="errors" />
      <ImportProblems problems={result.warnings} kind="warnings" />
      {invalid && <p>{t('import.fixAndRetry')}</p>}
      {commit.isError && <ImportError error={commit.error} />}
      {commit.isPending && (
        <ProgressBar waiting={t('import.committing')} progress={progress} checking="import.rechecking" />
      )}
      <div className="form-actions">
        {!invalid && (
          <button
            type="button"
            className="button button-primary"
            disabled={commit.isPending}
            onClick={() => commit.mutate(undefined, { onSuccess: setDone })}
            data-testid="import-commit"
          >
            {t('import.commit')}
          </button>
        )}
        {(result.errors.length > 0 || result.warnings.length > 0) && (
          <button
            type="button"
            className="button"
            onClick={() => void downloadImportFile(result.id)}
            data-testid="import-download-errors"
          >
            {t('import.downloadErrors')}
          </button>
        )}
        <button type="button" className="button" onClick={onAgain} data-testid="import-again">
          {t('import.another')}
        </button>
      </div>
    </section>
  );
}

export function ImportWizard({ incubatorId }: { incubatorId: string }) {
  const { t } = useI18n();
  const upload = useUploadImport(incubatorId);
  const [importId, setImportId] = useState<string | undefined>();
  const current = useImport(importId);
  const map = useMapImport(importId ?? '');
  const uploading = upload.variables?.id;
  const uploadProgress = useImportProgress(uploading, upload.isPending, true);
  const mapProgress = useImportProgress(importId, map.isPending);
  const result = current.data;
  const again = () => {
    setImportId(undefined);
    upload.reset();
  };

  if (!result) {
    return (
      <>
        <ImportUpload
          incubatorId={incubatorId}
          busy={upload.isPending}
          onUpload={(kind, file) =>
            upload.mutate({ kind, file, id: newImportId() }, { onSuccess: (r) => setImportId(r.id) })
          }
        />
        {upload.isPending && <ProgressBar waiting={t('import.uploading')} progress={uploadProgress} />}
        {upload.isError && <ImportError error={upload.error} />}
      </>
    );
  }
  return (
    <>
      <p className="muted" data-testid="import-file-name">
        {result.fileName}
      </p>
      {result.unknownHeaders.length > 0 && result.status !== 'committed' && (
        <ImportMapping
          key={result.unknownHeaders.join('|')}
          result={result}
          busy={map.isPending}
          onMap={(mapping) => map.mutate(mapping)}
        />
      )}
      {map.isPending && <ProgressBar waiting={t('import.validating')} progress={mapProgress} />}
      <Preview key={`${result.id}-${result.rows}-${result.errors.length}`} result={result} onAgain={again} />
    </>
  );
}
