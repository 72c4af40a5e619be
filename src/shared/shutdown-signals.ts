/**
 * The signals that stop a node cleanly (NestJS `enableShutdownHooks`).
 *
 * Never NestJS's default, which is every member of its ShutdownSignal enum, SIGSEGV, SIGBUS,
 * SIGFPE and SIGILL included. A JavaScript listener for SIGSEGV makes libuv install its own
 * handler over V8's WebAssembly trap handler, and removing the listener restores the default
 * action, not V8's handler. From then on, a job whose module reads outside its linear memory kills
 * the whole process with a segmentation fault instead of trapping in its sandbox. Found when the
 * hostile-module tests crashed jest after the node-app tests had run in the same process.
 */
export const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
