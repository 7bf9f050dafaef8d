/** Contract channel `a.b` travels over IPC as `lbt:a.b`; shared by main and preload. */
export const IPC_PREFIX = 'lbt:';
