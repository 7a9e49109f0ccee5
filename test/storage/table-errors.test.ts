import { RestError, type TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AlreadyExistsError, ConcurrencyError, NotFoundError } from '../../domain/shared/repository-errors';
import { mapWriteError, serviceCodeOf } from '../../storage/table-errors';
import { openTestStorage } from './storage-kit';

const { storage, raw } = openTestStorage();
let table: TableClient;
beforeAll(async () => {
  table = raw('fora');
  await table.createTable();
  await table.createEntity({ partitionKey: 'p', rowKey: 'exists', n: 1 });
});
afterAll(() => storage.dropAll());

/** The error a real request fails with. */
const failure = (request: () => Promise<unknown>): Promise<unknown> =>
  request().then(
    () => expect.fail('the request should have failed'),
    (error: unknown) => error,
  );

const mapped = (error: unknown): unknown => {
  try {
    mapWriteError(error, { table: 'fora' });
  } catch (thrown) {
    return thrown;
  }
  return undefined;
};

describe('mapping of table errors', () => {
  test('given a missing entity (404) then NotFoundError with the service code', async () => {
    const error = await failure(() => table.deleteEntity('p', 'missing'));
    expect(serviceCodeOf(error)).toBe('ResourceNotFound');
    expect(mapped(error)).toEqual(expect.any(NotFoundError));
    expect(mapped(error)).toMatchObject({ context: { table: 'fora', code: 'ResourceNotFound' } });
  });

  test('given a duplicate create (409) then AlreadyExistsError', async () => {
    const error = await failure(() => table.createEntity({ partitionKey: 'p', rowKey: 'exists' }));
    expect(serviceCodeOf(error)).toBe('EntityAlreadyExists');
    expect(mapped(error)).toEqual(expect.any(AlreadyExistsError));
  });

  test('given a stale ETag (412) then ConcurrencyError', async () => {
    const current = await table.getEntity('p', 'exists');
    await table.updateEntity({ partitionKey: 'p', rowKey: 'exists', n: 2 }, 'Replace', { etag: current.etag });
    const error = await failure(() => table.updateEntity({ partitionKey: 'p', rowKey: 'exists', n: 3 }, 'Replace', { etag: current.etag }));
    expect(serviceCodeOf(error)).toBe('UpdateConditionNotSatisfied');
    expect(mapped(error)).toEqual(expect.any(ConcurrencyError));
  });

  test('given a failed transaction then its code is read from the error itself', async () => {
    const error = await failure(() => table.submitTransaction([['create', { partitionKey: 'p', rowKey: 'exists' }]]));
    expect(serviceCodeOf(error)).toBe('EntityAlreadyExists');
    expect(mapped(error)).toEqual(expect.any(AlreadyExistsError));
  });

  test('given any other failure (400 for a key with /) then the same error propagates unchanged', async () => {
    const error = await failure(() => table.createEntity({ partitionKey: 'p', rowKey: 'a/b' }));
    expect(error).toBeInstanceOf(RestError);
    expect(mapped(error)).toBe(error);
    const plain = new Error('not a storage error');
    expect(mapped(plain)).toBe(plain);
  });
});
