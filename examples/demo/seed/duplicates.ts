/**
 * A few customers keyed in twice, the way they arrive from branches and old systems: the name in
 * full-width characters, with stray spaces, `公司` for `有限公司`, or two characters swapped; the
 * same mobile number. One of the original's vehicles is registered to the copy, so a merge has a
 * reference to re-point. The data-quality screen finds and merges them.
 */

type Row = Record<string, unknown>;

const fullWidth = (text: string) => text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const variants: ((name: string) => string)[] = [
  (name) => (name.endsWith('有限公司') ? name.replace(/有限公司$/, '公司') : `${name} `),
  (name) => [...name].join(' '),
  (name) => {
    const chars = [...name];
    if (chars.length > 2) [chars[1], chars[2]] = [chars[2], chars[1]];
    return chars.join('');
  },
  (name) => fullWidth(name.replace(/^(.{2})/, '$1 ')),
];

/** Planted duplicates: one per 150 customers, at most 8 (none in small seeds). */
export function plantDuplicates(
  customers: Row[],
  vehicles: Row[],
  /** Records that name a vehicle with its owner (documents, activities): their vehicles stay put. */
  linked: Row[] = [],
): { customers: Row[]; vehicles: Row[] } {
  const pinned = new Set(linked.map((r) => r.vehicle).filter(Boolean));
  const count = Math.min(8, Math.floor(customers.length / 150));
  const copies: Row[] = [];
  const moved = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    // Spread over the archive, deterministic: every (length / count)-th customer.
    const original = customers[Math.floor(((i + 0.5) * customers.length) / count)];
    const { remark: _remark, bankAccount: _bank, creditRecord: _credit, ...kept } = original;
    const id = `cus-dup-${String(i + 1).padStart(3, '0')}`;
    copies.push({
      ...kept,
      id,
      code: `KHDUP${String(i + 1).padStart(5, '0')}`,
      name: variants[i % variants.length](String(original.name)),
      createdAt: original.updatedAt,
      updatedAt: original.updatedAt,
    });
    const vehicle = vehicles.find((v) => v.owner === original.id && !pinned.has(v.id) && !moved.has(String(v.id)));
    if (vehicle) moved.set(String(vehicle.id), id);
  }
  return {
    customers: copies,
    vehicles: vehicles.map((v) => (moved.has(String(v.id)) ? { ...v, owner: moved.get(String(v.id)) } : v)),
  };
}
