/**
 * The results service's tables, one Kysely `Database` type for SQLite and PostgreSQL alike. To keep one query
 * layer for both, booleans are integers (0/1) and times are ISO-8601 UTC text (which sorts in time order).
 * Migrations (src/server/db/migrations/) create exactly these columns.
 */
import type { Generated } from 'kysely';
import type { OutcomeKey } from '../../shared/scoring/rules';

export interface DevicesTable {
  device_id: string;
  key_id: string;
  /** base64 of the raw Ed25519 public key. */
  public_key: string;
  gemeente: string;
  label: string;
  enrolled_at: string;
  revoked_at: string | null;
}

/** One period of a device's enrollment for a gemeente; `enrolled_until` is null for the current one. */
export interface DeviceEnrollmentsTable {
  device_id: string;
  gemeente: string;
  enrolled_from: string;
  enrolled_until: string | null;
}

export interface EnrollmentCodesTable {
  /** sha256 (hex) of the normalized code: the code itself is shown once and never stored. */
  code_hash: string;
  gemeente: string;
  label: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  used_by: string | null;
}

export interface AfnemersTable {
  afnemer_id: string;
  name: string;
  gemeente: string;
  valid_until: string;
  status: 'active' | 'revoked';
  /** JSON of the PinVerifier (src/shared/results-service/roster.ts). */
  pin_verifier: string;
  updated_at: string;
}

/** Small counters and settings, e.g. `roster-serial`. */
export interface MetaTable {
  key: string;
  value: string;
}

/**
 * One row per stored result. The envelope is kept byte-for-byte as received (the signed evidence); the other
 * columns are facts extracted from it at ingest, so review queries never parse JSON.
 */
export interface ResultsTable {
  result_id: string;
  /** sha256 of the canonical bytes of the whole envelope: "same bytes" for idempotency. */
  envelope_hash: string;
  /** sha256 of the canonical bytes of the payload, as in the receipt. */
  payload_hash: string;
  envelope: string;
  /** JSON of the SignedReceipt given for it, returned unchanged on a repeat upload. */
  receipt: string;
  stored_at: string;
  device_id: string;
  gemeente: string;
  session_id: string;
  /** The reference the afnemer gave the candidate (payload.candidateRef); null only if ever missing. */
  candidate_ref: string | null;
  status: 'completed' | 'aborted';
  created_at: string;
  closed_at: string;
  doelgroep: string;
  language: string;
  package_hash: string;
  /**
   * The cesuur of the package's test definition (what the outcome is judged by), never the device's claim;
   * a differing claim sets `cesuur_mismatch` (migration 008).
   */
  cesuur: number;
  cesuur_mismatch: number;
  /** The twijfelzone of the package's test definition around `cesuur`, inclusive. */
  twijfelzone_from: number;
  twijfelzone_to: number;
  /** The server's own re-score from the raw responses (authoritative); `raw_client` is what the device said. */
  raw: number;
  raw_client: number;
  max: number;
  /** null for an aborted sitting: it has no outcome. */
  outcome: OutcomeKey | null;
  in_twijfelzone: number;
  unanswered: number;
  score_mismatch: number;
  /**
   * 1 when the payload names another gemeente than the one the device was enrolled for at the sitting, where
   * the result is filed (migration 009).
   */
  gemeente_mismatch: number;
  /** 'touch' | 'pen' | 'mouse' | 'mixed' | 'none': pointer types used over the scored items. */
  input_type: string;
  /** 1/0, or null when the condition was not recorded. */
  interpreter: number | null;
  /** `yes`, `demo-vandaag`, `no`, `unknown` (ingest/columns.ts, practicedOf), or null when not recorded. */
  practiced: string | null;
  /** The afnemer's checklist (migration 013); null when not recorded. Booleans 1/0. */
  quiet_room: number | null;
  group_size: number | null;
  intake_moment: string | null;
  /** `in-room`, `phone` or `geen` (the checklist's `interpreterMode`), null when not recorded. */
  interpreter_mode: string | null;
  interpreter_language: string | null;
  translation_tool: number | null;
  /** Who opened the sitting (payload.afnemerId). */
  afnemer_id: string | null;
  shell: string | null;
  device_model: string | null;
  /** e.g. `1920x1080@1`. */
  resolution: string | null;
  mouse_used: number;
  focus_lost: number;
  interrupted: number;
  fast_answers: number;
  /** Why the afnemer ended the sitting early with a result (`validity.endedEarly.reason`), else null (011). */
  ended_early: string | null;
  /** One character per scored item in definition order: '1' right, '0' wrong, '-' unanswered. */
  item_pattern: string;
  /**
   * Sittings that did not end normally (migration 019, ingest/ending-columns.ts): the abort's reason code, the
   * number of pauses and their distinct reason codes as `,a,b,` (null without pauses).
   */
  abort_reason: string | null;
  pauses: number;
  pause_reasons: string | null;
  /** 1 when the reference breaks the gemeente's reference form in force at the sitting (migration 019). */
  reference_form_broken: number;
}

