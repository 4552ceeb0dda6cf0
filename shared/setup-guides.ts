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
 * The redirect URI the app sends (main/auth/loopback-server.ts): `http://{host}:{port}{path}`.
 * `port: null` means a free port the system picks at each sign-in. A provider that compares
 * callback URLs exactly then has no value to register; the guides say so until the app pins one.
 */
export const appCallback: { host: string; port: number | null; path: string } = { host: '127.0.0.1', port: null, path: '/callback' };

/** The callback URL to register, when there is one. */
export const callbackUrl = (cb = appCallback): string | null => (cb.port === null ? null : `http://${cb.host}:${cb.port}${cb.path}`);

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
  'Ticket CRM Sync gets the answer on your own computer (OAuth for desktop apps, RFC 8252): when you click **Continue in browser** it starts a one-time helper that listens only on `127.0.0.1`, at the path `/callback`, accepts exactly one answer carrying the random `state` it sent, and stops after that answer or five minutes. The code in the answer is only useful together with the PKCE secret that never left the app.';

/** The callback step of an OAuth app's setup, for a provider that compares callback URLs exactly. */
function callbackStep(provider: string, field: string, fallback: string): GuideStep {
  const url = callbackUrl();
  if (url) {
    return {
      title: `Enter the ${field}`,
      blocks: [
        { kind: 'text', text: `${provider} sends your browser back to this address after you approve access. ${loopbackExplained}` },
        { kind: 'values', items: [{ label: field, value: url }] },
        { kind: 'note', tone: 'info', text: `Enter it exactly as shown: ${provider} compares it character for character, port included.` },
      ],
    };
  }
  return {
    title: `The ${field}`,
    blocks: [
      { kind: 'text', text: `${provider} sends your browser back to the ${field} after you approve access. ${loopbackExplained}` },
      {
        kind: 'note',
        tone: 'warning',
        text: `This version listens on a new free port at each sign-in, so it sends \`http://127.0.0.1:<port>/callback\` with a port nobody can know in advance. ${provider} compares the ${field} character for character, port included, and takes plain \`http\` only for \`localhost\`: no value you can register matches, and ${provider} stops the sign-in with \`redirect_uri_mismatch\`. ${fallback}`,
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
        callbackStep(
          'Salesforce',
          'Callback URL',
          'Salesforce still needs a value to create the app: enter `http://localhost/callback`. Until the app signs in on a fixed address, connect with a session id (the last part of this guide).',
        ),
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
      intro: 'For a first try, or while the sign-in above is not available, the **Session id** tab takes a session of your own. It cannot be refreshed: connect again when it expires (after the org’s session timeout, two hours unless changed).',
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
        callbackStep('HubSpot', 'Redirect URL', 'Connect with a service key or private app token (above) instead.'),
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

export const setupGuides: readonly SetupGuide[] = [salesforce, hubspot, pipedrive];

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
