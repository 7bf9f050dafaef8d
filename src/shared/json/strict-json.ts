/**
 * The one strict JSON parser for every JSON boundary that is signed or stored (I-JSON, RFC 7493, which RFC 8785
 * builds on): JSON.parse, then a scan that refuses an object naming one member twice. JSON.parse keeps the last
 * duplicate silently, so a signed payload could show one `candidateRef` to the column writer and another to a
 * reader of the stored evidence. No npm package in the tree checks this, and the scan is short enough to own.
 */

export type StrictJsonProblem = 'syntax' | 'duplicate-key';

export class StrictJsonError extends Error {
  override readonly name = 'StrictJsonError';
  constructor(
    readonly problem: StrictJsonProblem,
    message: string,
    /** For 'duplicate-key': where the object is ($, $.payload, $.items[3]) and the repeated name. */
    readonly path?: string,
    readonly key?: string,
  ) {
    super(message);
  }
}

/** Parses `text` as JSON without duplicate object names; throws StrictJsonError ('syntax' keeps JSON.parse's message). */
export function parseStrictJson(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StrictJsonError('syntax', error instanceof Error ? error.message : String(error));
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate) {
    throw new StrictJsonError(
      'duplicate-key',
      `duplicate key ${JSON.stringify(duplicate.key)} in the object at ${duplicate.path}: I-JSON (RFC 7493) forbids repeated names`,
      duplicate.path,
      duplicate.key,
    );
  }
  return value;
}

type Frame =
  | { kind: 'object'; keys: Set<string>; awaitingKey: boolean; current: string | null }
  | { kind: 'array'; index: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/**
 * The first object member name that repeats in its object, in document order, or null. Only meaningful for text
 * that JSON.parse accepts (it does not check syntax). Names are compared decoded, so "a" and "\u0061" collide.
 */
export function findDuplicateKey(text: string): { path: string; key: string } | null {
  const stack: Frame[] = [];
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i;
      let escaped = false;
      for (i++; i < length; i++) {
        const d = text.charCodeAt(i);
        if (d === BACKSLASH) {
          escaped = true;
          i++;
        } else if (d === QUOTE) break;
      }
      const top = stack[stack.length - 1];
      if (top?.kind === 'object' && top.awaitingKey) {
        const key = escaped ? (JSON.parse(text.slice(start, i + 1)) as string) : text.slice(start + 1, i);
        if (top.keys.has(key)) return { path: pathOf(stack.slice(0, -1)), key };
        top.keys.add(key);
        top.awaitingKey = false;
        top.current = key;
      }
    } else if (c === OPEN_BRACE) {
      stack.push({ kind: 'object', keys: new Set(), awaitingKey: true, current: null });
    } else if (c === OPEN_BRACKET) {
      stack.push({ kind: 'array', index: 0 });
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      stack.pop();
    } else if (c === COMMA) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') top.awaitingKey = true;
      else if (top) top.index++;
    }
  }
  return null;
}

/** The JSONPath of the innermost frame, built only when a duplicate is found. */
function pathOf(frames: readonly Frame[]): string {
  let path = '$';
  for (const frame of frames) {
    if (frame.kind === 'array') path += `[${frame.index}]`;
    else
      path += /^[A-Za-z_$][\w$]*$/.test(frame.current ?? '')
        ? `.${frame.current}`
        : `[${JSON.stringify(frame.current)}]`;
  }
  return path;
}
