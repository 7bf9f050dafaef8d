/**
 * The kiosk page is served from a privileged custom scheme rather than file:// so it has a real origin
 * that the CSP, the sender check and the navigation guard can all name exactly.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const KIOSK_URL = `${APP_ORIGIN}/kiosk/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
