import { describe, expect, it, vi } from 'vitest';
import { ApiClient, sessionKey, type FetchLike } from '../api/client';
import { ApiError } from '../api/errors';
import { memoryStorage } from './helpers';

function signedIn(fetchFn: FetchLike): ApiClient {
  const storage = memoryStorage();
  storage.setItem(
    sessionKey('citizen'),
    JSON.stringify({
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      expiresAt: Date.now() + 600_000,
      user: { id: 'c1', username: '0912000001', fullName: 'A', role: 'CITIZEN', jurisdiction: {} },
    }),
  );
  return new ApiClient({ app: 'citizen', fetch: fetchFn, storage });
}

describe('ApiClient files', () => {
  it('upload() sends the raw file with its own Content-Type and the bearer token, and parses the JSON answer', async () => {
    const fetchFn = vi.fn<FetchLike>(
      async () => new Response(JSON.stringify({ id: 'f1', contentType: 'image/png', size: 3 }), { status: 201, headers: { 'content-type': 'application/json' } }),
    );
    const api = signedIn(fetchFn);
    const file = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    const res = await api.upload<{ id: string }>('/files/test-photos', file);
    expect(res.id).toBe('f1');
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('/api/v1/files/test-photos');
    expect(init!.method).toBe('POST');
    expect(init!.body).toBe(file);
    const headers = new Headers(init!.headers);
    expect(headers.get('content-type')).toBe('image/png');
    expect(headers.get('authorization')).toBe('Bearer access-1');
  });

  it('getBlob() returns the bytes and throws ApiError on an error answer', async () => {
    const fetchFn = vi
      .fn<FetchLike>()
      .mockResolvedValueOnce(new Response('%PDF-1.7', { status: 200, headers: { 'content-type': 'application/pdf' } }))
      .mockResolvedValueOnce(
        new Response(JSON.stringify({ statusCode: 404, code: 'NOT_FOUND', message: 'no', requestId: 'r' }), {
          status: 404,
          headers: { 'content-type': 'application/json' },
        }),
      );
    const api = signedIn(fetchFn);
    const blob = await api.getBlob('/isolation-decisions/d1/pdf');
    expect(await blob.text()).toBe('%PDF-1.7');
    expect(new Headers(fetchFn.mock.calls[0]![1]!.headers).get('authorization')).toBe('Bearer access-1');
    await expect(api.getBlob('/isolation-decisions/d2/pdf')).rejects.toBeInstanceOf(ApiError);
  });

  it('postBlob() POSTs with the bearer token and returns the file; an error answer throws ApiError', async () => {
    const fetchFn = vi
      .fn<FetchLike>()
      .mockResolvedValueOnce(new Response('username,code\n', { status: 200, headers: { 'content-type': 'text/csv' } }))
      .mockResolvedValueOnce(
        new Response(JSON.stringify({ statusCode: 409, code: 'CONFLICT', message: 'already exported', requestId: 'r' }), {
          status: 409,
          headers: { 'content-type': 'application/json' },
        }),
      );
    const api = signedIn(fetchFn);
    const blob = await api.postBlob('/accounts/imports/i1/codes.csv');
    expect(await blob.text()).toBe('username,code\n');
    const [url, init] = fetchFn.mock.calls[0]!;
    expect(url).toBe('/api/v1/accounts/imports/i1/codes.csv');
    expect(init!.method).toBe('POST');
    expect(init!.body).toBeUndefined();
    const headers = new Headers(init!.headers);
    expect(headers.get('authorization')).toBe('Bearer access-1');
    expect(headers.get('accept')).toBe('*/*');
    const err = await api.postBlob('/accounts/imports/i1/codes.csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(409);
  });
});
