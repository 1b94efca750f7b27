// Tabs whose choice lives in the URL (?tab=…): a link or a reload opens the same tab.
import { useSearchParams } from 'react-router';

export interface Tab<T extends string> {
  id: T;
  label: string;
}

/** The current tab from the URL; an unknown or missing one is the first. */
export function useTab<T extends string>(tabs: readonly Tab<T>[]): [T, (id: T) => void] {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('tab');
  const current = tabs.find((tab) => tab.id === wanted)?.id ?? (tabs[0]?.id as T);
  const choose = (id: T) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (id === tabs[0]?.id) next.delete('tab');
      else next.set('tab', id);
      return next;
    });
  return [current, choose];
}

interface Props<T extends string> {
  tabs: readonly Tab<T>[];
  current: T;
  onChoose(id: T): void;
  label: string;
}

export function Tabs<T extends string>({ tabs, current, onChoose, label }: Props<T>) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          aria-selected={tab.id === current}
          className={tab.id === current ? 'tab active' : 'tab'}
          onClick={() => onChoose(tab.id)}
          data-testid={`tab-${tab.id}`}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
