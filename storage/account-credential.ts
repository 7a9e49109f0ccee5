import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { TableClient, TableServiceClient, type TableServiceClientOptions } from '@azure/data-tables';

/** A storage account reached by its table endpoint with a Microsoft Entra token: no key anywhere. */
export interface AccountConnection {
  /** https://<account>.table.core.windows.net */
  accountUrl: string;
  /** Default: DefaultAzureCredential (managed identity in Azure, the developer's az login locally). */
  credential?: TokenCredential;
}

/** Which way storage is authenticated, for the start-up log line (never the secret itself). */
export const storageAuthOf = (connection: string | AccountConnection): 'sharedKey' | 'entraToken' =>
  typeof connection === 'string' ? 'sharedKey' : 'entraToken';

export function accountClients(connection: AccountConnection): {
  table(name: string): TableClient;
  service(options: TableServiceClientOptions): TableServiceClient;
} {
  const url = new URL(connection.accountUrl);
  // Tokens travel only over TLS; the SDK refuses bearer tokens on http, we refuse earlier and clearer.
  if (url.protocol !== 'https:') throw new Error('STORAGE_ACCOUNT_URL must use https');
  const endpoint = connection.accountUrl.replace(/\/+$/, '');
  // One credential per account: it caches and refreshes its token for every client.
  const credential = connection.credential ?? new DefaultAzureCredential();
  return {
    table: (name) => new TableClient(endpoint, name, credential),
    service: (options) => new TableServiceClient(endpoint, credential, options),
  };
}