/** One entry of the hash-chained, append-only audit log (migration 014; src/server/audit/). */
export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  role: string;
  gemeente: string | null;
  action: string;
  why: string;
  subject: string | null;
  candidate_ref: string | null;
  /** JSON of AuditEntryBody.detail. */
  detail: string;
  prev_hash: string;
  hash: string;
}

/** Per gemeente settings (migration 015): the retention period. */
export interface GemeenteSettingsTable {
  gemeente: string;
  /** Months after the sitting a result is kept; null is the default (RETENTION_DEFAULT_MONTHS). */
  retention_months: number | null;
  updated_at: string;
}

/**
 * The history of each gemeente's candidate reference form (migration 019): a row per change, so ingest can judge
 * a result by the form in force when its sitting opened. `form` is JSON of ReferenceForm; null = cleared.
 */
export interface ReferenceFormsTable {
  gemeente: string;
  set_at: string;
  form: string | null;
  set_by: string;
}

/** A review-dashboard account (issue 9). One gemeente per user; every query is scoped to it. */
export interface UsersTable {
  user_id: string;
  username: string;
  gemeente: string;
  role: 'viewer' | 'consulent' | 'beheerder' | 'privacy' | 'analist';
  /** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash so they can be raised later. */
  password_hash: string;
  created_at: string;
  /**
   * The per-account login lock of migration 002. Unused since 003 (login_failures counts per username and
   * address instead); kept because dropping columns is not portable and createUser still writes the defaults.
   */
  failed_logins: number;
  locked_until: string | null;
  /** Set when a beheerder or `lbt users disable` disabled the account; it cannot log in (migration 010). */
  disabled_at: string | null;
  /** 1 after a password reset: the next session may only choose a new password. Defaults to 0. */
  must_change_password: Generated<number>;
}

/**
 * Review login attempts that have not succeeded, per normalized username (existing or not) and client address
 * (src/server/review/login-failures.ts). A row lives until `expires_at`, 15 minutes after its latest attempt.
 */
export interface LoginFailuresTable {
  username: string;
  /** The address key: an IPv4 address, or the /64 prefix of an IPv6 one. */
  address: string;
  failures: number;
  expires_at: string;
}

/** A logged-in browser. The cookie holds a random id; only its sha256 is stored, so a database leak is no login. */
export interface WebSessionsTable {
  session_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** The leerroute a consulent chose for a result; one row per result (the latest choice). */
export interface LeerroutesTable {
  result_id: string;
  gemeente: string;
  route: 'B1' | 'O' | 'Z';
  /**
   * Copies of the result's raw score and cesuur (results never change once stored), so the unfiltered
   * distribution counts routes from this table's own index instead of joining a million results.
   */
  raw: number;
  cesuur: number;
  /** 1 when the route follows the advice of the result's own cesuur. */
  conform: number;
  reason: string | null;
  explanation: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** Per gemeente, the newest change seq (migration 020): what a review tally compares its own seq with. */
export interface ReviewHeadsTable {
  gemeente: string;
  /** bigint: PostgreSQL returns it as a string. */
  seq: number | string;
}

/** One row per write that can change a review view (migration 020), in seq order within a gemeente. */
export interface ReviewChangesTable {
  gemeente: string;
  seq: number | string;
  result_id: string;
}

/**
 * The scoring parts of an item package the service was started with, kept so results of that package still
 * re-score after the service is started with a newer one only (src/server/package-archive.ts).
 */
export interface ScoringPackagesTable {
  /** sha256 of the package manifest, as results name it. */
  package_hash: string;
  definition_id: string;
  definition_version: string;
  /** JSON of the TestDefinition, as the package loader parsed it. */
  definition: string;
  /** JSON array of the scored Items, keys included. */
  items: string;
  /** sha256 (hex) of `definition`, a newline and `items`: a changed byte shows as damage, not as other keys. */
  parts_sha256: string;
  /** When the service was first started with this package. */
  archived_at: string;
}

/** A signed calibration report of one package version (migration 018; src/server/calibration/report-store.ts). */
export interface CalibrationReportsTable {
  report_id: string;
  package_hash: string;
  created_at: string;
  created_by: string;
  result_count: number;
  /** JSON of the SignedCalibration (src/shared/review/calibration.ts). */
  signed: string;
}

export interface Database {
  devices: DevicesTable;
  device_enrollments: DeviceEnrollmentsTable;
  enrollment_codes: EnrollmentCodesTable;
  afnemers: AfnemersTable;
  meta: MetaTable;
  results: ResultsTable;
  users: UsersTable;
  web_sessions: WebSessionsTable;
  leerroutes: LeerroutesTable;
  review_heads: ReviewHeadsTable;
  review_changes: ReviewChangesTable;
  login_failures: LoginFailuresTable;
  scoring_packages: ScoringPackagesTable;
  audit_log: AuditLogTable;
  gemeente_settings: GemeenteSettingsTable;
  calibration_reports: CalibrationReportsTable;
  reference_forms: ReferenceFormsTable;
}
