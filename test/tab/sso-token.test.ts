import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSsoVerifier, SsoTokenError, type SsoVerifier } from '../../bot/tab/sso-token';
import { startFakeEntra, type FakeEntra } from './support/fake-entra';

const TENANT = '6f1c2d3e-0000-4000-8000-000000000001';
const APP_ID = '0b5e2a11-1111-4111-8111-111111111111';
const HOST = 'forumbot.ishoj.dk';

let entra: FakeEntra;
let verify: SsoVerifier;

beforeAll(async () => {
  entra = await startFakeEntra({ tenantId: TENANT, appId: APP_ID, host: HOST });
  verify = createSsoVerifier({ appId: APP_ID, tenantId: TENANT, host: HOST, jwksUrl: entra.jwksUrl });
});
afterAll(() => entra.close());

async function refusal(token: string): Promise<SsoTokenError> {
  const error = await verify(token).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SsoTokenError);
  return error as SsoTokenError;
}

describe('the Teams SSO token check', () => {
  test('given a v2 token for the app id URI from the tenant with access_as_user, then the user is its oid', async () => {
    const identity = await verify(await entra.token({ oid: 'aad-mette', name: 'Mette Holm' }));
    expect(identity).toEqual({ userId: 'aad-mette', tenantId: TENANT, name: 'Mette Holm' });
    expect(entra.fetches()).toBeGreaterThan(0);
  });

  test('given a v1 token (sts.windows.net issuer, app id as audience), then it is accepted too', async () => {
    const token = await entra.token({ oid: 'aad-v1', iss: `https://sts.windows.net/${TENANT}/`, aud: APP_ID });
    expect((await verify(token)).userId).toBe('aad-v1');
  });

  test('given a token for another audience, then it is refused', async () => {
    expect((await refusal(await entra.token({ aud: 'api://evil.example/0b5e2a11-1111-4111-8111-111111111111' }))).reason).toBe('invalid');
    expect((await refusal(await entra.token({ aud: '00000003-0000-0000-c000-000000000000' }))).reason).toBe('invalid');
  });

  test('given a token from another issuer, then it is refused', async () => {
    expect((await refusal(await entra.token({ iss: 'https://login.microsoftonline.com/common/v2.0' }))).reason).toBe('invalid');
  });

  test('given a token from another tenant (its own issuer and tid), then it is refused', async () => {
    const other = '99999999-0000-4000-8000-000000000009';
    expect((await refusal(await entra.token({ tid: other }))).reason).toBe('invalid');
    // Even with our issuer but another tid claim.
    expect((await refusal(await entra.token({ tid: other, iss: `https://login.microsoftonline.com/${TENANT}/v2.0` }))).message).toMatch(/tenant/);
  });

  test('given an expired token, then it is refused as expired', async () => {
    expect((await refusal(await entra.token({ expiresIn: -300 }))).reason).toBe('expired');
  });

  test('given a token signed with a key Entra did not publish, then it is refused', async () => {
    expect((await refusal(await entra.token({ forged: true }))).reason).toBe('invalid');
  });

  test('given a token without the access_as_user scope, then it is refused', async () => {
    expect((await refusal(await entra.token({ scp: 'User.Read' }))).message).toMatch(/access_as_user/);
    expect((await refusal(await entra.token({ scp: null }))).reason).toBe('invalid');
  });

  test('given a token whose payload was altered after signing, then it is refused', async () => {
    const [header, payload, signature] = (await entra.token({ oid: 'aad-someone' })).split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...claims, oid: 'aad-chair' })).toString('base64url');
    expect((await refusal(`${header}.${altered}.${signature}`)).reason).toBe('invalid');
  });

  test('given no token or garbage, then it is refused', async () => {
    expect((await refusal('')).reason).toBe('missing');
    expect((await refusal('not.a.jwt')).reason).toBe('invalid');
  });
});
