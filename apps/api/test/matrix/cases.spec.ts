import { describeMatrix } from '../support/matrix';
import { CASE_ROWS } from '../support/matrix-rows/cases';
import { createTestApp, type TestApp } from '../support/test-app';

describe('F0 authorization', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  describeMatrix('F0 reports, cases, documents, notifications', CASE_ROWS, () => t);
});
