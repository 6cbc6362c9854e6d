import { expect, type APIRequestContext } from '@playwright/test';

/** A public API answer's JSON, once it is a 200 that any origin may read and that carries an ETag. */
export async function readPublicAnswer(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['access-control-allow-origin'], url).toBe('*');
  expect(response.headers().etag, url).toBeTruthy();
  return response.json();
}
