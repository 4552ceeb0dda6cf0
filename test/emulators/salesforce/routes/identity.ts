import { json, type EmuReply, type EmuRequest } from '../../common/http';
import { baseUrlOf } from '../api';
import { bearerToken } from '../auth';
import type { SfState } from '../state';

/** The identity service: identity URL, `/services/oauth2/userinfo` and `GET /id/{org}/{user}`. */

export const identityUrl = (base: string, state: SfState): string =>
  `${base}/id/${state.org.identity.organizationId}/${state.org.identity.userId}`;

const badToken = (): EmuReply => ({ status: 403, headers: { 'content-type': 'text/plain' }, body: 'Bad_OAuth_Token' });

export function userinfo(state: SfState, req: EmuRequest): EmuReply {
  const form = (req.body as Record<string, string> | undefined) ?? {};
  const grant = state.tokens.validate(bearerToken(req.headers, req.query) ?? form.access_token);
  if (!grant) return badToken();
  const u = state.org.identity;
  const base = baseUrlOf(req);
  return json(200, {
    sub: identityUrl(base, state),
    user_id: u.userId,
    organization_id: u.organizationId,
    preferred_username: u.username,
    nickname: u.username.split('@')[0],
    name: `${u.firstName} ${u.lastName}`,
    email: u.email,
    email_verified: true,
    given_name: u.firstName,
    family_name: u.lastName,
    zoneinfo: 'GMT',
    photos: { picture: `${base}/img/userprofile/default_profile_200_v2.png`, thumbnail: `${base}/img/userprofile/default_profile_45_v2.png` },
    profile: `${base}/${u.userId}`,
    picture: `${base}/img/userprofile/default_profile_200_v2.png`,
    address: {},
    urls: identityUrls(base, state),
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    updated_at: new Date(state.org.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    is_app_installed: true,
  });
}

export function identityUrls(base: string, state: SfState) {
  const org = state.org.identity.organizationId;
  return {
    enterprise: `${base}/services/Soap/c/{version}/${org.slice(0, 15)}`,
    metadata: `${base}/services/Soap/m/{version}/${org.slice(0, 15)}`,
    partner: `${base}/services/Soap/u/{version}/${org.slice(0, 15)}`,
    rest: `${base}/services/data/v{version}/`,
    sobjects: `${base}/services/data/v{version}/sobjects/`,
    search: `${base}/services/data/v{version}/search/`,
    query: `${base}/services/data/v{version}/query/`,
    recent: `${base}/services/data/v{version}/recent/`,
    tooling_soap: `${base}/services/Soap/T/{version}/${org.slice(0, 15)}`,
    tooling_rest: `${base}/services/data/v{version}/tooling/`,
    profile: `${base}/${state.org.identity.userId}`,
    feeds: `${base}/services/data/v{version}/chatter/feeds`,
    groups: `${base}/services/data/v{version}/chatter/groups`,
    users: `${base}/services/data/v{version}/chatter/users`,
    feed_items: `${base}/services/data/v{version}/chatter/feed-items`,
    feed_elements: `${base}/services/data/v{version}/chatter/feed-elements`,
    custom_domain: base,
  };
}

export function identity(state: SfState, req: EmuRequest): EmuReply {
  const grant = state.tokens.validate(bearerToken(req.headers, req.query));
  if (!grant) return badToken();
  const u = state.org.identity;
  if (req.params.orgId !== u.organizationId || req.params.userId !== u.userId) return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Bad_Id' };
  const base = baseUrlOf(req);
  return json(200, {
    id: identityUrl(base, state),
    asserted_user: true,
    user_id: u.userId,
    organization_id: u.organizationId,
    username: u.username,
    nick_name: u.username.split('@')[0],
    display_name: `${u.firstName} ${u.lastName}`,
    email: u.email,
    email_verified: true,
    first_name: u.firstName,
    last_name: u.lastName,
    timezone: 'GMT',
    photos: { picture: `${base}/img/userprofile/default_profile_200_v2.png`, thumbnail: `${base}/img/userprofile/default_profile_45_v2.png` },
    addr_street: null, addr_city: null, addr_state: null, addr_country: null, addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: identityUrls(base, state),
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    last_modified_date: new Date(state.org.clock.now()).toISOString().replace(/Z$/, '+0000'),
    is_app_installed: true,
  });
}

