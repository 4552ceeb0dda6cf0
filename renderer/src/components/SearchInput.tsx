import { forwardRef, type ReactElement } from 'react';
import { Icon } from './Icon';

interface SearchInputProps {
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
}

/** A search box with an icon and a clear button; Escape clears it. */
export const SearchInput = forwardRef<HTMLInputElement, SearchInputProps>(function SearchInput(
  { value, onChange, label, placeholder },
  ref,
): ReactElement {
  return (
    <div className="search">
      <Icon name="search" size={15} className="search-icon" />
      <input
        ref={ref}
        type="search"
        className="input search-input"
        aria-label={label}
        placeholder={placeholder ?? label}
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value) {
            e.preventDefault();
            onChange('');
          }
        }}
      />
      {value && (
        <button type="button" className="search-clear" aria-label="Clear search" onClick={() => onChange('')}>
          <Icon name="close" size={13} />
        </button>
      )}
    </div>
  );
});
