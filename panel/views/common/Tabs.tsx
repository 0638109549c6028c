import type { ReactNode } from 'react';

/** A DevTools-style tab strip; `extra` sits at its right end. */
export function Tabs<T extends string>({ tabs, current, onChange, label, extra }: { tabs: readonly { id: T; label: string }[]; current: T; onChange: (id: T) => void; label: string; extra?: ReactNode }) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map((t) => (
        <button key={t.id} role="tab" aria-selected={t.id === current} className={`tab${t.id === current ? ' on' : ''}`} onClick={() => onChange(t.id)} data-tab={t.id}>
          {t.label}
        </button>
      ))}
      {extra && <span className="tabs-extra">{extra}</span>}
    </div>
  );
}
