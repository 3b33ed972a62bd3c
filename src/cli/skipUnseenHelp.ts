// yargs renders a command's whole help after starting its handler, to show should the handler fail;
// dv2g's failure handler never shows it, and rendering it costs ~40 ms of every command (text widths
// measured through ICU). This turns that rendering off where yargs' internals are as expected.

/** yargs' internal methods (its class has them; its type declarations do not). */
interface YargsInternals {
  getInternalMethods?(): { getUsageInstance?(): { cacheHelpMessage?: () => void } };
}

/** Skips the help yargs would render for a failure dv2g reports itself; false where yargs has changed. */
export function skipUnseenHelp(instance: unknown): boolean {
  const usage = (instance as YargsInternals).getInternalMethods?.().getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage !== 'function') return false;
  usage.cacheHelpMessage = () => {};
  return true;
}
