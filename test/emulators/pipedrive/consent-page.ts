const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a user sees at /oauth/authorize: what the app asks for, and Approve / Deny. */
export function consentPage(params: Record<string, string>, companyName: string, scope: string): string {
  const hidden = Object.entries(params)
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join('\n      ');
  const scopes = scope
    .split(',')
    .map((s) => `<li>${escape(s)}</li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Pipedrive – Authorize app</title></head>
<body>
  <main>
    <h1>Allow ${escape(params.client_id ?? 'this app')} to access ${escape(companyName)}?</h1>
    <p>The app will be able to:</p>
    <ul>${scopes}</ul>
    <form method="post" action="/oauth/authorize/decision">
      ${hidden}
      <button type="submit" name="decision" value="approve" id="approve">Allow and Install</button>
      <button type="submit" name="decision" value="deny" id="deny">Cancel</button>
    </form>
  </main>
</body>
</html>`;
}

export const errorPage = (message: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pipedrive – Error</title></head><body><h1>${escape(message)}</h1></body></html>`;
