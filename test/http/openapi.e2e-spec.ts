import { startTestApi, TestApi } from '../support/test-api';

/** The OpenAPI document the web app's types are generated from, and its list of error codes. */
describe('the OpenAPI document', () => {
  let api: TestApi;
  let document: Record<string, any>;

  beforeAll(async () => {
    api = await startTestApi();
    const response = await api.http.get('/docs-json');
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(() => api.close());

  it('publishes every error code by lib, with its status, for clients to translate', () => {
    expect(document['x-error-codes'].casework['CASEWORK.ALREADY_CLAIMED']).toEqual({ status: 409, when: expect.any(String) });
    expect(document['x-error-codes'].casework['MEDIA.TOO_LARGE'].status).toBe(413);
    expect(document['x-error-codes'].notices['NOTICES.SCOPE'].status).toBe(403);
    expect(document['x-error-codes'].identity['AUTH.BAD_CREDENTIALS'].status).toBe(401);
  });

  it('describes the answers of the queues, photos and notices', () => {
    const schemas = document.components.schemas;
    expect(Object.keys(schemas.RequestListItem.properties)).toEqual(expect.arrayContaining(['address', 'workingMinutesLeft', 'overdue']));
    expect(Object.keys(schemas.AssignmentQueueItem.properties)).toEqual(
      expect.arrayContaining(['address', 'claimWorkingMinutesLeft', 'resolveWorkingMinutesLeft', 'overdue']),
    );
    expect(Object.keys(schemas.MediaResponse.properties)).toEqual(
      expect.arrayContaining(['id', 'stage', 'contentType', 'width', 'height', 'bytes', 'createdAt', 'url', 'thumbnailUrl']),
    );
    expect(Object.keys(schemas.NoticeResponse.properties)).toEqual(expect.arrayContaining(['id', 'kind', 'requestId', 'trackingNo', 'title', 'createdAt', 'data']));
    expect(document.paths['/api/v1/requests/{id}/media'].post.requestBody.content['multipart/form-data']).toBeDefined();
    expect(document.paths['/api/v1/assignments/decisions'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/PendingDecisionPage');
    expect(document.paths['/api/v1/requests/{id}'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/RequestDetail');
  });
});
