// A page under one incubator (its mentors, its review queue, admitting a tenant): the incubator
// is read first, and the header leads back to it.
import type { Incubator } from '@torch/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useIncubator } from '../api/incubators';
import { QueryState } from './states';

interface Props {
  incubatorId: string;
  title: string;
  /** Buttons at the header's end. */
  actions?: ReactNode;
  children(incubator: Incubator): ReactNode;
}

export function IncubatorSubpage({ incubatorId, title, actions, children }: Props) {
  const incubator = useIncubator(incubatorId);
  return (
    <QueryState query={incubator}>
      {(data) => (
        <>
          <div className="page-header">
            <div>
              <p className="breadcrumb">
                <Link to={`/incubators/${incubatorId}`}>{data.name}</Link>
              </p>
              <h1>{title}</h1>
            </div>
            {actions && <div className="page-actions">{actions}</div>}
          </div>
          {children(data)}
        </>
      )}
    </QueryState>
  );
}
