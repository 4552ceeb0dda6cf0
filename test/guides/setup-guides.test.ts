import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authorizeWithLoopback } from '../../main/auth/oauth-flow';
import { providerDefinition, providerIds } from '../../main/providers/registry';
import type { ProviderSettings } from '../../main/providers/definition';
import { withCallbackPort } from '../../shared/oauth-redirect';
import { OBJECTS as blingObjects } from '../../main/providers/bling/describe';
import {
  appCallback, blingApiUrl, blingCallback, blingScopes, callbackUrl, gestaoClickApiUrl, guideForProvider, guideMarkdown, hubspotApiUrl, hubspotOAuthScopes, hubspotTokenScopes, inlineParts,
  pipedriveDomainExamples, salesforceLoginUrls, salesforceScopes, setupGuides, type SetupGuide,
} from '../../shared/setup-guides';

const root = fileURLToPath(new URL('../..', import.meta.url));
const noSettings: ProviderSettings = { get: () => undefined };

/** Every string a guide shows (text, list items, notes, values). */
function guideText(g: SetupGuide): string {
  const parts: string[] = [g.title, g.summary];
  for (const s of g.sections) {
    parts.push(s.title, s.intro ?? '');
    for (const step of s.steps) {
      parts.push(step.title);
      for (const b of step.blocks) {
        if (b.kind === 'list') parts.push(...b.items);
        else if (b.kind === 'values') parts.push(...b.items.flatMap((v) => [v.label ?? '', v.value]));
        else parts.push(b.text);
      }
    }
  }
  return parts.join('\n');
}

/** The exact values a guide offers to copy. */
const values = (g: SetupGuide): string[] => g.sections.flatMap((s) => s.steps.flatMap((st) => st.blocks.flatMap((b) => (b.kind === 'values' ? b.items.map((v) => v.value) : []))));

/**
 * Starts a real sign-in of `provider` the way the Connect button does and stops it as soon as
 * the authorize URL is known: the redirect URI and scopes the app really sends. The provider's
 * fixed port is overridden to any free port (as the setting oauth.callbackPort = 0 does), since
 * test files run in parallel; test/connections/redirect-policy checks the default port is sent.
 */
async function authorizeUrl(provider: string, input: { clientId: string; clientSecret?: string; loginUrl?: string; domain?: string }): Promise<URL> {
  const def = providerDefinition(provider);
  const config = def.resolveConfig(input, noSettings);
  const req = def.oauth!.request(config, input.clientSecret);
  const abort = new AbortController();
  let seen: string | undefined;
  await authorizeWithLoopback({
    ...req,
    redirect: withCallbackPort(def.oauth!.redirect, 0),
    signal: abort.signal,
    openUrl: (url) => {
      seen = url;
      abort.abort();
    },
  }).catch(() => undefined);
  expect(seen, 'the sign-in opened no URL').toBeDefined();
  return new URL(seen!);
}

