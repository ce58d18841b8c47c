/** Every migration, in order. Listed explicitly so ts-jest, ts-node and compiled JS load the same set. */
import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { Attachments1764000000001 } from './1764000000001-attachments';
import { Workflow1764000000002 } from './1764000000002-workflow';
import { NotificationDedup1764000000003 } from './1764000000003-notification-dedup';
import { PasswordResets1764000000004 } from './1764000000004-password-resets';
import { Dossiers1764000000005 } from './1764000000005-dossiers';
import { DossierRetries1764000000006 } from './1764000000006-dossier-retries';
import { ApplicantMemberships1764000000017 } from './1764000000017-applicant-memberships';
import { InvitationMailAndRevoke1764000000020 } from './1764000000020-invitation-mail-and-revoke';
import { Judging1764000000050 } from './1764000000050-judging';
import { StaffConsole1764000000030 } from './1764000000030-staff-console';
import { EntryGenerations1764000000031 } from './1764000000031-entry-generations';

export const MIGRATIONS = [
  InitialSchema1764000000000,
  Attachments1764000000001,
  Workflow1764000000002,
  NotificationDedup1764000000003,
  PasswordResets1764000000004,
  Dossiers1764000000005,
  DossierRetries1764000000006,
  ApplicantMemberships1764000000017,
  InvitationMailAndRevoke1764000000020,
  Judging1764000000050,
  StaffConsole1764000000030,
  EntryGenerations1764000000031,
];
