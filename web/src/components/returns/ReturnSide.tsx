// What surrounds the figures: the computed aggregates, reviewers' comments, the changes since the
// return was sent back, recognition readiness and the history.
import { type AnnualReturn, STATS_INDICATORS } from '@torch/shared';
import { formatCount, formatDateOf } from '../../format';
import { isMessageKey, useI18n } from '../../i18n/I18nProvider';
import { useIndicatorText } from '../stats/use-indicator-text';
import { ReturnFlags } from './ReturnFlags';

interface ComputedProps {
  ret: AnnualReturn;
  explanations: Record<string, string>;
  onExplain?: (code: string, text: string) => void;
}

export function ComputedTable({ ret, explanations, onExplain }: ComputedProps) {
  const { t, language } = useI18n();
  const text = useIndicatorText();
  const indicators = STATS_INDICATORS.filter((k) => k !== 'incubators');
  return (
    <table className="table return-table" data-testid="return-computed">
      <tbody>
        {indicators.map((indicator) => (
          <tr key={indicator} data-testid={`computed-${indicator}`}>
            <th scope="row">{text.heading(indicator)}</th>
            <td>
              {text.cell(indicator, ret.computed[indicator])}
              <ReturnFlags
                flags={ret.flags.filter((f) => f.path === `computed.${indicator}`)}
                explanations={explanations}
                format={(value) => text.cell(indicator, value)}
                {...(onExplain ? { onExplain } : {})}
              />
            </td>
          </tr>
        ))}
        <tr>
          <th scope="row">{t('returns.field.tenantsFinanced')}</th>
          <td>{formatCount(ret.computed.tenantsFinanced, language)}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function ReturnComments({ ret }: { ret: AnnualReturn }) {
  const { t } = useI18n();
  const general = ret.comments.filter((c) => c.path === null);
  if (general.length === 0) return null;
  return (
    <section className="panel" data-testid="return-comments">
      <h2>{t('returns.comments')}</h2>
      {general.map((c) => (
        <p key={`${c.at}-${c.comment}`} className="return-comment">
          <strong>{c.byName}</strong> · {formatDateOf(c.at)}：{c.comment}
        </p>
      ))}
    </section>
  );
}

export function ReturnChanges({ ret }: { ret: AnnualReturn }) {
  const { t } = useI18n();
  if (!ret.history.some((h) => h.status === 'returned')) return null;
  return (
    <section className="panel" data-testid="return-changes">
      <h2>{t('returns.changes')}</h2>
      {ret.changes.length === 0 ? (
        <p className="muted">{t('returns.noChanges')}</p>
      ) : (
        <ul>
          {ret.changes.map((c) => {
            const key = `returns.field.${c.path.replace('figures.', '')}`;
            return (
              <li key={c.path} data-testid="return-change">
                {isMessageKey(key) ? t(key) : c.path}: {c.before.toLocaleString()} →{' '}
                {c.after.toLocaleString()}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

export function Recognition({ ret }: { ret: AnnualReturn }) {
  const { t } = useI18n();
  if (!ret.recognition) return null;
  return (
    <section className="panel" data-testid="return-recognition">
      <h2>{t('returns.recognition', { year: ret.recognition.ruleYear })}</h2>
      <p>{ret.recognition.ready ? t('returns.recognition.ready') : t('returns.recognition.notReady')}</p>
      <ul className="return-checks">
        {ret.recognition.checks.map((c) => {
          const key = `returns.check.${c.check}`;
          return (
            <li key={c.check} className={c.pass ? 'pass' : 'fail'}>
              {c.pass ? '✓' : '✗'} {isMessageKey(key) ? t(key) : c.check}: {c.actual.toLocaleString()} /{' '}
              {c.required.toLocaleString()}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ReturnHistory({ ret }: { ret: AnnualReturn }) {
  const { t } = useI18n();
  return (
    <section className="panel" data-testid="return-history">
      <h2>{t('returns.history')}</h2>
      <ol>
        {ret.history.map((h) => (
          <li key={`${h.at}-${h.action}`}>
            {formatDateOf(h.at)} · {h.byName} · {t(`returns.status.${h.status}`)}
            {h.reason ? `：${h.reason}` : ''}
          </li>
        ))}
      </ol>
    </section>
  );
}
