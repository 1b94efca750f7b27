// The manager's figures beside the reviewers' comments and the checks, one row per figure; the
// figures are inputs while the return is the manager's to change (money in 万元, areas in m²).
import {
  type AnnualReturn,
  RETURN_FIGURE_FIELDS,
  type ReturnFigureField,
  type ReturnFigures,
} from '@torch/shared';
import { formatArea, formatCount, formatMoney, wanToYuan, yuanToWanInput } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { ReturnFlags } from './ReturnFlags';

const AREAS = new Set<ReturnFigureField>(['totalArea', 'tenantArea', 'publicServiceArea']);
const COUNTS = new Set<ReturnFigureField>(['staffCount', 'mentorCount', 'mentorsOnStaff']);
const isMoney = (f: ReturnFigureField) => !AREAS.has(f) && !COUNTS.has(f);

interface Props {
  ret: AnnualReturn;
  figures: ReturnFigures;
  explanations: Record<string, string>;
  editable: boolean;
  onFigure(field: ReturnFigureField, value: number): void;
  onExplain(code: string, text: string): void;
  /** A reviewer writing per-field comments. */
  fieldComments?: Record<string, string>;
  onFieldComment?: (path: string, text: string) => void;
}

export function FiguresTable(props: Props) {
  const { t, language } = useI18n();
  const { ret, figures, editable } = props;
  const shown = (f: ReturnFigureField, value = figures[f]) =>
    AREAS.has(f)
      ? formatArea(value, language)
      : COUNTS.has(f)
        ? formatCount(value, language)
        : formatMoney(value, language);
  return (
    <table className="table return-table" data-testid="return-figures">
      <thead>
        <tr>
          <th scope="col">{t('returns.figure')}</th>
          <th scope="col">{t('returns.value')}</th>
          <th scope="col">{t('returns.comment')}</th>
        </tr>
      </thead>
      <tbody>
        {RETURN_FIGURE_FIELDS.map((field) => {
          const path = `figures.${field}`;
          const comments = ret.comments.filter((c) => c.path === path);
          return (
            <tr key={field} data-testid={`figure-${field}`}>
              <th scope="row">{t(`returns.field.${field}`)}</th>
              <td>
                {editable ? (
                  <input
                    className="input"
                    inputMode="decimal"
                    aria-label={t(`returns.field.${field}`)}
                    defaultValue={isMoney(field) ? yuanToWanInput(figures[field]) : String(figures[field])}
                    onChange={(e) => {
                      const value = isMoney(field) ? wanToYuan(e.target.value) : Number(e.target.value);
                      if (Number.isFinite(value)) props.onFigure(field, value);
                    }}
                    data-testid={`input-${field}`}
                  />
                ) : (
                  shown(field)
                )}
                <ReturnFlags
                  flags={ret.flags.filter((f) => f.path === path)}
                  explanations={props.explanations}
                  format={(value) => shown(field, value)}
                  {...(editable ? { onExplain: props.onExplain } : {})}
                />
              </td>
              <td>
                {comments.map((c) => (
                  <p key={`${c.at}-${c.comment}`} className="return-comment" data-testid="field-comment">
                    {c.comment}
                  </p>
                ))}
                {props.onFieldComment && (
                  <input
                    className="input"
                    aria-label={t('returns.fieldComment')}
                    placeholder={t('returns.fieldComment')}
                    value={props.fieldComments?.[path] ?? ''}
                    onChange={(e) => props.onFieldComment?.(path, e.target.value)}
                    data-testid={`comment-${field}`}
                  />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
