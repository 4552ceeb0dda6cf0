/** The authorize endpoint's consent page: an HTML form with Approve and Deny that posts back here. */

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const SCOPE_TEXT: Record<string, string> = {
  api: 'Access and manage your data (api)',
  refresh_token: 'Perform requests on your behalf at any time (refresh_token, offline_access)',
  offline_access: 'Perform requests on your behalf at any time (refresh_token, offline_access)',
  id: 'Access your basic information (id, profile, email, address, phone)',
  full: 'Full access (full)',
  web: 'Provide access to your data via the Web (web)',
};

export function consentPage(params: Record<string, string>, username: string): string {
  const hidden = Object.entries(params)
    .map(([k, v]) => `      <input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('\n');
  const scopes = [...new Set((params.scope || 'api refresh_token').split(/\s+/).filter(Boolean).map((s) => SCOPE_TEXT[s] ?? s))];
  return `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><title>Allow Access? | Salesforce emulator</title></head>
  <body>
    <h1>Allow Access?</h1>
    <p>The app with client id <code>${esc(params.client_id ?? '')}</code> is asking to:</p>
    <ul>
${scopes.map((s) => `      <li>${esc(s)}</li>`).join('\n')}
    </ul>
    <p>You are signed in as <strong>${esc(username)}</strong>.</p>
    <form id="approval" method="POST" action="/services/oauth2/authorize">
${hidden}
      <button type="submit" name="action" value="approve" id="oaapprove">Approve</button>
      <button type="submit" name="action" value="deny" id="oadeny">Deny</button>
    </form>
  </body>
</html>
`;
}

export function errorPage(error: string, description: string): string {
  return `<!DOCTYPE html>
<html lang="en">
  <head><meta charset="utf-8"><title>Error | Salesforce emulator</title></head>
  <body><h1>Remote Access Error</h1><p>error=${esc(error)}</p><p>error_description=${esc(description)}</p></body>
</html>
`;
}
