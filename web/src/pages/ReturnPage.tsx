// One incubator's annual return (年度统计报表): the manager fills in and submits it; the province
// approves or returns it; the Torch Center accepts, returns or reopens it. Figures are entered,
// tenant aggregates computed; the checks show inline and warnings are explained in place.
import { type AnnualReturn, RETURN_EDITABLE, type ReturnFigures, submissionBlockers } from '@torch/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../api/auth';
import { isApiError } from '../api/errors';
import { useReturn, useReturnTransition, useSaveReturn } from '../api/returns';
import { FiguresTable } from '../components/returns/FiguresTable';
import {
  ComputedTable,
  Recognition,
  ReturnChanges,
  ReturnComments,
  ReturnHistory,
} from '../components/returns/ReturnSide';
import { QueryState } from '../components/states';
import { useI18n } from '../i18n/I18nProvider';
import '../styles/returns.css';

export function ReturnPage() {
  const { incubatorId = '', year = '' } = useParams();
  const query = useReturn(incubatorId, Number(year));
  // Outlives the view, which starts afresh from each saved version of the return.
  const [message, setMessage] = useState<string | null>(null);
  return (
    <QueryState query={query}>
      {(ret) => (
        <ReturnView
          key={`${ret.version}-${ret.status}`}
          ret={ret}
          message={message}
          setMessage={setMessage}
        />
      )}
    </QueryState>
  );
}

interface ViewProps {
  ret: AnnualReturn;
  message: string | null;
  setMessage(message: string | null): void;
}

function ReturnView({ ret, message, setMessage }: ViewProps) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const [figures, setFigures] = useState<ReturnFigures>(ret.figures);
  const [explanations, setExplanations] = useState(ret.explanations);
  const [comment, setComment] = useState('');
  const [fieldComments, setFieldComments] = useState<Record<string, string>>({});
  const [mode, setMode] = useState<'view' | 'return' | 'reopen'>('view');
  const save = useSaveReturn(ret.incubatorId, ret.year);
  const step = useReturnTransition(ret.incubatorId, ret.year);
  const editable = me.role === 'incubator_manager' && RETURN_EDITABLE.includes(ret.status);
  const explain = (code: string, text: string) => setExplanations((e) => ({ ...e, [code]: text }));

  const failed = (error: unknown) =>
    setMessage(
      isApiError(error, 422)
        ? t('returns.refused')
        : t('returns.failed', { detail: String((error as Error).message) }),
    );
  const run = async (work: () => Promise<unknown>) => {
    setMessage(null);
    try {
      await work();
    } catch (error) {
      failed(error);
    }
  };
  const saveDraft = () => save.mutateAsync({ version: ret.version, figures, explanations });
  const submit = () =>
    run(async () => {
      const saved = await saveDraft();
      // The server refuses the same (422); checked first so a refused return is not half-sent.
      if (submissionBlockers(saved.flags, saved.explanations).length) {
        setMessage(t('returns.refused'));
        return;
      }
      await step.mutateAsync({ action: 'submit' });
    });
  const sendBack = () =>
    run(() =>
      step.mutateAsync({
        action: 'return',
        body: {
          comment,
          fieldComments: Object.entries(fieldComments)
            .filter(([, text]) => text.trim())
            .map(([path, text]) => ({ path, comment: text })),
        },
      }),
    );
  const busy = save.isPending || step.isPending;

  return (
    <>
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to={`/incubators/${ret.incubatorId}`}>{ret.incubatorName}</Link>
          </p>
          <h1>{t('returns.heading', { year: ret.year })}</h1>
          <p className="muted">
            <span className={`badge badge-return-${ret.status}`} data-testid="return-status">
              {t(`returns.status.${ret.status}`)}
            </span>{' '}
            {t('returns.deadline', { date: ret.deadline })}
            {ret.firstSubmittedAt && ` · ${ret.onTime ? t('returns.onTime') : t('returns.late')}`}
          </p>
        </div>
      </div>
      <ReturnComments ret={ret} />
      <ReturnChanges ret={ret} />
      <section className="panel">
        <h2>{t('returns.figures')}</h2>
        <FiguresTable
          ret={ret}
          figures={figures}
          explanations={explanations}
          editable={editable}
          onFigure={(field, value) => setFigures((f) => ({ ...f, [field]: value }))}
          onExplain={explain}
          {...(mode === 'return'
            ? {
                fieldComments,
                onFieldComment: (path, text) => setFieldComments((c) => ({ ...c, [path]: text })),
              }
            : {})}
        />
      </section>
      <section className="panel">
        <h2>{t('returns.computed')}</h2>
        <ComputedTable ret={ret} explanations={explanations} {...(editable ? { onExplain: explain } : {})} />
      </section>
      <section className="panel return-actions" data-testid="return-actions">
        {message && (
          <p className="form-alert" role="alert" data-testid="return-message">
            {message}
          </p>
        )}
        {editable && (
          <>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => run(saveDraft)}
              data-testid="return-save"
            >
              {t('returns.save')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={submit}
              data-testid="return-submit"
            >
              {t('returns.submit')}
            </button>
          </>
        )}
        {(['approve', 'accept'] as const)
          .filter((action) => ret.actions.includes(action))
          .map((action) => (
            <button
              key={action}
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => run(() => step.mutateAsync({ action }))}
              data-testid={`return-${action}`}
            >
              {t(`returns.${action}`)}
            </button>
          ))}
        {ret.actions.includes('return') && mode !== 'return' && (
          <button
            type="button"
            className="button"
            onClick={() => setMode('return')}
            data-testid="return-return"
          >
            {t('returns.return')}
          </button>
        )}
        {ret.actions.includes('reopen') && mode !== 'reopen' && (
          <button
            type="button"
            className="button"
            onClick={() => setMode('reopen')}
            data-testid="return-reopen"
          >
            {t('returns.reopen')}
          </button>
        )}
        {mode !== 'view' && (
          <div className="return-review-form">
            <label>
              <span>{mode === 'return' ? t('returns.returnComment') : t('returns.reopenReason')}</span>
              <textarea
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                data-testid="return-comment"
              />
            </label>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !comment.trim()}
              onClick={
                mode === 'return'
                  ? sendBack
                  : () => run(() => step.mutateAsync({ action: 'reopen', body: { reason: comment } }))
              }
              data-testid="return-confirm"
            >
              {mode === 'return' ? t('returns.confirmReturn') : t('returns.confirmReopen')}
            </button>
            <button type="button" className="button" onClick={() => setMode('view')}>
              {t('action.cancel')}
            </button>
          </div>
        )}
      </section>
      <Recognition ret={ret} />
      <ReturnHistory ret={ret} />
    </>
  );
}
