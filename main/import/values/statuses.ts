/** The normalised order statuses the store keeps (others are kept lowercased as given). */
export type OrderStatus = 'paid' | 'pending' | 'refunded' | 'partially_refunded' | 'cancelled';
export type AttendeeStatus = 'Registered' | 'Attended' | 'Cancelled' | 'No-show';

/** Platforms word statuses differently ("Eventbrite Completed", "Free Order", "Canceled"). */
export function normaliseOrderStatus(raw: string): string | null {
  const v = raw.trim().toLowerCase();
  if (!v) return null;
  if (v.includes('refund')) return v.includes('partial') ? 'partially_refunded' : 'refunded';
  if (v.includes('cancel') || v.includes('void') || v.includes('deleted')) return 'cancelled';
  if (v.includes('pending') || v.includes('awaiting') || v.includes('unpaid')) return 'pending';
  if (/(complet|paid|free|complimentary|placed|confirmed|valid|success)/.test(v)) return 'paid';
  return v.slice(0, 50);
}

export const isCancelledOrder = (status: string | null): boolean => status === 'refunded' || status === 'cancelled';

/**
 * Attendee / ticket status words → the one status per event the app keeps (issue 12 point 2).
 * Order matters: "Not Attending" before "Attending", "not checked in" before "checked in".
 */
export function normaliseAttendeeStatus(raw: string): AttendeeStatus | null {
  const v = raw.trim().toLowerCase();
  if (!v) return null;
  if (/no[\s-]?show/.test(v)) return 'No-show';
  if (/not\s+attending|cancel|refund|delete|void|declin|transferred/.test(v)) return 'Cancelled';
  if (/not\s+checked|unchecked/.test(v)) return 'Registered';
  if (/checked[\s-]?in|attended|scanned|present/.test(v)) return 'Attended';
  if (/attending|registered|paid|valid|complete|confirmed|issued|active|booked/.test(v)) return 'Registered';
  return null;
}
