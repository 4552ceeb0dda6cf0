import * as oauth from 'oauth4webapi';

/** One authorization attempt's proof key (RFC 7636, S256 only) and anti-CSRF state. */
export interface PkcePair {
  verifier: string;
  challenge: string;
  method: 'S256';
}

export async function createPkce(): Promise<PkcePair> {
  const verifier = oauth.generateRandomCodeVerifier();
  return { verifier, challenge: await challengeFor(verifier), method: 'S256' };
}

export const challengeFor = (verifier: string): Promise<string> => oauth.calculatePKCECodeChallenge(verifier);

export const randomState = (): string => oauth.generateRandomState();
