// The sixteen figures of a yearly report, in three groups; money in 万元 with the yuan it stores.
import type { FigureField } from '@torch/shared';
import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { FormField } from '../form/FormField';
import type { FieldErrors } from '../form/problems';
import { FIGURE_GROUPS, type FigureDraft, figureValue, MONEY_FIGURES } from './draft';

interface Props {
  draft: FigureDraft;
  errors: FieldErrors;
  onChange(field: FigureField, text: string): void;
}

export function ReportFiguresForm({ draft, errors, onChange }: Props) {
  const { t, language } = useI18n();
  const labels = useLabels();
  return (
    <>
      {FIGURE_GROUPS.map((group) => (
        <fieldset key={group.heading} className="figure-group">
          <legend>{t(group.heading)}</legend>
          <div className="form-grid">
            {group.fields.map((field) => {
              const money = MONEY_FIGURES.has(field);
              const yuan = figureValue(field, draft[field]);
              return (
                <FormField
                  key={field}
                  name={field}
                  label={
                    money ? t('report.moneyLabel', { figure: labels.figure(field) }) : labels.figure(field)
                  }
                  error={errors[field]}
                  hint={
                    money && draft[field].trim() !== '' && Number.isFinite(yuan)
                      ? t('form.equalsYuan', { amount: formatYuan(yuan, language) })
                      : undefined
                  }
                >
                  {(control) => (
                    <span className="input-with-unit">
                      <input
                        {...control}
                        inputMode={money ? 'decimal' : 'numeric'}
                        placeholder="0"
                        value={draft[field]}
                        onChange={(e) => onChange(field, e.target.value)}
                      />
                      <span className="unit">{t(group.unit)}</span>
                    </span>
                  )}
                </FormField>
              );
            })}
          </div>
        </fieldset>
      ))}
    </>
  );
}
