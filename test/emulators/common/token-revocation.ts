/**
 * OAuth revocation as the emulated vendors do it (RFC 7009): revoking an access token revokes it
 * alone; revoking a refresh token also revokes every access token issued from it.
 * Returns false when neither store knows the token.
 */
export function revokeToken(
  access: ReadonlyMap<string, { revoked: boolean; refreshToken?: string }>,
  refresh: ReadonlyMap<string, { revoked: boolean }>,
  token: string,
): boolean {
  const a = access.get(token);
  if (a) {
    a.revoked = true;
    return true;
  }
  const r = refresh.get(token);
  if (!r) return false;
  r.revoked = true;
  for (const acc of access.values()) if (acc.refreshToken === token) acc.revoked = true;
  return true;
}
