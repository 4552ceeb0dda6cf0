import { CALLBACK_PORT_SETTING, DEFAULT_CALLBACK_PORT, fixedLoopbackCallback, registeredCallbackUrl, type RedirectPolicy } from './oauth-redirect';

/**
 * The setup guides, as data: the Connections page renders them, scripts/write-setup-guides.ts
 * writes them to docs/setup/*.md, and test/guides checks both against what the code really sends
 * (redirect URI, scopes, login URLs, field labels), so app, docs and code cannot drift apart.
 *
 * Text is plain with two inline marks: `code` for anything typed or shown literally, and
 * **bold** for names of buttons, tabs and fields.
 */

/** A value shown exactly, with a copy button; values of a list (scopes) need no label. */
export interface GuideValue {
  label?: string;
  value: string;
}

export type GuideBlock =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'values'; items: GuideValue[] }
  | { kind: 'note'; tone: 'info' | 'warning'; text: string };

export interface GuideStep {
  title: string;
  blocks: GuideBlock[];
}

export interface GuideSection {
  title: string;
  intro?: string;
  steps: GuideStep[];
}

export interface SetupGuide {
  id: string;
  /** The provider id whose card opens this guide. */
  provider: string;
  title: string;
  summary: string;
  /** Path from the repository root. */
  docFile: string;
  /** Labels of the Connect dialog's tabs and fields this guide names (checked against the provider definition). */
  appLabels: string[];
  sections: GuideSection[];
}

/**
 * The callback URL Salesforce and HubSpot are registered with: the redirect policy their
 * provider definitions declare (test/guides checks the two agree and that the app sends it).
 */
export const appCallback: RedirectPolicy = fixedLoopbackCallback;

/** The callback URL to register, exactly as the app sends it. */
export const callbackUrl = (cb: RedirectPolicy = appCallback): string => registeredCallbackUrl(cb) ?? `http://${cb.host}:<port>${cb.path}`;

/** What main/providers/salesforce requests, with the names Salesforce's scope picker gives them. */
export const salesforceScopes: ReadonlyArray<{ scope: string; label: string }> = [
  { scope: 'api', label: 'Manage user data via APIs (api)' },
  { scope: 'id', label: 'Access the identity URL service (id, profile, email, address, phone)' },
  { scope: 'refresh_token', label: 'Perform requests at any time (refresh_token, offline_access)' },
];

export const salesforceLoginUrls = { production: 'https://login.salesforce.com', sandbox: 'https://test.salesforce.com' } as const;

/** What main/providers/hubspot requests when signing in with an OAuth app. */
export const hubspotOAuthScopes: readonly string[] = [
  'oauth',
  'crm.objects.contacts.read',
  'crm.objects.contacts.write',
  'crm.objects.companies.read',
  'crm.objects.companies.write',
  'crm.objects.deals.read',
  'crm.objects.deals.write',
  'crm.schemas.contacts.read',
  'crm.schemas.companies.read',
  'crm.schemas.deals.read',
];

/** A pasted token needs the same access; `oauth` only exists for OAuth apps (HubSpot adds it to each). */
export const hubspotTokenScopes: readonly string[] = hubspotOAuthScopes.filter((s) => s !== 'oauth');

export const hubspotApiUrl = 'https://api.hubapi.com';

/** Ways the Company domain field may be filled in; all mean the company `acme`. */
export const pipedriveDomainExamples = ['acme', 'acme.pipedrive.com', 'https://acme.pipedrive.com'] as const;

const loopbackExplained =
  'Ticket CRM Sync gets the answer on your own computer (OAuth for desktop apps, RFC 8252): when you click **Continue in browser** it starts a one-time helper that listens only on this computer’s loopback addresses (`127.0.0.1`, and `::1`, because browsers resolve `localhost` to either), at the path `/callback`, accepts exactly one answer carrying the random `state` it sent, and stops after that answer or five minutes. The code in the answer is only useful together with the PKCE secret that never left the app.';

