import { CallError, type Host } from './host';

/** What the window does when a call says it needs a signed-in user, or that the background process was restarted. */
export interface HostGuards {
  /** asks the user to sign in (for what, a permission code); true when they did */
  signIn(what: string): Promise<boolean>;
  /** the background process was restarted: the window says so and reloads its state */
  restarted(): void;
}

/** Set by the App once it can show the sign-in dialog and its banners. */
export const hostGuards: { current: HostGuards | null } = { current: null };

const RESTARTED = new Set(['security.host-restarted', 'security.host-restarted-no-book']);

/**
 * The host every screen uses, with the security rules of the window: a write refused for want of a signed-in user
 * opens the sign-in dialog and is made again once the user has signed in (so the window asks before any write,
 * wherever it starts), and a restart of the background process is reported to the App.
 */
export function guardedHost(inner: Host): Host {
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      if (!(e instanceof CallError)) throw e;
      const { code, params } = e.error;
      if (RESTARTED.has(code) || (code === 'security.host-timeout' && params?.restarted)) hostGuards.current?.restarted();
      if (code === 'security.sign-in-required' && hostGuards.current && (await hostGuards.current.signIn(String(params?.what ?? '')))) return run();
      throw e;
    }
  };
  return {
    ...inner,
    kind: inner.kind,
    call: (method, args, options) => guard(() => inner.call(method, args, options)),
    exportFile: (method, args, fileName) => guard(() => inner.exportFile(method, args, fileName)),
  };
}
