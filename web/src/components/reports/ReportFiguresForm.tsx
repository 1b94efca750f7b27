// The sixteen figures of a yearly report, in three groups; money in 万元 with the yuan it stores.
import { formatYuan } from '../../format';
import { useI18n } from '../../i18n/I18nProvider';
import { useLabels } from '../../i18n/use-labels';
import { FormField } from '../form/FormField';
import type { SchemaForm } from '../form/use-schema-form';
import { FIGURE_GROUPS, figureValue, MONEY_FIGURES, type ReportValues } from './draft';

interface Props {
  form: Pick<SchemaForm<ReportValues, unknown>, 'register' | 'watch' | 'errorOf'>;
}

export function ReportFiguresForm({ form }: Props) {
  const { t, language } = useI18n();
  const labels = useLabels();
  const typed = form.watch();
  return (
    <>
      {FIGURE_GROUPS.map((group) => (
        <fieldset key={group.heading} className="figure-group">
          <legend>{t(group.heading)}</legend>
          <div className="form-grid">
            {group.fields.map((field) => {
              const money = MONEY_FIGURES.has(field);
              const yuan = figureValue(field, typed[field] ?? '');
              return (
                <FormField
                  key={field}
                  name={field}
                  label={
                    money ? t('report.moneyLabel', { figure: labels.figure(field) }) : labels.figure(field)
                  }
                  error={form.errorOf(field)}
                  hint={
                    money && (typed[field] ?? '').trim() !== '' && Number.isFinite(yuan)
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
                        {...form.register(field)}
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
