import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/**
 * A call is trusted only from our own kiosk page's main frame, in our own window: not from an iframe,
 * not from a page that managed to navigate elsewhere, not from another WebContents.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, kiosk: WebContents | null): boolean {
  const frame = event.senderFrame;
  if (!kiosk || !frame || event.sender !== kiosk) return false;
  if (frame !== kiosk.mainFrame) return false;
  return isAppUrl(frame.url);
}
