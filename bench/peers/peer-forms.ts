/**
 * The page side of the peer measures (rows 7 and 8): loads a peer's bundle (`build.mjs` writes
 * them to bench/peers/dist/ when the bench starts), renders the same schema and record as Kehu's
 * side, translated to the plain JSON Schema each peer expects, and focuses the same field.
 */
import { localize, type JsonSchema, type LocalizedText, type Store } from '@kehu/core';
import { linesDocumentId } from '../forms-data.js';
import { frames, until } from '../frames.js';
import { freshStage } from '../stage.js';
import { MIDDLE_TEXT_FIELD, wideRecord, wideSchema } from '../wide-schema.js';

export type Peer = 'rjsf' | 'jsonforms';
export const PEERS: readonly Peer[] = ['rjsf', 'jsonforms'];
export const isPeer = (side: string): side is Peer => (PEERS as readonly string[]).includes(side);

/** What each bundle (`rjsf.mjs`, `jsonforms.mjs`) exports. */
interface PeerModule {
  name: string;
  version: string;
  mount(
    host: HTMLElement,
    props: { schema: object; uischema?: object; data: object; validationMode?: string },
  ): { data(): unknown };
}

const loadPeer = async (peer: Peer): Promise<PeerModule> => {
  // A URL the dev server serves as is: the bundle has no bare imports left.
  const url = `/bench/peers/dist/${peer}.js`;
  return (await import(/* @vite-ignore */ url)) as PeerModule;
};

type Node = Record<string, unknown>;

/**
 * A Kehu schema as plain JSON Schema: `x-kehu` dropped, its zh-CN label as `title` (the language
 * Kehu's side renders in), enum labels as `oneOf` of `const` + `title` (which both peers draw as a
 * select showing the labels), and no `$schema`/`$id` (rjsf's validator is draft-07 ajv).
 */
export function plainSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(plainSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const { 'x-kehu': hints, $schema: _s, $id: _i, ...rest } = schema as Node;
  const out: Node = {};
  for (const [key, value] of Object.entries(rest))
    out[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(value as Node).map(([k, v]) => [k, plainSchema(v)]))
        : plainSchema(value);
  const kehu = (hints ?? {}) as { label?: LocalizedText; enumLabels?: Record<string, LocalizedText> };
  if (kehu.label) out.title = localize(kehu.label, 'zh-CN');
  if (kehu.enumLabels && Array.isArray(out.enum)) {
    out.oneOf = (out.enum as string[]).map((value) => ({
      const: value,
      title: kehu.enumLabels?.[value] ? localize(kehu.enumLabels[value], 'zh-CN') : value,
    }));
    delete out.enum;
  }
  return out;
}

/**
 * Measure 7, a peer: the 150-field schema and record, the middle text field focused with the caret
 * at its end. JSON Forms gets a UI schema with one group per section, as Kehu draws them; rjsf has
 * no grouping without nesting the data, so it draws the 150 fields one under another.
 */
export async function openPeerWideForm(peer: Peer): Promise<Element[]> {
  const module = await loadPeer(peer);
  const schema = wideSchema();
  const sections = (schema['x-kehu'] as { form: { sections: { label: LocalizedText; fields: string[] }[] } }).form
    .sections;
  const uischema =
    peer === 'jsonforms'
      ? {
          type: 'VerticalLayout',
          elements: sections.map((section) => ({
            type: 'Group',
            label: localize(section.label, 'zh-CN'),
            elements: section.fields.map((field) => ({ type: 'Control', scope: `#/properties/${field}` })),
          })),
        }
      : undefined;
  const { id: _id, ...record } = wideRecord();
  const host = freshStage();
  module.mount(host, { schema: plainSchema(schema) as object, uischema, data: record });
  // rjsf: id `root_service_note`; JSON Forms: `#/properties/service_note…-input`.
  const input = await until(
    () => host.querySelector<HTMLInputElement>(`input[id*="${MIDDLE_TEXT_FIELD}"]`),
    `${peer}'s ${MIDDLE_TEXT_FIELD} input`,
  );
  const controls = host.querySelectorAll('input, select, textarea').length;
  if (controls < 150) throw new Error(`${peer} shows ${controls} controls, expected 150`);
  input.scrollIntoView({ block: 'center' });
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
  await frames(10);
  return [host];
}

let lineInput: (() => HTMLInputElement | null) | undefined;

/**
 * Measure 8, a peer: the whole document (as on Kehu's side) with its `lines` as the peer's array
 * field — rjsf's array of object fields, JSON Forms' vanilla table array control (its renderer for
 * arrays of flat objects) — line `lines/2`'s quantity focused with its text selected, so the first
 * digit replaces it as in Kehu's grid. Neither peer virtualises: every line is in the DOM.
 */
export async function openPeerLines(
  peer: Peer,
  store: Store,
  lines: number,
  /** JSON Forms only, for splitting its cost by hand (`NoValidation`); the bench leaves its default. */
  validationMode?: string,
): Promise<Element[]> {
  const module = await loadPeer(peer);
  const response = await fetch('/schemas/document.schema.json');
  const shipped = (await response.json()) as JsonSchema & { properties: Record<string, Node> };
  shipped.properties.lines.maxItems = Math.max(lines, Number(shipped.properties.lines.maxItems));
  const stored = await store.entity('document').get(linesDocumentId(lines));
  if (!stored) throw new Error('the document of many lines is not stored');
  // The data a peer would hold: the document's own fields, without Kehu's system fields.
  const schema = plainSchema(shipped) as { properties: Record<string, Node> };
  const data = Object.fromEntries(Object.entries(stored).filter(([key]) => key in schema.properties));
  // JSON Forms generates a single `allOf` control for this schema (its top-level `allOf`), which the
  // vanilla renderers cannot draw: one control per property instead, what it generates without it.
  const uischema =
    peer === 'jsonforms'
      ? {
          type: 'VerticalLayout',
          elements: Object.keys(schema.properties).map((key) => ({ type: 'Control', scope: `#/properties/${key}` })),
        }
      : undefined;
  const host = freshStage();
  module.mount(host, { schema, uischema, data, validationMode });
  const row = Math.floor(lines / 2) - 1;
  const itemKeys = Object.keys((schema.properties.lines.items as { properties: Node }).properties);
  const column = itemKeys.indexOf('quantity') + 1;
  lineInput =
    peer === 'rjsf'
      ? () => host.querySelector<HTMLInputElement>(`#root_lines_${row}_quantity`)
      : () => host.querySelector<HTMLInputElement>(`tbody > tr:nth-child(${row + 1}) > td:nth-child(${column}) input`);
  await until(lineInput, `${peer}'s line ${row + 1} quantity`);
  const rows = host.querySelectorAll(peer === 'rjsf' ? '[id^="root_lines_"][id$="_quantity"]' : 'tbody > tr').length;
  if (rows < lines) throw new Error(`${peer} shows ${rows} lines, expected ${lines}`);
  await refocusPeerLine();
  return [host];
}

/** Focuses the middle line's quantity again with its text selected (the peers' "back up a line"). */
export async function refocusPeerLine(): Promise<string> {
  const input = lineInput?.();
  if (!input) throw new Error('open a peer form of lines first');
  input.scrollIntoView({ block: 'center' });
  input.focus();
  // `select()` also works on `type="number"`, where setSelectionRange throws.
  input.select();
  await frames(3);
  return input.value;
}
