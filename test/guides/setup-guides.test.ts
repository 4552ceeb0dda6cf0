import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authorizeWithLoopback } from '../../main/auth/oauth-flow';
import { providerDefinition, providerIds } from '../../main/providers/registry';
import type { ProviderSettings } from '../../main/providers/definition';
import {
  appCallback, callbackUrl, guideForProvider, guideMarkdown, hubspotApiUrl, hubspotOAuthScopes, hubspotTokenScopes, inlineParts,
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
 * the authorize URL is known: the redirect URI and scopes the app really sends.
 */
async function authorizeUrl(provider: string, input: { clientId: string; clientSecret?: string; loginUrl?: string; domain?: string }): Promise<URL> {
  const def = providerDefinition(provider);
  const config = def.resolveConfig(input, noSettings);
  const req = def.oauth!.request(config, input.clientSecret);
  const abort = new AbortController();
  let seen: string | undefined;
  await authorizeWithLoopback({
    ...req,
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

  it('give the redirect URI shape the app sends, and say a provider cannot register it while the port changes', async () => {
    // Two sign-ins at once must listen on two ports: the port is not fixed.
    const [a, b] = await Promise.all([
      authorizeUrl('salesforce', { clientId: 'key', loginUrl: 'https://login.salesforce.com' }),
      authorizeUrl('salesforce', { clientId: 'key', loginUrl: 'https://login.salesforce.com' }),
    ]);
    for (const url of [a, b]) {
      const redirect = new URL(url.searchParams.get('redirect_uri')!);
      expect(redirect.protocol).toBe('http:');
      expect(redirect.hostname).toBe(appCallback.host);
      expect(redirect.pathname).toBe(appCallback.path);
      expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    }
    const ports = [a, b].map((u) => Number(new URL(u.searchParams.get('redirect_uri')!).port));
    if (appCallback.port === null) {
      expect(ports[0]).not.toBe(ports[1]);
      expect(callbackUrl()).toBeNull();
      for (const id of ['salesforce', 'hubspot']) expect(guideText(guideForProvider(id)!)).toContain('redirect_uri_mismatch');
    } else {
      expect(ports).toEqual([appCallback.port, appCallback.port]);
      expect(values(guideForProvider('salesforce')!)).toContain(callbackUrl());
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

  it('use only well-formed inline marks', () => {
    for (const g of setupGuides) {
      const text = guideText(g);
      const stray = inlineParts(text).filter((p) => p.kind === 'text' && /`|\*\*/.test(p.text));
      expect(stray.map((p) => p.text), g.id).toEqual([]);
    }
  });
});
