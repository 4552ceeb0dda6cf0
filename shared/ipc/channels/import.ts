import { z } from 'zod';
import { channel } from '../define';

/**
 * Where a CSV column goes in the local model. `custom` keeps the value as a custom field named
 * after the header; `ignore` drops it.
 */
export const importTargets = [
  'ignore',
  'custom',
  'person.email',
  'person.firstName',
  'person.lastName',
  'person.fullName',
  'person.phone',
  'person.company',
  'person.jobTitle',
  'person.address1',
  'person.address2',
  'person.city',
  'person.region',
  'person.postalCode',
  'person.country',
  'person.marketingConsent',
  'order.id',
  'order.date',
  'order.total',
  'order.currency',
  'order.status',
  'ticket.id',
  'ticket.type',
  'ticket.quantity',
  'ticket.price',
  'ticket.checkedIn',
  'ticket.checkInDate',
  'ticket.attendeeStatus',
  'ticket.voided',
  'event.name',
  'event.date',
  'event.venue',
] as const;
export const ImportTarget = z.enum(importTargets);
export type ImportTarget = z.infer<typeof ImportTarget>;

/** Labels for mapping dropdowns, grouped by what they fill. */
export const importTargetLabels: Record<ImportTarget, string> = {
  ignore: 'Ignore',
  custom: 'Keep as custom field',
  'person.email': 'Email',
  'person.firstName': 'First name',
  'person.lastName': 'Last name',
  'person.fullName': 'Full name (split)',
  'person.phone': 'Phone',
  'person.company': 'Company',
  'person.jobTitle': 'Job title',
  'person.address1': 'Address line 1',
  'person.address2': 'Address line 2',
  'person.city': 'City',
  'person.region': 'State / region',
  'person.postalCode': 'Postal code',
  'person.country': 'Country',
  'person.marketingConsent': 'Marketing consent',
  'order.id': 'Order ID',
  'order.date': 'Order date',
  'order.total': 'Order total',
  'order.currency': 'Currency',
  'order.status': 'Order status',
  'ticket.id': 'Ticket / attendee ID',
  'ticket.type': 'Ticket type',
  'ticket.quantity': 'Quantity',
  'ticket.price': 'Ticket price / amount paid',
  'ticket.checkedIn': 'Checked in (yes/no)',
  'ticket.checkInDate': 'Check-in date',
  'ticket.attendeeStatus': 'Attendee status',
  'ticket.voided': 'Void status',
  'event.name': 'Event name',
  'event.date': 'Event date',
  'event.venue': 'Venue',
};

export const DateOrder = z.enum(['MDY', 'DMY', 'YMD']);
export type DateOrder = z.infer<typeof DateOrder>;
export const DecimalMark = z.enum(['.', ',']);
export type DecimalMark = z.infer<typeof DecimalMark>;
export const ImportEncoding = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);
export type ImportEncoding = z.infer<typeof ImportEncoding>;
export const ImportDelimiter = z.enum([',', ';', '\t', '|']);
export type ImportDelimiter = z.infer<typeof ImportDelimiter>;

const Name = z.string().trim().min(1).max(100);
const Header = z.string().max(500);
const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const ColumnMapping = z
  .object({
    index: z.number().int().min(0).max(999),
    header: Header,
    target: ImportTarget,
  })
  .strict();
export type ColumnMapping = z.infer<typeof ColumnMapping>;

export const EventChoice = z
  .object({
    name: z.string().trim().min(1).max(200),
    date: IsoDay.optional(),
    venue: z.string().max(200).optional(),
  })
  .strict();
export type EventChoice = z.infer<typeof EventChoice>;

/** What the user settled on in the preview: sent back to run the import. */
export const ImportMapping = z
  .object({
    preset: Name.nullable(),
    columns: z.array(ColumnMapping).max(1000),
    dateOrder: DateOrder,
    decimal: DecimalMark,
    /** Used for rows whose event columns are empty, and for files with none. */
    event: EventChoice.nullable().optional(),
  })
  .strict();
export type ImportMapping = z.infer<typeof ImportMapping>;

