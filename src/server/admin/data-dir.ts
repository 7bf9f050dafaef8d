/** Where `lbt server` and the admin commands keep the SQLite database when no `--data` is given. */
export const DEFAULT_SERVER_DATA_DIR = '.lbt-server';
