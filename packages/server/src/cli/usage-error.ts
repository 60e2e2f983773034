/** A wrong command line: exit code 2 with the usage. */
export class UsageError extends Error {}
