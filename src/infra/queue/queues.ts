/** Queue and job names, declared once; the worker checks at start that each job has a handler. */
export const NOTIFICATIONS_QUEUE = 'notifications';

export const NotificationJob = {
  /** Deliver one outbox row (job id = outbox id, so it is queued once). */
  deliver: 'deliver',
  /** Sweep the outbox for rows whose delivery was never queued (Redis was down, a crash). */
  sweep: 'sweep-outbox',
  /** Queue "deadline in 3 days / 24 h" reminders for drafts. */
  deadlineReminders: 'deadline-reminders',
} as const;
export type NotificationJobName = (typeof NotificationJob)[keyof typeof NotificationJob];

/** Rendering and export work (Chromium lives only in worker processes). */
export const DOSSIERS_QUEUE = 'dossiers';

export const DossierJob = {
  /** Render one dossier row (job id = snapshot + variant + viewer + template version). */
  render: 'render',
  /** Decode the QR code on an uploaded stamped receipt and compare it with the sealed hash. */
  receiptCheck: 'receipt-check',
  /** Build the ZIP of every dossier of a cycle and store it. */
  exportZip: 'export-zip',
} as const;
export type DossierJobName = (typeof DossierJob)[keyof typeof DossierJob];
