import { z } from 'zod';
import { ShellKind } from '../contract/app-info';

/**
 * Device facts: what the kiosk measured about the laptop. Part comes from the page (the browser's view of the
 * screen), part from the host (EDID panel size, battery, disk, OS) and, in the Electron shell, from Electron's
 * screen API. `null` always means "could not be measured", never "no".
 */
const Size = z.object({ width: z.number().int().min(0), height: z.number().int().min(0) }).strict();
const Rect = z
  .object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().min(0),
    height: z.number().int().min(0),
  })
  .strict();

/** The page's own view: `screen`, `devicePixelRatio`, `maxTouchPoints` and the pointer media queries. */
export const PageFacts = z
  .object({
    screen: Size,
    availScreen: Size,
    viewport: Size,
    devicePixelRatio: z.number().positive().max(8),
    maxTouchPoints: z.number().int().min(0).max(256),
    /** `(pointer: coarse)`: the primary pointer is a finger. */
    pointerCoarse: z.boolean(),
    /** `(any-pointer: coarse)`: some pointer is a finger. */
    anyPointerCoarse: z.boolean(),
    /** `screen.isExtended`: more than one display (null where the browser does not say). */
    screenIsExtended: z.boolean().nullable(),
  })
  .strict();
export type PageFacts = z.infer<typeof PageFacts>;

export const SizeSource = z.enum(['edid-dtd', 'edid-basic', 'wmi', 'electron', 'facts-file']);

/** A physical panel as the OS describes it (EDID or WMI), independent of any window. */
export const PanelFacts = z
  .object({
    connector: z.string(),
    manufacturer: z.string().nullable(),
    productName: z.string().nullable(),
    sizeMm: Size.nullable(),
    diagonalInches: z.number().positive().nullable(),
    sizeSource: SizeSource.nullable(),
    /** Built-in panel (eDP/LVDS on Linux, WMI "internal" on Windows). */
    internal: z.boolean().nullable(),
  })
  .strict();
export type PanelFacts = z.infer<typeof PanelFacts>;

export const PowerFacts = z
  .object({ onBattery: z.boolean().nullable(), batteryPercent: z.number().min(0).max(100).nullable() })
  .strict();
export const DiskFacts = z.object({ path: z.string(), freeMegabytes: z.number().min(0).nullable() }).strict();
export const AudioFacts = z
  .object({ outputDevices: z.number().int().min(0).nullable(), source: z.string().nullable() })
  .strict();
export const OsFacts = z
  .object({ platform: z.string(), release: z.string(), arch: z.string(), version: z.string().nullable() })
  .strict();
export const KioskAccountFacts = z
  .object({
    detected: z.boolean(),
    account: z.string().nullable(),
    /** How it was detected: the LBT_KIOSK_ACCOUNT variable the setup scripts set, or the account name. */
    via: z.enum(['env', 'username']).nullable(),
  })
  .strict();

/** What the host measures itself; also the shape of the LBT_DEVICE_FACTS_FILE test/diagnostic seam. */
export const HostFacts = z
  .object({
    panels: z.array(PanelFacts),
    /** Connected displays as the OS counts them, or null when it cannot be read. */
    connectedDisplays: z.number().int().min(0).nullable(),
    power: PowerFacts,
    disk: DiskFacts,
    audio: AudioFacts,
    os: OsFacts,
    kioskAccount: KioskAccountFacts,
  })
  .strict();
export type HostFacts = z.infer<typeof HostFacts>;

/** One display as the kiosk uses it: logical bounds, scale, physical pixels, touch and panel size. */
export const DisplayFacts = z
  .object({
    id: z.string(),
    primary: z.boolean(),
    bounds: Rect,
    scaleFactor: z.number().positive().max(8),
    physicalPixels: Size,
    touch: z.enum(['available', 'unavailable', 'unknown']),
    sizeMm: Size.nullable(),
    diagonalInches: z.number().positive().nullable(),
    sizeSource: SizeSource.nullable(),
  })
  .strict();
export type DisplayFacts = z.infer<typeof DisplayFacts>;

export const DeviceFacts = z
  .object({
    collectedAt: z.iso.datetime(),
    shell: ShellKind,
    appVersion: z.string(),
    displays: z.array(DisplayFacts),
    displayCount: z.number().int().min(0),
    page: PageFacts.nullable(),
    panels: z.array(PanelFacts),
    power: PowerFacts,
    disk: DiskFacts,
    audio: AudioFacts,
    os: OsFacts,
    kioskAccount: KioskAccountFacts,
  })
  .strict();
export type DeviceFacts = z.infer<typeof DeviceFacts>;
