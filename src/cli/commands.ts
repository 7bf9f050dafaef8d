import type { CliCommand } from './command';
import { itemsAudioImport } from './commands/items-audio-import';
import { itemsSign } from './commands/items-sign';
import { itemsVerify } from './commands/items-verify';
import { score } from './commands/score';
import { kioskEnroll } from './commands/kiosk-enroll';
import { kioskResetLockouts } from './commands/kiosk-reset-lockouts';
import { resultsExport } from './commands/results-export';
import { server } from './commands/server';
import { devicesEnroll } from './commands/devices-enroll';
import { devicesRevoke } from './commands/devices-revoke';
import { devicesList } from './commands/devices-list';
import { afnemersAdd } from './commands/afnemers-add';
import { afnemersRenew } from './commands/afnemers-renew';
import { afnemersRevoke } from './commands/afnemers-revoke';
import { afnemersList } from './commands/afnemers-list';
import { resultsImport } from './commands/results-import';
import { usersCreate } from './commands/users-create';
import {
  usersDelete,
  usersDisable,
  usersList,
  usersResetPassword,
  usersRevokeSessions,
} from './commands/users-manage';
import { demoData } from './commands/demo-data';
import { auditVerify } from './commands/audit-verify';
import { retentionRun, retentionSet } from './commands/retention';
import { calibrate } from './commands/calibrate';
import { definitionRelease } from './commands/definition-release';
import { referenceFormClear, referenceFormSet, referenceFormShow } from './commands/reference-form';

/**
 * Every `lbt` command, by its words (`items verify`, `server`, …). Each lives in its own file under
 * src/cli/commands/ and is listed here.
 */
export const commands: Record<string, CliCommand> = {
  'items verify': itemsVerify,
  'items sign': itemsSign,
  'items audio import': itemsAudioImport,
  'definition release': definitionRelease,
  score,
  'kiosk enroll': kioskEnroll,
  'kiosk reset-lockouts': kioskResetLockouts,
  'results export': resultsExport,
  server,
  'devices enroll': devicesEnroll,
  'devices revoke': devicesRevoke,
  'devices list': devicesList,
  'afnemers add': afnemersAdd,
  'afnemers renew': afnemersRenew,
  'afnemers revoke': afnemersRevoke,
  'afnemers list': afnemersList,
  'results import': resultsImport,
  'users create': usersCreate,
  'users disable': usersDisable,
  'users delete': usersDelete,
  'users reset-password': usersResetPassword,
  'users revoke-sessions': usersRevokeSessions,
  'users list': usersList,
  'demo-data': demoData,
  calibrate,
  'audit verify': auditVerify,
  'retention run': retentionRun,
  'retention set': retentionSet,
  'gemeente reference-form set': referenceFormSet,
  'gemeente reference-form show': referenceFormShow,
  'gemeente reference-form clear': referenceFormClear,
};