/** How to read the file; anything left out is detected. */
export const ReadOptions = z
  .object({
    encoding: ImportEncoding.optional(),
    delimiter: ImportDelimiter.optional(),
    /** 1-based line of the header row when detection got it wrong. */
    headerLine: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type ReadOptions = z.infer<typeof ReadOptions>;

/** A preset as stored and as written by hand in a mapping file: header → target. */
export const PresetDefinition = z
  .object({
    name: Name,
    label: z.string().max(200).optional(),
    description: z.string().max(1000).optional(),
    /** Orders from different platforms never share ids; this keeps them apart. */
    source: z.string().trim().min(1).max(50).regex(/^[a-z0-9_-]+$/).optional(),
    detect: z
      .object({ headers: z.array(Header).min(1).max(100), min: z.number().int().min(1).max(100) })
      .strict()
      .optional(),
    dateOrder: DateOrder.optional(),
    decimal: DecimalMark.optional(),
    /** What columns the preset does not name become. */
    unknownColumns: z.enum(['custom', 'ignore']).optional(),
    columns: z.record(Header, ImportTarget).refine((c) => Object.keys(c).length <= 1000, 'at most 1000 columns'),
  })
  .strict();
export type PresetDefinition = z.infer<typeof PresetDefinition>;

export const PresetInfo = z.object({
  name: z.string(),
  label: z.string(),
  description: z.string(),
  builtIn: z.boolean(),
  definition: PresetDefinition,
});
export type PresetInfo = z.infer<typeof PresetInfo>;

const Example = z.object({ line: z.number().int(), column: z.string(), value: z.string() });

export const ValidationSummary = z.object({
  rows: z.number().int(),
  /** Rows that would be rejected, by reason: their email is missing or invalid. */
  missingEmail: z.number().int(),
  invalidEmails: z.number().int(),
  invalidEmailExamples: z.array(Example),
  unparseableDates: z.number().int(),
  unparseableDateExamples: z.array(Example),
  unparseableAmounts: z.number().int(),
  unparseableAmountExamples: z.array(Example),
  unrecognisedValues: z.number().int(),
  /** Emails on more than one row (merged into one person), and the rows beyond the first. */
  duplicateEmails: z.number().int(),
  duplicateRows: z.number().int(),
  distinctPeople: z.number().int(),
  /** People in the file the store already has (they will be merged). */
  existingPeople: z.number().int(),
  raggedRows: z.number().int(),
  blankLines: z.number().int(),
  formulaCells: z.number().int(),
  tooLongCells: z.number().int(),
});
export type ValidationSummary = z.infer<typeof ValidationSummary>;

export const DetectedFormats = z.object({
  dateOrder: DateOrder,
  dateOrderDetected: z.boolean(),
  decimal: DecimalMark,
  decimalDetected: z.boolean(),
  /** e.g. "1.234,56" or "1,234.56", and "DD/MM/YYYY". */
  amountExample: z.string(),
  dateExample: z.string(),
});
export type DetectedFormats = z.infer<typeof DetectedFormats>;

export const ImportPreview = z.object({
  fileName: z.string(),
  size: z.number().int(),
  encoding: ImportEncoding,
  encodingDetected: z.boolean(),
  delimiter: ImportDelimiter,
  delimiterDetected: z.boolean(),
  headerLine: z.number().int(),
  headers: z.array(z.string()),
  /** Headers renamed because they repeat (`Email` → `Email_2`) or were blank. */
  renamedHeaders: z.array(z.object({ index: z.number().int(), from: z.string(), to: z.string() })),
  sampleRows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
  preset: z.string().nullable(),
  mapping: ImportMapping,
  formats: DetectedFormats,
  summary: ValidationSummary,
  /** Things to point out before importing; the page drops `noEvent` once an event is chosen. */
  notices: z.array(z.object({ code: z.enum(['noRows', 'noEmail', 'noEvent']), message: z.string() })),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const RejectedRow = z.object({ line: z.number().int(), reason: z.string() });
export type RejectedRow = z.infer<typeof RejectedRow>;
export const RowWarning = z.object({ line: z.number().int(), message: z.string() });
export type RowWarning = z.infer<typeof RowWarning>;

export const ImportRunStatus = z.enum(['running', 'completed', 'cancelled', 'failed', 'rolled_back', 'dry_run']);
export type ImportRunStatus = z.infer<typeof ImportRunStatus>;

export const ImportResult = z.object({
  runId: z.number().int().nullable(),
  status: ImportRunStatus,
  dryRun: z.boolean(),
  fileName: z.string(),
  preset: z.string().nullable(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejectedCount: z.number().int(),
  /** The first rejected rows (all of them in the CLI). */
  rejected: z.array(RejectedRow),
  warningCount: z.number().int(),
  warnings: z.array(RowWarning),
  /** People in the store afterwards. */
  people: z.number().int(),
  queuedForPush: z.number().int(),
  durationMs: z.number().int(),
  rowsPerSecond: z.number().int(),
  rejectsAvailable: z.boolean(),
  error: z.string().nullable(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportRunSummary = z.object({
  id: z.number().int(),
  fileName: z.string(),
  preset: z.string().nullable(),
  status: ImportRunStatus,
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  rejectsAvailable: z.boolean(),
});
export type ImportRunSummary = z.infer<typeof ImportRunSummary>;

export const ImportProgress = z.object({
  runId: z.number().int().nullable(),
  phase: z.enum(['reading', 'finishing', 'rolling-back', 'done', 'cancelled', 'failed']),
  rows: z.number().int(),
  bytesRead: z.number().int(),
  totalBytes: z.number().int(),
  rowsPerSecond: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

const UploadId = z.string().regex(/^[a-f0-9-]{36}$/, 'not an upload id');
/** Largest base64 chunk: 1 MiB of file per call keeps every message small. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export const importChannels = {
  'import:upload': channel(
    z
      .object({
        uploadId: UploadId.optional(),
        fileName: z.string().trim().min(1).max(255),
        offset: z.number().int().min(0).max(MAX_UPLOAD_BYTES),
        data: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
        done: z.boolean(),
      })
      .strict(),
    z.object({ uploadId: UploadId, size: z.number().int() }),
    'Send one chunk (base64, ≤1 MiB) of a file to import; the first call starts an upload.',
  ),
  'import:discard': channel(z.object({ uploadId: UploadId }).strict(), z.object({ ok: z.boolean() }), 'Delete an uploaded file.'),
  'import:preview': channel(
    z.object({ uploadId: UploadId, read: ReadOptions.optional(), preset: Name.optional() }).strict(),
    ImportPreview,
    'Read an uploaded file: detected format, proposed mapping, first rows and a validation summary.',
  ),
  'import:run': channel(
    z.object({ uploadId: UploadId, read: ReadOptions.optional(), mapping: ImportMapping, dryRun: z.boolean().optional() }).strict(),
    ImportResult,
    'Import an uploaded file with a mapping; progress comes as importProgress events.',
  ),
  'import:cancel': channel(
    z.object({ runId: z.number().int().optional() }).strict(),
    z.object({ cancelled: z.boolean() }),
    'Cancel the running import; the store is left as it was.',
  ),
  'import:history': channel(
    z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    z.array(ImportRunSummary),
    'Past imports, newest first.',
  ),
  'import:rejects': channel(
    z.object({ runId: z.number().int(), offset: z.number().int().min(0).default(0) }).strict(),
    z.object({ fileName: z.string(), text: z.string(), nextOffset: z.number().int().nullable() }),
    "A run's rejected rows as CSV text, in pieces of up to 1 MB.",
  ),
  'import:presets': channel(z.object({}).strict(), z.array(PresetInfo), 'Built-in and saved column presets.'),
  'import:savePreset': channel(
    z.object({ name: Name, label: z.string().max(200).optional(), mapping: ImportMapping }).strict(),
    PresetInfo,
    "Save the current mapping as the user's own preset.",
  ),
  'import:deletePreset': channel(z.object({ name: Name }).strict(), z.object({ deleted: z.boolean() }), 'Delete a saved preset.'),
};

export const importEvents = {
  importProgress: ImportProgress,
};
