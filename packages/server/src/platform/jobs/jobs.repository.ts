import { newId } from '../ids.js';
import type { TenantScope } from '../tenant.js';

/**
 * Runs fn and records it in the `job` table (running → done or failed, with its result or
 * error), so an administrator can see that a background job ran and what it did.
 */
export async function trackJob<T>(scope: TenantScope, kind: string, input: unknown, now: () => Date, fn: () => Promise<T>, total?: (result: T) => { progress: number; total: number }): Promise<T> {
  const id = newId();
  const at = () => now().toISOString();
  const started = at();
  await scope.insertInto('job', { id, kind, status: 'running', progress: 0, total: 0, input: JSON.stringify(input), result: null, error: null, created_by: null, created_at: started, updated_at: started }).execute();
  try {
    const result = await fn();
    await scope
      .updateTable('job')
      .set({ status: 'done', result: JSON.stringify(result), updated_at: at(), ...(total ? total(result) : {}) })
      .where('id', '=', id)
      .execute();
    return result;
  } catch (e) {
    await scope.updateTable('job').set({ status: 'failed', error: (e as Error).message ?? String(e), updated_at: at() }).where('id', '=', id).execute();
    throw e;
  }
}
