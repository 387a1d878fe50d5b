import type { Store } from '../store/types.js';

/** The document kinds a follow-up can be scheduled after (`crm-settings` → `followUpRules`). */
export type FollowUpEvent = 'order' | 'contract' | 'service' | 'loss-assessment';

/** One interval: a follow-up falls due `days` after an approved document of `documentKind`. */
export interface FollowUpRule {
  documentKind: FollowUpEvent;
  days: number;
  /** Follow-up method id (`follow-up-method`) to preset on the task. */
  method?: string;
}

/** The customer-management parameters (客户管理参数) every CRM rule reads, defaults filled in. */
export interface CrmParameters {
  /** Customers with no document and no activity for this many days are lost. */
  lostCustomerDays: number;
  /** Follow-up tasks are created this many days before they fall due. */
  reminderLeadDays: number;
  /** A follow-up more than this many days overdue is no longer generated (a first run on old data). */
  followUpWindowDays: number;
  followUpRules: FollowUpRule[];
  /** Price tier id per organisation; an organisation not listed has none. */
  defaultPriceTiers: { organisation: string; priceTier: string }[];
}

/** The entity that holds the parameters. */
export const CRM_SETTINGS_ENTITY = 'crm-settings';

/**
 * What applies when no parameters were saved, or a value is missing: customers are lost after a
 * year without contact; return visits 3 days after a sale or a service (the dealer manuals' “三日
 * 回访”), 7 days after a contract or a loss assessment; reminders 3 days ahead; a first run catches
 * up on follow-ups at most 30 days overdue; no default price tiers.
 */
export const CRM_SETTINGS_DEFAULTS: Readonly<CrmParameters> = Object.freeze<CrmParameters>({
  lostCustomerDays: 365,
  reminderLeadDays: 3,
  followUpWindowDays: 30,
  followUpRules: [
    { documentKind: 'order', days: 3 },
    { documentKind: 'contract', days: 7 },
    { documentKind: 'service', days: 3 },
    { documentKind: 'loss-assessment', days: 7 },
  ],
  defaultPriceTiers: [],
});

const wholeNumber = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min;

/**
 * A stored `crm-settings` record merged over {@link CRM_SETTINGS_DEFAULTS}. A number that is
 * missing (or not a usable whole number) takes the default. A list that is missing takes the
 * default; a list that is present is used as it is, so an administrator can switch follow-ups
 * off by saving an empty list.
 */
export function mergeSettings(record: object | null | undefined): CrmParameters {
  const r = (record ?? {}) as Record<string, unknown>;
  const d = CRM_SETTINGS_DEFAULTS;
  return {
    lostCustomerDays: wholeNumber(r.lostCustomerDays, 1) ? r.lostCustomerDays : d.lostCustomerDays,
    reminderLeadDays: wholeNumber(r.reminderLeadDays, 0) ? r.reminderLeadDays : d.reminderLeadDays,
    followUpWindowDays: wholeNumber(r.followUpWindowDays, 0) ? r.followUpWindowDays : d.followUpWindowDays,
    followUpRules: Array.isArray(r.followUpRules)
      ? (r.followUpRules as FollowUpRule[])
          .filter((rule) => rule && wholeNumber(rule.days, 1))
          .map((rule) => ({ ...rule }))
      : d.followUpRules.map((rule) => ({ ...rule })),
    defaultPriceTiers: Array.isArray(r.defaultPriceTiers)
      ? (r.defaultPriceTiers as CrmParameters['defaultPriceTiers']).map((row) => ({ ...row }))
      : [],
  };
}

/**
 * The parameters in force: the oldest live `crm-settings` record merged over the defaults (one
 * record is expected; should an import create a second, the first one keeps deciding). A store
 * without the entity, or without a record, gives the defaults.
 */
export async function getSettings(store: Store): Promise<CrmParameters> {
  if (!store.has(CRM_SETTINGS_ENTITY)) return mergeSettings(undefined);
  const [record] = await store
    .entity(CRM_SETTINGS_ENTITY)
    .find({ sort: { field: 'createdAt', direction: 'asc' }, limit: 1 });
  return mergeSettings(record);
}

/** The organisation's default price tier id per the parameters, if one is set. */
export function defaultPriceTier(settings: CrmParameters, organisation: string | undefined): string | undefined {
  if (!organisation) return undefined;
  return settings.defaultPriceTiers.find((row) => row.organisation === organisation)?.priceTier;
}