describe('setup guides', () => {
  it('match docs/setup/*.md exactly (run `npx tsx scripts/write-setup-guides.ts` after changing them)', () => {
    for (const g of setupGuides) expect(readFileSync(join(root, g.docFile), 'utf8'), g.docFile).toBe(guideMarkdown(g));
    const docs = readdirSync(join(root, 'docs/setup')).filter((f) => f.endsWith('.md')).map((f) => `docs/setup/${f}`).sort();
    expect(docs).toEqual(setupGuides.map((g) => g.docFile).sort());
  });

  it('belong to registered providers and name only tabs and fields the Connect dialog has', () => {
    for (const g of setupGuides) {
      expect(providerIds).toContain(g.provider);
      expect(guideForProvider(g.provider)).toBe(g);
      const def = providerDefinition(g.provider);
      const labels = new Set(def.authMethods.flatMap((m) => [m.label, ...m.fields.map((f) => f.label)]));
      const text = guideText(g);
      for (const label of g.appLabels) {
        expect(labels.has(label), `${g.id}: "${label}" is no tab or field of ${def.displayName}'s Connect dialog`).toBe(true);
        expect(text, `${g.id} never names "${label}"`).toContain(`**${label}**`);
      }
    }
  });

  it('show the exact callback URL Salesforce and HubSpot sign-ins send, with a copy button and no mismatch warning', async () => {
    const url = callbackUrl();
    expect(url).toBe(`http://${appCallback.host}:${appCallback.port}${appCallback.path}`);
    for (const id of ['salesforce', 'hubspot']) {
      const def = providerDefinition(id);
      expect(def.oauth!.redirect, id).toEqual(appCallback);
      expect(values(guideForProvider(id)!), id).toContain(url);
      expect(guideText(guideForProvider(id)!), id).not.toContain('redirect_uri_mismatch');
      // What the app really sends, port aside (overridden above): same scheme, host and path.
      const sent = await authorizeUrl(id, { clientId: 'key', clientSecret: 'secret', loginUrl: id === 'salesforce' ? salesforceLoginUrls.production : undefined });
      const redirect = new URL(sent.searchParams.get('redirect_uri')!);
      expect(`${redirect.protocol}//${redirect.hostname}${redirect.pathname}`).toBe(`http://${appCallback.host}${appCallback.path}`);
      expect(sent.searchParams.get('code_challenge_method')).toBe('S256');
    }
  });

  it('list exactly the Salesforce scopes the app requests, and its login URLs', async () => {
    const url = await authorizeUrl('salesforce', { clientId: 'key', loginUrl: salesforceLoginUrls.sandbox });
    expect(url.origin).toBe(salesforceLoginUrls.sandbox);
    expect(url.searchParams.get('scope')!.split(' ')).toEqual(salesforceScopes.map((s) => s.scope));
    const guide = values(guideForProvider('salesforce')!);
    for (const s of salesforceScopes) expect(guide).toContain(s.scope);
    const loginChoices = providerDefinition('salesforce').authMethods[0].fields.find((f) => f.key === 'loginUrl')!.choices!.map((c) => c.value);
    expect(loginChoices).toEqual([salesforceLoginUrls.production, salesforceLoginUrls.sandbox]);
    expect(guide).toEqual(expect.arrayContaining([salesforceLoginUrls.production, salesforceLoginUrls.sandbox]));
  });

  it('list exactly the HubSpot scopes the app requests, for OAuth apps and (without `oauth`) for tokens', async () => {
    const url = await authorizeUrl('hubspot', { clientId: 'id', clientSecret: 'secret' });
    const requested = url.searchParams.get('scope')!.split(' ');
    expect(requested).toEqual([...hubspotOAuthScopes]);
    expect(hubspotTokenScopes).toEqual(requested.filter((s) => s !== 'oauth'));
    const [tokenSection, , , oauthSection] = guideForProvider('hubspot')!.sections;
    const sectionValues = (s: typeof tokenSection) => s.steps.flatMap((st) => st.blocks.flatMap((b) => (b.kind === 'values' ? b.items.map((v) => v.value) : [])));
    expect(sectionValues(tokenSection).filter((v) => v.startsWith('crm.'))).toEqual([...hubspotTokenScopes]);
    expect(sectionValues(oauthSection).filter((v) => v === 'oauth' || v.startsWith('crm.'))).toEqual([...hubspotOAuthScopes]);
    expect(providerDefinition('hubspot').resolveConfig({}, noSettings).apiBaseUrl).toBe(hubspotApiUrl);
  });

  it('give Pipedrive company domains in forms the app reads as the same company', () => {
    for (const domain of pipedriveDomainExamples) {
      const config = providerDefinition('pipedrive').resolveConfig({ domain }, noSettings);
      expect(config).toMatchObject({ domain: 'acme', apiBaseUrl: 'https://acme.pipedrive.com' });
    }
  });

  it('include GestãoClick and Bling guides written to their own docs files', () => {
    expect(guideForProvider('gestaoclick')?.docFile).toBe('docs/setup/gestaoclick-api-tokens.md');
    expect(guideForProvider('bling')?.docFile).toBe('docs/setup/bling-app.md');
    for (const id of ['gestaoclick', 'bling']) {
      const g = guideForProvider(id)!;
      expect(readFileSync(join(root, g.docFile), 'utf8'), g.docFile).toBe(guideMarkdown(g));
    }
  });

  it('name both GestãoClick tokens the connect fields ask for, and the API URL the app uses by default', () => {
    const def = providerDefinition('gestaoclick');
    const [method] = def.authMethods;
    expect(def.authMethods.map((m) => m.kind)).toEqual(['token']);
    const required = method.fields.filter((f) => f.required).map((f) => [f.key, f.label]);
    expect(required).toEqual([['token', 'Access token'], ['secret', 'Secret access token']]);
    const g = guideForProvider('gestaoclick')!;
    for (const [, label] of required) expect(g.appLabels).toContain(label);
    // The header names GestãoClick's panel and API use for the two tokens.
    expect(guideText(g)).toContain('`access-token`');
    expect(guideText(g)).toContain('`secret-access-token`');
    expect(def.resolveConfig({}, noSettings).apiBaseUrl).toBe(gestaoClickApiUrl);
    expect(values(g)).toContain(gestaoClickApiUrl);
  });

  it('show the exact redirect link a Bling sign-in sends, no requested scopes, and a scope for every Bling object', async () => {
    const def = providerDefinition('bling');
    expect(def.oauth!.redirect).toEqual(blingCallback);
    const url = callbackUrl(blingCallback);
    expect(url).toBe(`http://${blingCallback.host}:${blingCallback.port}${blingCallback.path}`);
    const g = guideForProvider('bling')!;
    expect(values(g)).toContain(url);
    // The Connect dialog's help names the same link.
    expect(def.authMethods.find((m) => m.kind === 'oauth')!.help).toContain(url);
    const sent = await authorizeUrl('bling', { clientId: 'id', clientSecret: 'secret' });
    const redirect = new URL(sent.searchParams.get('redirect_uri')!);
    expect(`${redirect.protocol}//${redirect.hostname}${redirect.pathname}`).toBe(`http://${blingCallback.host}${blingCallback.path}`);
    expect(sent.searchParams.get('client_id')).toBe('id');
    // Bling takes the scopes from the app's settings: the guide's list is all the app gets.
    expect(sent.searchParams.has('scope')).toBe(false);
    expect(blingScopes.map((s) => s.object)).toEqual(blingObjects.map((o) => o.name));
    for (const s of blingScopes) expect(values(g)).toContain(s.scope);
    const oauthFields = def.authMethods.find((m) => m.kind === 'oauth')!.fields.filter((f) => f.required).map((f) => f.label);
    expect(oauthFields).toEqual(['Client id', 'Client secret']);
    expect(def.resolveConfig({}, noSettings).apiBaseUrl).toBe(blingApiUrl);
    expect(values(g)).toContain(blingApiUrl);
  });

  it('use only well-formed inline marks', () => {
    for (const g of setupGuides) {
      const text = guideText(g);
      const stray = inlineParts(text).filter((p) => p.kind === 'text' && /`|\*\*/.test(p.text));
      expect(stray.map((p) => p.text), g.id).toEqual([]);
    }
  });
});
