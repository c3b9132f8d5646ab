import { describeMatrix } from '../support/matrix';
import { ACCOUNT_ROWS } from '../support/matrix-rows/accounts';
import { createTestApp, type TestApp } from '../support/test-app';

describe('accounts authorization', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  describeMatrix('accounts', ACCOUNT_ROWS, () => t);
});
