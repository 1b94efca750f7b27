// The checks of one figure, inline: errors in red, warnings with the explanation they need.
import type { ReturnFlag } from '@torch/shared';
import { isMessageKey, useI18n } from '../../i18n/I18nProvider';

interface Props {
  flags: ReturnFlag[];
  explanations: Record<string, string>;
  /** Set while the manager may still write explanations. */
  onExplain?: (code: string, text: string) => void;
  /** The reference in the figure's own unit (万元, m²). */
  format(value: number): string;
}

export function ReturnFlags({ flags, explanations, onExplain, format }: Props) {
  const { t } = useI18n();
  if (flags.length === 0) return null;
  return (
    <ul className="return-flags">
      {flags.map((flag) => {
        const key = `returns.flag.${flag.kind}`;
        return (
          <li
            key={flag.code}
            className={`return-flag return-flag-${flag.severity}`}
            data-testid="return-flag"
          >
            <span>{isMessageKey(key) ? t(key) : flag.kind}</span>
            {flag.reference !== null && (
              <span className="muted"> · {t('returns.reference', { value: format(flag.reference) })}</span>
            )}
            {flag.severity === 'warning' &&
              (onExplain ? (
                <textarea
                  aria-label={t('returns.explain')}
                  placeholder={t('returns.explain')}
                  value={explanations[flag.code] ?? ''}
                  onChange={(e) => onExplain(flag.code, e.target.value)}
                  data-testid={`explain-${flag.code}`}
                />
              ) : (
                explanations[flag.code] && <p className="return-explanation">{explanations[flag.code]}</p>
              ))}
          </li>
        );
      })}
    </ul>
  );
}
