// A new one-time link, shown once: copy it and send it (it was also mailed when SMTP is set).
import type { InvitationCreated } from '@torch/shared';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';

export function OneTimeLink({ link }: { link: InvitationCreated }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(link.url);
    setCopied(true);
  };
  return (
    <div className="alert alert-success" role="status" data-testid="one-time-link">
      <strong>{t('invite.linkTitle')}</strong>
      <p>{t('invite.linkNote')}</p>
      {link.mailed && <p>{t('invite.mailed')}</p>}
      <input
        className="search-box mono"
        readOnly
        value={link.url}
        aria-label={t('invite.linkTitle')}
        data-testid="invitation-url"
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void copy()} data-testid="copy-link">
          {copied ? t('invite.copied') : t('invite.copy')}
        </button>
      </div>
    </div>
  );
}
