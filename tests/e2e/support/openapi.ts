// Validates API responses against the served OpenAPI document's component schemas.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect, type APIRequestContext } from '@playwright/test';

export type OpenApiDocument = { openapi: string; components: { schemas: Record<string, object> } } & Record<string, unknown>;

export async function loadContract(request: APIRequestContext) {
  const response = await request.get('/api/v1/openapi.json');
  const document = (await response.json()) as OpenApiDocument;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: 'openapi', components: document.components });
  return {
    document,
    /** The validation errors of `data` against components/schemas/<name> (empty when valid). */
    errorsFor(name: string, data: unknown) {
      const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
      if (!validate) throw new Error(`No schema ${name} in the OpenAPI document`);
      return validate(data) ? [] : (validate.errors ?? []);
    },
    /** Asks each URL and expects its status and an answer that matches components/schemas/<name>. */
    async expectAnswers(cases: [url: string, schema: string, status: number][]) {
      for (const [url, schema, status] of cases) {
        const response = await request.get(url);
        expect(response.status(), url).toBe(status);
        expect(this.errorsFor(schema, await response.json()), url).toEqual([]);
      }
    },
  };
}
