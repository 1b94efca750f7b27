// The rows' problems as the spreadsheet names them: row number, column header, what is wrong.
import { IMPORT_MESSAGE_LABELS, type Import } from '@torch/shared';
import { useI18n } from '../../i18n/I18nProvider';

const SHOWN = 200;

export function ImportProblems({
  problems,
  kind,
}: {
  problems: Import['errors'];
  kind: 'errors' | 'warnings';
}) {
  const { t, language } = useI18n();
  if (!problems.length) return null;
  const text = (message: string) =>
    IMPORT_MESSAGE_LABELS[message]?.[language === 'en' ? 'en' : 'zh'] ?? message;
  return (
    <section className={`import-problems import-${kind}`} data-testid={`import-${kind}`}>
      <h3>{t(kind === 'errors' ? 'import.errors' : 'import.warnings', { count: problems.length })}</h3>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('import.row')}</th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {problems.slice(0, SHOWN).map((p) => (
            <tr key={`${p.row}-${p.column}-${p.message}`}>
              <td>{p.row}</td>
              <td>{p.column}</td>
              <td>{text(p.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.length > SHOWN && (
        <p className="muted">{t('import.more', { count: problems.length - SHOWN })}</p>
      )}
    </section>
  );
}
