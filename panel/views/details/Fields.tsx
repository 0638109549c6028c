import type { ReactNode } from 'react';

/** A two-column list of labelled values. */
export function Fields({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="fields">
      {items.map(([k, v]) => (
        <div key={k} className="field"><dt>{k}</dt><dd>{v}</dd></div>
      ))}
    </dl>
  );
}

export const Unknown = ({ why }: { why?: string }) => <span className="unknown" title={why}>unknown</span>;
