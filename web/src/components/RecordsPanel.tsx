// A list of a tenant's records (investments, listings) under its heading, with the form that adds
// one for whoever may, and a word of confirmation once it is saved.
import { type ReactNode, useState } from 'react';

interface Props {
  heading: string;
  headingId: string;
  addLabel: string;
  addTestId: string;
  savedMessage: string;
  canWrite: boolean;
  form(done: { onSaved(): void; onCancel(): void }): ReactNode;
  children: ReactNode;
}

export function RecordsPanel({
  heading,
  headingId,
  addLabel,
  addTestId,
  savedMessage,
  canWrite,
  form,
  children,
}: Props) {
  const [adding, setAdding] = useState(false);
  const [saved, setSaved] = useState(false);
  const close = (wasSaved: boolean) => {
    setAdding(false);
    setSaved(wasSaved);
  };
  return (
    <>
      {adding && form({ onSaved: () => close(true), onCancel: () => close(false) })}
      {!adding && saved && (
        <div className="alert alert-success" role="status" data-testid="record-saved">
          {savedMessage}
        </div>
      )}
      <section className="panel" aria-labelledby={headingId}>
        <div className="panel-header">
          <h2 id={headingId}>{heading}</h2>
          {canWrite && !adding && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setAdding(true);
                setSaved(false);
              }}
              data-testid={addTestId}
            >
              {addLabel}
            </button>
          )}
        </div>
        {children}
      </section>
    </>
  );
}
