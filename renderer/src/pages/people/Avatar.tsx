import type { CSSProperties, ReactElement } from 'react';

const initials = (name: string, email: string): string => {
  const parts = name.split(/\s+/).filter(Boolean);
  if (parts.length >= 2) return (parts[0][0] + parts[parts.length - 1][0]).toUpperCase();
  return (parts[0]?.[0] ?? email[0] ?? '?').toUpperCase();
};

/** A stable hue per email, so the same person always gets the same colour. */
const hueOf = (email: string): number => {
  let h = 0;
  for (let i = 0; i < email.length; i++) h = (h * 31 + email.charCodeAt(i)) % 360;
  return h;
};

export function Avatar({ name, email, size = 'sm' }: { name: string; email: string; size?: 'sm' | 'lg' }): ReactElement {
  return (
    <span className={`avatar avatar-${size}`} style={{ '--avatar-hue': hueOf(email) } as CSSProperties} aria-hidden="true">
      {initials(name, email)}
    </span>
  );
}