/** The callback step of an OAuth app's setup, for a provider that compares callback URLs exactly. */
function callbackStep(provider: string, field: string): GuideStep {
  const port = appCallback.port;
  return {
    title: `Enter the ${field}`,
    blocks: [
      { kind: 'text', text: `${provider} sends your browser back to this address after you approve access. ${loopbackExplained}` },
      { kind: 'values', items: [{ label: field, value: callbackUrl() }] },
      { kind: 'note', tone: 'info', text: `Enter it exactly as shown: ${provider} compares it character for character, port included, and takes plain \`http\` only for \`localhost\`.` },
      {
        kind: 'note',
        tone: 'info',
        text: `If another program on your computer already uses port \`${port}\`, the sign-in stops and says so. Close that program, or choose another port (the setting \`${CALLBACK_PORT_SETTING}\`, or \`--callback-port\` with \`connect\` on the command line) and register \`${callbackUrl({ ...appCallback, port: 'any' })}\` with that port instead.`,
      },
    ],
  };
}

const salesforce: SetupGuide = {
  id: 'salesforce-connected-app',
  provider: 'salesforce',
  title: 'Salesforce: the app Ticket CRM Sync signs in with',
  summary:
    'Ticket CRM Sync signs in to Salesforce in your browser with OAuth 2.0 and PKCE, through an app a Salesforce admin creates once per org: an External Client App (the current kind) or a Connected App (orgs that still create them). You need its consumer key. It takes about ten minutes, done by someone allowed to create apps in Setup (an admin).',
  docFile: 'docs/setup/salesforce-connected-app.md',
  appLabels: ['Sign in with Salesforce', 'Login domain', 'Consumer key', 'Consumer secret (optional)', 'Session id'],
  sections: [
    {
      title: 'Create the app in Salesforce',
      steps: [
        {
          title: 'Start a new app',
          blocks: [
            { kind: 'text', text: 'In Salesforce, open **Setup**, type `External Client App Manager` in **Quick Find**, open it and click **New External Client App**.' },
            { kind: 'note', tone: 'info', text: 'In an org that still creates Connected Apps: **Setup** → **App Manager** → **New Connected App**. The settings below have the same names there.' },
          ],
        },
        {
          title: 'Fill in the basic information',
          blocks: [
            { kind: 'values', items: [{ label: 'External Client App Name', value: 'Ticket CRM Sync' }] },
            { kind: 'text', text: 'Give your own address as **Contact Email** and set **Distribution State** to `Local`.' },
          ],
        },
        { title: 'Turn on OAuth', blocks: [{ kind: 'text', text: 'Open **API (Enable OAuth Settings)** and tick **Enable OAuth**.' }] },
        callbackStep('Salesforce', 'Callback URL'),
        {
          title: 'Choose the OAuth scopes',
          blocks: [
            { kind: 'text', text: 'Move these three from **Available OAuth Scopes** to **Selected OAuth Scopes**. The app asks for exactly these: `api` to read and write records, `id` to show who is signed in, `refresh_token` to stay connected for months.' },
            { kind: 'values', items: salesforceScopes.map((s) => ({ label: s.label, value: s.scope })) },
          ],
        },
        {
          title: 'Set the security options',
          blocks: [
            {
              kind: 'list',
              items: [
                'Tick **Require Proof Key for Code Exchange (PKCE) extension for Supported Authorization Flows**: the app sends a PKCE `S256` challenge with every sign-in.',
                'Untick **Require secret for Web Server Flow** and **Require secret for Refresh Token Flow**: a desktop app cannot keep a secret. If your org insists on one, paste it into **Consumer secret (optional)** when you connect; it stays in your system keychain.',
                '**Enable Refresh Token Rotation** may stay on: the app keeps the newest refresh token it gets.',
              ],
            },
          ],
        },
        {
          title: 'Create it and set its policies',
          blocks: [
            { kind: 'text', text: 'Click **Create**. On the app’s **Policies** tab, edit the OAuth policies:' },
            {
              kind: 'list',
              items: [
                '**Permitted Users**: `All users may self-authorize` (or pre-approve the profiles that will sync).',
                '**Refresh Token Policy**: `Refresh token is valid until revoked`, so a scheduled sync keeps working for months.',
                '**IP Relaxation**: `Relax IP restrictions` if your org limits login IP ranges and you sync from elsewhere.',
              ],
            },
          ],
        },
        {
          title: 'Copy the consumer key',
          blocks: [
            { kind: 'text', text: 'On the **Settings** tab open **OAuth Settings** and click **Consumer Key and Secret** (Salesforce may email you a verification code). Copy the **Consumer Key**.' },
            { kind: 'note', tone: 'info', text: 'A new app can take up to ten minutes before Salesforce lets anyone sign in with it.' },
          ],
        },
      ],
    },
    {
      title: 'Sign in from Ticket CRM Sync',
      steps: [
        { title: 'Open the Connect dialog', blocks: [{ kind: 'text', text: 'On the **Connections** page, click **Connect** on the Salesforce card and stay on **Sign in with Salesforce**.' }] },
        {
          title: 'Choose the login domain',
          blocks: [
            { kind: 'text', text: 'Pick the **Login domain** of the org: production or sandbox, or choose another URL and enter your My Domain address (`https://yourcompany.my.salesforce.com`).' },
            { kind: 'values', items: [{ label: 'Production', value: salesforceLoginUrls.production }, { label: 'Sandbox', value: salesforceLoginUrls.sandbox }] },
          ],
        },
        {
          title: 'Paste the consumer key and sign in',
          blocks: [{ kind: 'text', text: 'Paste the key into **Consumer key**, leave **Consumer secret (optional)** empty unless your app requires one, and click **Continue in browser**. Approve access in the browser; the card shows the user, the org and the API usage.' }],
        },
      ],
    },
    {
      title: 'Without an app: a session id',
      intro: 'For a first try, without creating an app, the **Session id** tab takes a session of your own. It cannot be refreshed: connect again when it expires (after the org’s session timeout, two hours unless changed).',
      steps: [
        {
          title: 'Get a session from the Salesforce CLI',
          blocks: [
            { kind: 'text', text: 'Sign in with `sf org login web --instance-url https://yourcompany.my.salesforce.com`, then run `sf org display --target-org you@yourcompany.com --verbose` and copy the **Access Token** it prints.' },
          ],
        },
        {
          title: 'Paste it',
          blocks: [{ kind: 'text', text: 'In the Connect dialog choose **Session id**, set **Login domain** to your My Domain address (the **Instance Url** the CLI printed) and paste the token.' }],
        },
      ],
    },
  ],
};

