// A search input that tells its owner only after typing pauses, so each keystroke is not a request.
import { useEffect, useRef, useState } from 'react';

interface Props {
  value: string;
  onSearch(value: string): void;
  label: string;
  placeholder?: string;
  delayMs?: number;
  testId?: string;
}

export function SearchBox({ value, onSearch, label, placeholder, delayMs = 300, testId }: Props) {
  const [text, setText] = useState(value);
  const latest = useRef(onSearch);
  latest.current = onSearch;

  // Follow changes made elsewhere (navigation to another URL) to the committed search.
  useEffect(() => setText(value), [value]);

  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => latest.current(text.trim()), delayMs);
    return () => clearTimeout(timer);
  }, [text, value, delayMs]);

  return (
    <input
      type="search"
      className="search-box"
      aria-label={label}
      placeholder={placeholder ?? label}
      value={text}
      onChange={(e) => setText(e.target.value)}
      data-testid={testId}
    />
  );
}
