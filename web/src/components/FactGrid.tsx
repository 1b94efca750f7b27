// Facts as a grid of labelled values (a tenant's, an incubator's).
import type { ReactNode } from 'react';

interface Props {
  label: string;
  facts: [string, ReactNode][];
  testId?: string;
}

export function FactGrid({ label, facts, testId }: Props) {
  return (
    <section className="panel facts" aria-label={label} data-testid={testId}>
      <dl className="fact-grid">
        {facts.map(([name, value]) => (
          <div key={name} className="fact">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
