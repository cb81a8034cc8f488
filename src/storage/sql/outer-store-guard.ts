import { AsyncLocalStorage } from 'node:async_hooks';
import type { KyselyPlugin } from 'kysely';
import { LedeError } from '../../lib/errors.js';

/**
 * Turns a certain deadlock into an error: inside `transaction(fn)` the connection belongs to
 * the transaction, so a query through the outer store would wait for `fn`, which waits for it.
 * Each store runs `fn` inside `inside.run(true, …)` and adds this plugin to its outer Kysely.
 */
export class OuterStoreGuard implements KyselyPlugin {
  readonly inside = new AsyncLocalStorage<true>();
  transformQuery: KyselyPlugin['transformQuery'] = (args) => {
    if (this.inside.getStore()) {
      throw new LedeError(
        'storage_tx_misuse',
        'inside store.transaction(fn), query through the tx store given to fn',
      );
    }
    return args.node;
  };
  transformResult: KyselyPlugin['transformResult'] = async (args) => args.result;
}
