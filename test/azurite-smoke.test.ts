import { TableClient } from '@azure/data-tables';
import { expect, inject, test } from 'vitest';

test('given the global setup then an in-memory Azurite answers table requests', async () => {
  const client = TableClient.fromConnectionString(inject('storageConnectionString'), 'smoke', { allowInsecureConnection: true });
  await client.createTable();
  await client.upsertEntity({ partitionKey: 'p', rowKey: 'r', value: 1 });
  const entity = await client.getEntity<{ value: number }>('p', 'r');
  expect(entity.value).toBe(1);
  await client.deleteTable();
});
