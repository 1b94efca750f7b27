import { useI18n } from '../i18n/I18nProvider';

export const PAGE_SIZES = [20, 50, 100] as const;

interface Props {
  page: number;
  pageSize: number;
  total: number;
  onPage(page: number): void;
  onPageSize(pageSize: number): void;
}

export function Pagination({ page, pageSize, total, onPage, onPageSize }: Props) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label={t('list.pagination')}>
      <span data-testid="list-total">{t('list.total', { total })}</span>
      <span className="pagination-controls">
        <button
          type="button"
          className="button button-small"
          disabled={page <= 1}
          onClick={() => onPage(page - 1)}
        >
          {t('list.previous')}
        </button>
        <span data-testid="list-page">{t('list.pageOf', { page, pages })}</span>
        <button
          type="button"
          className="button button-small"
          disabled={page >= pages}
          onClick={() => onPage(page + 1)}
        >
          {t('list.next')}
        </button>
        <label className="inline-label">
          {t('list.pageSize')}
          <select value={pageSize} onChange={(e) => onPageSize(Number(e.target.value))}>
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
      </span>
    </nav>
  );
}
