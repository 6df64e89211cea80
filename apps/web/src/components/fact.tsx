import type { ReactNode } from 'react';

/** One labelled fact: a row (`dt` + `dd`) of a `<dl className="facts">`. */
export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
