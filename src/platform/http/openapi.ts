/** The OpenAPI 3.1 document of `/api/v1`; modules add their paths as they gain JSON endpoints. */
export const openApiDocument = (
  publicUrl: string,
  version: string,
  modulePaths: Readonly<Record<string, unknown>> = {},
  moduleSchemas: Readonly<Record<string, unknown>> = {},
) => ({
  openapi: '3.1.0',
  info: {
    title: 'Ecosphere open data API',
    version,
    description:
      'Read-only JSON about the innovation ecosystem. Errors have the shape { "error": { "code", "message", "requestId" } }.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: `${publicUrl}/api/v1` }],
  paths: {
    '/openapi.json': {
      get: {
        summary: 'This document',
        operationId: 'getOpenApi',
        responses: { '200': { description: 'The OpenAPI document', content: { 'application/json': {} } } },
      },
    },
    ...modulePaths,
  },
  components: {
    schemas: {
      ...moduleSchemas,
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message', 'requestId'],
            properties: {
              code: {
                type: 'string',
                enum: [
                  'BAD_REQUEST',
                  'NOT_FOUND',
                  'FORBIDDEN',
                  'UNAUTHENTICATED',
                  'INVALID',
                  'CONFLICT',
                  'TOO_LARGE',
                  'RATE_LIMITED',
                  'UNAVAILABLE',
                  'INTERNAL',
                ],
              },
              message: { type: 'string' },
              requestId: { type: 'string' },
            },
          },
        },
      },
    },
  },
});