const hubspot: SetupGuide = {
  id: 'hubspot-private-app',
  provider: 'hubspot',
  title: 'HubSpot: a service key or private app token, or an OAuth app',
  summary:
    'The quickest way to connect a HubSpot portal is a token made in that portal: a service key (HubSpot’s current way) or the token of a private app the portal already has. Both go into the **Private app token** tab. An OAuth app is for connecting many portals with one app.',
  docFile: 'docs/setup/hubspot-private-app.md',
  appLabels: ['Private app token', 'Access token', 'API URL', 'Sign in with HubSpot', 'Client id', 'Client secret'],
  sections: [
    {
      title: 'Make a service key',
      steps: [
        { title: 'Open the service keys', blocks: [{ kind: 'text', text: 'In HubSpot go to **Development** → **Keys** → **Service keys** and click **Create service key**. You need to be a super admin or have the developer tools permission.' }] },
        { title: 'Name it', blocks: [{ kind: 'values', items: [{ label: 'Name', value: 'Ticket CRM Sync' }] }] },
        {
          title: 'Add the scopes',
          blocks: [
            { kind: 'text', text: 'Click **Add new scope**, search for each of these, tick it, and click **Update**. The app needs read and write access to contacts, companies and deals, and read access to their properties.' },
            { kind: 'values', items: hubspotTokenScopes.map((s) => ({ value: s })) },
          ],
        },
        { title: 'Create it and copy the key', blocks: [{ kind: 'text', text: 'Click **Create**, open the new key, click **Show** and copy it.' }] },
      ],
    },
    {
      title: 'Or use a private app the portal already has',
      intro: 'HubSpot no longer lets most portals create legacy private apps, but existing ones keep working.',
      steps: [
        {
          title: 'Check its scopes and copy its token',
          blocks: [
            { kind: 'text', text: 'Go to **Development** → **Legacy apps** and open the private app. On **Scopes**, make sure it has every scope listed above. On **Auth**, click **Show token** and copy it: it starts with `pat-`.' },
          ],
        },
      ],
    },
    {
      title: 'Connect in Ticket CRM Sync',
      steps: [
        {
          title: 'Paste the token',
          blocks: [
            { kind: 'text', text: 'On the **Connections** page, click **Connect** on the HubSpot card, choose **Private app token**, paste the key or token into **Access token**, and click **Connect**. Leave **API URL** as it is:' },
            { kind: 'values', items: [{ label: 'API URL', value: hubspotApiUrl }] },
          ],
        },
      ],
    },
    {
      title: 'An OAuth app instead',
      intro: 'Only needed to connect several portals through one app; made in a HubSpot developer account.',
      steps: [
        { title: 'Create the app', blocks: [{ kind: 'text', text: 'In your developer account, create an app that uses OAuth and open its **Auth** settings.' }] },
        callbackStep('HubSpot', 'Redirect URL'),
        {
          title: 'Add the scopes',
          blocks: [
            { kind: 'text', text: 'Add exactly these as required scopes; the app requests all of them at sign-in, and HubSpot refuses a sign-in that asks for a scope the app does not list.' },
            { kind: 'values', items: hubspotOAuthScopes.map((s) => ({ value: s })) },
          ],
        },
        {
          title: 'Sign in',
          blocks: [{ kind: 'text', text: 'Copy the **Client ID** and **Client secret** from **Auth**. In the Connect dialog choose **Sign in with HubSpot**, paste them into **Client id** and **Client secret**, and click **Continue in browser**.' }],
        },
      ],
    },
  ],
};

