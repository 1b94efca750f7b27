// A modal on the native <dialog>: the browser traps focus, Escape closes it, the page behind is inert.
import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider';

interface Props {
  title: string;
  testId: string;
  onClose(): void;
  children: ReactNode;
}

export function Dialog({ title, testId, onClose, children }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const latestClose = useRef(onClose);
  latestClose.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Never closed on cleanup: close() queues a 'close' event that the remount (StrictMode runs
    // effects twice) would take for the person's Escape. Unmounting removes the dialog anyway.
    if (!dialog.open) dialog.showModal();
    const closed = () => latestClose.current();
    dialog.addEventListener('close', closed);
    return () => dialog.removeEventListener('close', closed);
  }, []);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <div className="dialog-header">
        <h2 id={`${testId}-title`}>{title}</h2>
        <button
          type="button"
          className="button button-ghost dialog-close"
          aria-label={t('action.close')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
