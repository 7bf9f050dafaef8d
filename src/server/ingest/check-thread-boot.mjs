// Entry of a check thread. Loader hooks belong to the thread that registers them, so the thread registers tsx
// itself (as bin/lbt.mjs does for the main thread) before it loads the TypeScript that does the work.
import { register } from 'tsx/esm/api';

register();
await import('./check-thread.ts');
