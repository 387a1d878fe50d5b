import type { FilterGroup } from '@kehu/core';

export interface FilterChangeDetail {
  /** The whole filter after the change. */
  filter: FilterGroup;
}

export type FilterChangeEvent = CustomEvent<FilterChangeDetail>;

/** `kehu-filter-change`: the user changed a condition, the combination, or added/removed one. */
export const filterChangeEvent = (detail: FilterChangeDetail): FilterChangeEvent =>
  new CustomEvent('kehu-filter-change', { detail, bubbles: true, composed: true });