const pipedrive: SetupGuide = {
  id: 'pipedrive-api-token',
  provider: 'pipedrive',
  title: 'Pipedrive: your API token and company domain',
  summary: 'Pipedrive connects with your personal API token and your company domain. The token acts as you: the app sees and changes what you can.',
  docFile: 'docs/setup/pipedrive-api-token.md',
  appLabels: ['API token', 'Company domain'],
  sections: [
    {
      title: 'Find them in Pipedrive',
      steps: [
        {
          title: 'Your company domain',
          blocks: [
            { kind: 'text', text: 'Sign in to Pipedrive and look at the address bar: in `https://acme.pipedrive.com` the company domain is `acme`. Any of these forms works in the app:' },
            { kind: 'list', items: pipedriveDomainExamples.map((d) => `\`${d}\``) },
          ],
        },
        {
          title: 'Your API token',
          blocks: [
            { kind: 'text', text: 'Click your profile picture (top right) → **Personal preferences** → **API**, or open this address. Under **Your personal API token**, click **Copy**.' },
            { kind: 'values', items: [{ label: 'API settings', value: 'https://app.pipedrive.com/settings/api' }] },
            { kind: 'note', tone: 'info', text: 'No **API** tab? An admin has to allow **Use API** in your permission set (**Settings** → **Manage users** → **Permission sets**).' },
            { kind: 'note', tone: 'warning', text: 'Generating a new token stops the old one at once, in every tool that uses it. A token belongs to one company: if you work in several, copy it from the right one.' },
          ],
        },
      ],
    },
    {
      title: 'Connect in Ticket CRM Sync',
      steps: [
        {
          title: 'Paste both',
          blocks: [{ kind: 'text', text: 'On the **Connections** page, click **Connect** on the Pipedrive card, stay on **API token**, fill in **Company domain** and **API token**, and click **Connect**.' }],
        },
      ],
    },
  ],
};

/** What main/providers/gestaoclick calls when no API URL is entered. */
export const gestaoClickApiUrl = 'https://api.gestaoclick.com/api';

