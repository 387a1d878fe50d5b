/**
 * Where each `$ref` of a schema leads, for the interpreter: resources by `$id`, anchors, dynamic
 * anchors, and compiled patterns, all worked out once per schema.
 */

/** A schema object, read loosely: the interpreter checks each keyword's value where it uses it. */
export type SchemaObject = Record<string, unknown>;

// Values under these keys are data, not schemas: a `$ref` or `$id` inside them means nothing.
const NOT_SCHEMAS = new Set(['enum', 'const', 'default', 'examples', 'x-kehu']);

const hasScheme = (uri: string) => /^[a-z][a-z\d+.-]*:/i.test(uri);
const withoutFragment = (uri: string) => uri.replace(/#.*$/, '');
const normal = (uri: string) => (uri.endsWith('#') ? uri.slice(0, -1) : uri);

/** `ref` read against `base`; bases without a scheme (`"customer"`) are resolved as relative paths. */
export function resolveUri(base: string, ref: string): string {
  if (hasScheme(ref)) return normal(ref);
  if (ref.startsWith('#')) return normal(withoutFragment(base) + ref);
  if (hasScheme(base)) {
    try {
      return normal(new URL(ref, base).href);
    } catch {
      // Not a URL after all: fall through to plain path resolution.
    }
  }
  return normal(withoutFragment(base).replace(/[^/]*$/, '') + ref);
}

/** An error shaped like ajv's MissingRefError, so the caller explains both paths the same way. */
function missingRef(ref: string, uri: string): Error {
  return Object.assign(new Error(`can't resolve reference ${ref}`), { missingRef: uri });
}

export class SchemaIndex {
  readonly root: SchemaObject;
  private readonly resources = new Map<string, SchemaObject>();
  private readonly anchors = new Map<string, SchemaObject>();
  private readonly dynamicAnchors = new Map<string, Set<string>>();
  private readonly bases = new WeakMap<object, string>();
  private readonly ownResource = new WeakMap<object, string>();
  private readonly patterns = new Map<string, RegExp>();

  /**
   * @throws Error with `missingRef` for a `$ref` of `root` that points nowhere, SyntaxError for a
   * `pattern` JavaScript cannot compile.
   */
  constructor(root: SchemaObject, others: SchemaObject[] = []) {
    this.root = root;
    for (const other of others) this.walk(other, '', []);
    const refs: [SchemaObject, string][] = [];
    const patterns: string[] = [];
    this.resources.set('', root);
    this.ownResource.set(root, '');
    this.walk(root, '', refs, patterns);
    for (const [node, ref] of refs) this.resolve(node, ref);
    for (const source of patterns) this.pattern(source);
  }

  private walk(node: unknown, base: string, refs: [SchemaObject, string][], patterns?: string[]): void {
    if (Array.isArray(node)) {
      for (const item of node) this.walk(item, base, refs, patterns);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const schema = node as SchemaObject;
    if (typeof schema.$id === 'string') {
      if (schema.$id.startsWith('#')) this.anchors.set(resolveUri(base, schema.$id), schema);
      else {
        base = resolveUri(base, schema.$id);
        this.resources.set(base, schema);
        this.ownResource.set(schema, base);
      }
    }
    this.bases.set(schema, base);
    for (const key of ['$anchor', '$dynamicAnchor']) {
      const name = schema[key];
      if (typeof name !== 'string') continue;
      this.anchors.set(`${withoutFragment(base)}#${name}`, schema);
      if (key === '$dynamicAnchor') {
        const names = this.dynamicAnchors.get(withoutFragment(base)) ?? new Set();
        this.dynamicAnchors.set(withoutFragment(base), names.add(name));
      }
    }
    if (typeof schema.$ref === 'string') refs.push([schema, schema.$ref]);
    if (patterns && typeof schema.pattern === 'string') patterns.push(schema.pattern);
    const patternProperties = schema.patternProperties;
    if (patterns && patternProperties && typeof patternProperties === 'object')
      patterns.push(...Object.keys(patternProperties));
    for (const [key, value] of Object.entries(schema)) {
      if (!NOT_SCHEMAS.has(key)) this.walk(value, base, refs, patterns);
    }
  }

  /** The resource URI `node` opens with its `$id`, if it has one. */
  resourceOf(node: SchemaObject): string | undefined {
    return this.ownResource.get(node);
  }

  /** The schema `ref` (written in `node`) points at. */
  resolve(node: SchemaObject, ref: string): SchemaObject | boolean {
    const uri = resolveUri(this.bases.get(node) ?? '', ref);
    const hash = uri.indexOf('#');
    const resource = this.resources.get(hash < 0 ? uri : uri.slice(0, hash));
    const fragment = hash < 0 ? '' : uri.slice(hash + 1);
    if (resource && !fragment.startsWith('/') && fragment !== '') {
      const anchored = this.anchors.get(uri);
      if (anchored) return anchored;
      throw missingRef(ref, uri);
    }
    let target: unknown = resource;
    for (const token of fragment.split('/').slice(1)) {
      const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
      target = target !== null && typeof target === 'object' ? (target as SchemaObject)[key] : undefined;
    }
    if (target === undefined || (typeof target !== 'object' && typeof target !== 'boolean') || target === null) {
      throw missingRef(ref, uri);
    }
    return target as SchemaObject | boolean;
  }

  /** `$dynamicRef`: the outermost resource in scope with the same dynamic anchor wins (2020-12). */
  resolveDynamic(node: SchemaObject, ref: string, scope: string[]): SchemaObject | boolean {
    const initial = this.resolve(node, ref);
    const name = ref.startsWith('#') ? ref.slice(1) : '';
    if (!name || typeof initial !== 'object' || initial.$dynamicAnchor !== name) return initial;
    for (const resource of scope) {
      if (this.dynamicAnchors.get(resource)?.has(name)) return this.anchors.get(`${resource}#${name}`)!;
    }
    return initial;
  }

  /** The pattern compiled once, in Unicode mode as ajv does. */
  pattern(source: string): RegExp {
    let regex = this.patterns.get(source);
    if (!regex) {
      regex = new RegExp(source, 'u');
      this.patterns.set(source, regex);
    }
    return regex;
  }
}
