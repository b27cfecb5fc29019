import { CHANGES, READS, type Subject } from '../../contract/subjects';
import type { ServiceName } from '../../contract/service-contract';
import type { Host } from './host';

/** One revision number per subject: a successful write bumps the subjects it declares it changed. */
const revision = new Map<Subject, number>();
const listeners = new Set<() => void>();

export function bump(subjects: readonly Subject[]): void {
  for (const s of subjects) revision.set(s, (revision.get(s) ?? 0) + 1);
  for (const l of listeners) l();
}

export function onRevision(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The revisions a read method depends on, as one key: it changes when any of its subjects changed. */
export function revisionKey(method: ServiceName): string {
  return (READS[method] ?? []).map((s) => revision.get(s) ?? 0).join('.');
}

/** The host every screen uses: the same calls, and after each write that succeeded, the bump of what it changed. */
export function withRevisions(host: Host): Host {
  return {
    ...host,
    call: async (method, args, options) => {
      const result = await host.call(method, args, options);
      const changed = CHANGES[method];
      if (changed) bump(changed);
      return result;
    },
    exportFile: host.exportFile.bind(host),
    cancel: host.cancel.bind(host),
    onProgress: host.onProgress.bind(host),
    stageFile: host.stageFile.bind(host),
    ...(host.chooseBookPath ? { chooseBookPath: host.chooseBookPath.bind(host) } : {}),
  };
}
