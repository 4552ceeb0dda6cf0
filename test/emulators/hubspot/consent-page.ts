import type { EmuReply } from '../common/http';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const html = (status: number, body: string): EmuReply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>HubSpot emulator: connect app</title></head><body>${body}</body></html>`,
});

/** The consent screen: every authorize parameter rides along as a hidden field to the decision POST. */
export function consentPage(params: Record<string, string>, appName: string, hubDomain: string, scopes: string[]): EmuReply {
  const hidden = Object.entries(params)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  const scopeItems = scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('');
  return html(
    200,
    `<main>
<h1>Connect ${escapeHtml(appName)} to ${escapeHtml(hubDomain)}</h1>
<p>This app is asking for access to:</p><ul id="scopes">${scopeItems}</ul>
<form method="post" action="/oauth/authorize">${hidden}
<button type="submit" name="decision" value="approve" id="approve">Approve</button>
<button type="submit" name="decision" value="deny" id="deny">Deny</button>
</form></main>`,
  );
}

export function authorizeErrorPage(message: string): EmuReply {
  return html(400, `<main><h1>Authorization failed</h1><p id="error">${escapeHtml(message)}</p></main>`);
}
