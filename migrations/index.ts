/** Every migration, in order. Listed explicitly so ts-jest, ts-node and compiled JS load the same set. */
import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { Attachments1764000000001 } from './1764000000001-attachments';
import { Workflow1764000000002 } from './1764000000002-workflow';
import { NotificationDedup1764000000003 } from './1764000000003-notification-dedup';
import { PasswordResets1764000000004 } from './1764000000004-password-resets';
import { Dossiers1764000000005 } from './1764000000005-dossiers';
import { DossierRetries1764000000006 } from './1764000000006-dossier-retries';
import { ApplicantMemberships1764000000017 } from './1764000000017-applicant-memberships';
import { StaffConsole1764000000030 } from './1764000000030-staff-console';

export const MIGRATIONS = [
  InitialSchema1764000000000,
  Attachments1764000000001,
  Workflow1764000000002,
  NotificationDedup1764000000003,
  PasswordResets1764000000004,
  Dossiers1764000000005,
  DossierRetries1764000000006,
  ApplicantMemberships1764000000017,
  StaffConsole1764000000030,
];
