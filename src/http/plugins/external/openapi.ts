import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';

/** The OpenAPI document, made from the routes' TypeBox schemas, and Swagger UI over it at /docs. */
export const openApi = fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Assay', version: '1', description: 'Submit solutions to backend challenges and read their scores.' },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'An organisation\'s API key, `assay_<prefix>_<secret>`, with the scopes the route needs' },
          invitation: { type: 'http', scheme: 'bearer', description: 'A candidate\'s invitation token, `inv_…`, from their link: reaches /v1/candidate only' },
          basicApiKey: { type: 'http', scheme: 'basic', description: 'An API key as the username, no password: for applicant-tracking systems under /integrations' },
          session: { type: 'apiKey', in: 'cookie', name: 'assay_session', description: 'A member\'s browser session (POST /v1/session); state-changing requests also send `x-csrf-token`' },
        },
      },
      // Every route needs one of them unless it says otherwise.
      security: [{ apiKey: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