const gestaoclick: SetupGuide = {
  id: 'gestaoclick-api-tokens',
  provider: 'gestaoclick',
  title: 'GestãoClick: the access token and secret access token',
  summary:
    'GestãoClick connects with two tokens from your account panel, sent together on every request: the **access-token** and the **secret-access-token**. They do not expire; they need the API add-on (the API module of GestãoClick) to be active on your account.',
  docFile: 'docs/setup/gestaoclick-api-tokens.md',
  appLabels: ['API tokens', 'Access token', 'Secret access token', 'API URL'],
  sections: [
    {
      title: 'Get the tokens in GestãoClick',
      steps: [
        {
          title: 'Turn on the API add-on',
          blocks: [
            { kind: 'text', text: 'The API is an add-on of your GestãoClick plan. If your panel has no **API** page, ask the account owner to activate it (GestãoClick support or your plan’s add-ons).' },
          ],
        },
        {
          title: 'Open the API page of your account panel',
          blocks: [
            { kind: 'text', text: 'Sign in to GestãoClick as an administrator and, in your account panel, open **API** (API settings). It shows the **Access token** (`access-token`) and the **Secret access token** (`secret-access-token`); generate them there if they are empty.' },
            { kind: 'note', tone: 'warning', text: 'The two tokens act as your account and do not expire. Generating new ones in the panel stops the old pair in every tool that uses it; that is also the only way to revoke them (disconnecting in Ticket CRM Sync only forgets them).' },
          ],
        },
      ],
    },
    {
      title: 'Connect in Ticket CRM Sync',
      steps: [
        {
          title: 'Paste both tokens',
          blocks: [
            { kind: 'text', text: 'On the **Connections** page, click **Connect** on the GestãoClick card, stay on **API tokens**, paste the access token into **Access token** and the secret access token into **Secret access token**, and click **Connect**. Both are kept in the system keychain.' },
            { kind: 'text', text: 'Leave **API URL** empty; the app then uses:' },
            { kind: 'values', items: [{ label: 'API URL', value: gestaoClickApiUrl }] },
          ],
        },
      ],
    },
  ],
};

/**
 * The redirect link registered in a Bling app: main/providers/bling declares it (Bling matches
 * the registered link exactly; test/guides checks the two agree and that the app sends it).
 */
export const blingCallback: RedirectPolicy = { host: '127.0.0.1', port: DEFAULT_CALLBACK_PORT, path: '/callback' };

/** What main/providers/bling calls when no API URL is entered. */
export const blingApiUrl = 'https://api.bling.com.br/Api/v3';

/** The scopes (Bling's "Lista de escopos") for the objects the app reads and writes. */
export const blingScopes: ReadonlyArray<{ object: string; scope: string }> = [
  { object: 'contatos', scope: 'Contatos' },
  { object: 'pedidos', scope: 'Pedidos de Venda' },
];

