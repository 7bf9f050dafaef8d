/**
 * The call routes answer only the kiosk page itself. The token already keeps other processes out; these checks
 * keep other web pages out too: a foreign `Origin` is some site the browser is showing, and a foreign `Host` is
 * DNS rebinding (a site's name resolved to 127.0.0.1). A request without `Origin` is not from a web page (a
 * browser always sends one on a POST and on a WebSocket handshake); it still needs the token.
 */
export function callOriginProblem(
  headers: { host?: string | undefined; origin?: string | undefined },
  port: number,
): string | null {
  const host = `127.0.0.1:${port}`;
  if (headers.host !== host) {
    return `Calls are answered only at ${host}; this request was addressed to ${JSON.stringify(headers.host ?? '')}.`;
  }
  if (headers.origin !== undefined && headers.origin !== `http://${host}`) {
    return `Calls are answered only for the kiosk page (origin http://${host}), not for ${JSON.stringify(headers.origin)}.`;
  }
  return null;
}
