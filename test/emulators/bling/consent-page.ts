const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a user sees at /oauth/authorize: the app asks for access; Autorizar / Cancelar. */
export function consentPage(params: Record<string, string>, accountName: string): string {
  const hidden = Object.entries(params)
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join('\n      ');
  return `<!doctype html>
<html lang="pt-BR">
<head><meta charset="utf-8"><title>Bling – Autorizar aplicativo</title></head>
<body>
  <main>
    <h1>O aplicativo ${escape(params.client_id ?? '')} quer acessar a conta ${escape(accountName)}</h1>
    <p>Acessos: contatos, pedidos de venda, situações.</p>
    <form method="post" action="/Api/v3/oauth/authorize/decision">
      ${hidden}
      <button type="submit" name="decision" value="approve" id="approve">Autorizar</button>
      <button type="submit" name="decision" value="deny" id="deny">Cancelar</button>
    </form>
  </main>
</body>
</html>`;
}

export const errorPage = (message: string): string =>
  `<!doctype html><html lang="pt-BR"><head><meta charset="utf-8"><title>Bling – Erro</title></head><body><h1>${escape(message)}</h1></body></html>`;
