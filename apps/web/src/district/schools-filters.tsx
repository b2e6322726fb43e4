import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The address's query as the page's filters: read one, set or clear one (an empty value clears it). Changing a
 * filter replaces the history entry, and goes back to the first page.
 */
export function useFilterParams() {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [name, value] of Object.entries(changes)) {
          if (value) next.set(name, value);
          else next.delete(name);
        }
        if (!('page' in changes)) next.delete('page');
        return next;
      },
      { replace: true },
    );
  return { get: (name: string) => params.get(name) ?? undefined, set };
}

interface SearchProps {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (v: string) => void;
}

/** A search, written to the address a moment after typing stops (and at once on Enter). */
export function SearchBox({ id, label, placeholder, value, onChange }: SearchProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => onChange(text.trim()), 400);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);
  return (
    <div className="district-filter">
      <label htmlFor={id}>{label}</label>
      <Input.Search
        id={id}
        value={text}
        allowClear
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => onChange(v.trim())}
      />
    </div>
  );
}
