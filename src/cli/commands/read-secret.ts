import { createInterface } from 'node:readline';

/**
 * The first line of standard input, or null when there is none: how a PIN or password reaches the CLI without
 * landing in the shell history or the process list. The prompt goes to stderr and only on a terminal, so a pipe
 * gets no stray text.
 */
export async function readSecretLine(prompt: string): Promise<string | null> {
  if (process.stdin.isTTY) process.stderr.write(prompt);
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return null;
}