const bling: SetupGuide = {
  id: 'bling-app',
  provider: 'bling',
  title: 'Bling: a private API app (client id and client secret)',
  summary:
    'Bling API v3 signs in with OAuth through an app you create in your own Bling account: a private app with a redirect link, the scopes for contacts and sales orders, and its client id and client secret.',
  docFile: 'docs/setup/bling-app.md',
  appLabels: ['Sign in with Bling', 'Client id', 'Client secret', 'API URL', 'Access token'],
  sections: [
    {
      title: 'Create the app in Bling',
      steps: [
        {
          title: 'Open the Área do integrador (integrator area)',
          blocks: [
            { kind: 'text', text: 'Sign in to Bling as the administrator (or as a user with the **Cadastro de aplicativos** (app registration) permission), open **Central de extensões** (extensions center) → **Área do integrador** (integrator area), and click **Criar novo aplicativo** (create new app).' },
          ],
        },
        {
          title: 'Make it private and of type API',
          blocks: [
            { kind: 'text', text: 'Choose the visibility **Privado** (private: the app works on your own Bling account, with no review) and the type **API**, then click **Próximo** (next). Give it a **Nome** (name), for example:' },
            { kind: 'values', items: [{ label: 'Nome', value: 'Ticket CRM Sync' }] },
          ],
        },
        {
          title: 'Enter the Link de redirecionamento (redirect link)',
          blocks: [
            { kind: 'text', text: `Bling sends your browser back to this address after you authorize the app. ${loopbackExplained}` },
            { kind: 'values', items: [{ label: 'Link de redirecionamento', value: callbackUrl(blingCallback) }] },
            { kind: 'note', tone: 'info', text: 'Enter it exactly as shown: Bling keeps one redirect link per app and the sign-in only works when it matches.' },
            {
              kind: 'note',
              tone: 'info',
              text: `If another program on your computer already uses port \`${blingCallback.port}\`, the sign-in stops and says so. Close that program, or choose another port (the setting \`${CALLBACK_PORT_SETTING}\`, or \`--callback-port\` with \`connect\` on the command line) and enter \`${callbackUrl({ ...blingCallback, port: 'any' })}\` with that port instead.`,
            },
          ],
        },
        {
          title: 'Add the scopes',
          blocks: [
            { kind: 'text', text: 'In **Lista de escopos** (scope list), add these; Bling grants the scopes set on the app (the sign-in asks for none), and the **Salvar** (save) button turns on once there is one.' },
            { kind: 'values', items: blingScopes.map((s) => ({ value: s.scope })) },
            { kind: 'text', text: 'Fill in the other required fields (homepage, developer name, e-mail, phone) and click **Salvar**.' },
          ],
        },
        {
          title: 'Copy the client id and client secret',
          blocks: [{ kind: 'text', text: 'Open the saved app: its **Client Id** and **Client Secret** are shown in the app’s information (**Informações do app**).' }],
        },
      ],
    },
    {
      title: 'Connect in Ticket CRM Sync',
      steps: [
        {
          title: 'Sign in',
          blocks: [
            { kind: 'text', text: 'On the **Connections** page, click **Connect** on the Bling card, choose **Sign in with Bling**, paste them into **Client id** and **Client secret**, and click **Continue in browser**. Bling asks you to authorize the app; after that the app renews its access by itself. Leave **API URL** empty; the app then uses:' },
            { kind: 'values', items: [{ label: 'API URL', value: blingApiUrl }] },
          ],
        },
        {
          title: 'Or paste an access token',
          blocks: [
            { kind: 'text', text: 'The **Access token** tab takes an access token of your app (obtained some other way). It cannot be renewed: connect again when it expires, after 6 hours.' },
          ],
        },
      ],
    },
  ],
};

export const setupGuides: readonly SetupGuide[] = [salesforce, hubspot, pipedrive, gestaoclick, bling];

export const guideForProvider = (provider: string): SetupGuide | undefined => setupGuides.find((g) => g.provider === provider);

/** Splits text on its inline marks, for renderers. */
export function inlineParts(text: string): Array<{ kind: 'text' | 'code' | 'bold'; text: string }> {
  const parts: Array<{ kind: 'text' | 'code' | 'bold'; text: string }> = [];
  for (const piece of text.split(/(`[^`]+`|\*\*[^*]+\*\*)/)) {
    if (!piece) continue;
    if (piece.startsWith('`')) parts.push({ kind: 'code', text: piece.slice(1, -1) });
    else if (piece.startsWith('**')) parts.push({ kind: 'bold', text: piece.slice(2, -2) });
    else parts.push({ kind: 'text', text: piece });
  }
  return parts;
}

/** The guide as Markdown, exactly as docs/setup/*.md hold it. */
export function guideMarkdown(g: SetupGuide): string {
  const out: string[] = [
    `<!-- Written by scripts/write-setup-guides.ts from shared/setup-guides.ts: edit those, not this file. -->`,
    '',
    `# ${g.title}`,
    '',
    g.summary,
    '',
    'The same guide opens in the app from the provider’s card on the **Connections** page (**Setup guide**).',
  ];
  for (const section of g.sections) {
    out.push('', `## ${section.title}`);
    if (section.intro) out.push('', section.intro);
    section.steps.forEach((step, i) => {
      out.push('', `### ${i + 1}. ${step.title}`);
      for (const block of step.blocks) out.push('', ...blockMarkdown(block));
    });
  }
  return `${out.join('\n')}\n`;
}

function blockMarkdown(b: GuideBlock): string[] {
  switch (b.kind) {
    case 'text':
      return [b.text];
    case 'list':
      return b.items.map((i) => `- ${i}`);
    case 'note':
      return [`> **${b.tone === 'warning' ? 'Warning' : 'Note'}:** ${b.text}`];
    case 'values':
      return b.items.flatMap((v, i) => (v.label === undefined ? [`- \`${v.value}\``] : [...(i > 0 ? [''] : []), `${v.label}:`, '', '```text', v.value, '```']));
  }
}
