import type { ReactElement } from 'react';

/** Icons only the builder draws, on the UI kit's 24×24 stroke grid and `icon` class. */
const paths = {
  plus: ['M12 5v14', 'M5 12h14'],
  filter: ['M3 5h18l-7 8.5V19l-4 2v-7.5z'],
  group: ['M8 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h2', 'M16 4h2a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2h-2', 'M9 12h6'],
  sort: ['M7 4v16', 'm3 16 4 4 4-4', 'M17 20V4', 'm13 8 4-4 4 4'],
  columns: ['M4 4h16v16H4z', 'M10 4v16'],
  panelLeft: ['M4 4h16v16H4z', 'M9 4v16', 'm15 10-2 2 2 2'],
  reset: ['M3 12a9 9 0 1 0 3-6.7L3 8', 'M3 3v5h5'],
} satisfies Record<string, string[]>;

export type BuilderIconName = keyof typeof paths;

export function BuilderIcon({ name, size = 15 }: { name: BuilderIconName; size?: number }): ReactElement {
  return (
    <svg className="icon" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden focusable="false">
      {paths[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
