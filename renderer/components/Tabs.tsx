import type { KeyboardEvent } from 'react';

/** Tabs with arrow-key movement between them (the WAI-ARIA tablist pattern). */
export function Tabs<T extends string>({ tabs, current, onChange, label }: { tabs: { id: T; label: string }[]; current: T; onChange: (id: T) => void; label: string }) {
  const keys = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((t) => t.id === current);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : undefined;
    if (next) {
      e.preventDefault();
      onChange(next.id);
      (e.currentTarget.querySelector(`[data-tab="${next.id}"]`) as HTMLButtonElement | null)?.focus();
    }
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={keys}>
      {tabs.map((t) => (
        <button key={t.id} type="button" role="tab" data-tab={t.id} data-testid={`tab-${t.id}`} aria-selected={t.id === current} tabIndex={t.id === current ? 0 : -1}
          className={t.id === current ? 'current' : ''} onClick={() => onChange(t.id)}>{t.label}</button>
      ))}
    </div>
  );
}
