/**
 * The entity schemas shipped in `schemas/`, by file name without `.schema.json`. Browser tests fetch
 * them one by one (a dev server lists no directories); `shipped-schemas.test.ts` keeps this list equal
 * to the files on disk, so a new schema cannot slip past the tests that cover "every entity".
 */
export const shippedSchemaNames: readonly string[] = [
  'activity',
  'crm-settings',
  'customer',
  'customer-class',
  'customer-level',
  'document',
  'evaluation-category',
  'follow-up',
  'follow-up-method',
  'follow-up-question',
  'insurance-claim',
  'insurance-policy',
  'insurer',
  'level-change',
  'opportunity',
  'period-price',
  'price-tier',
  'product',
  'tracking-price',
  'vehicle',
];
