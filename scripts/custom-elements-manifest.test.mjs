// The Custom Elements Manifest (`npm run manifest`) is what IDEs, Storybook's docs and host developers
// read to learn an element's attributes, events and parts. It is generated from the JSDoc, so an
// element whose comment misses an event or a part would ship undocumented: these tests compare the
// manifest with what each element's source really declares, dispatches and renders. They find the
// elements through their define modules, so a new element is checked the day it is added.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const components = join(root, 'packages/components');
const src = join(components, 'src');
const config = join(root, 'custom-elements-manifest.config.mjs');

/** Every `.ts` file under `dir` that ships (no tests, stories or test helpers). */
function shippedSources(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) shippedSources(path, out);
    else if (/\.ts$/.test(entry.name) && !/\.(test|stories|d)\.ts$|^test-support\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** `[{ tag, className, folder }]` from every `customElements.define('kehu-…', KehuX)` in a define module. */
function definedElements() {
  const elements = [];
  for (const file of shippedSources(src).filter((f) => f.endsWith('/define.ts'))) {
    const text = readFileSync(file, 'utf8');
    for (const [, tag, className] of text.matchAll(/customElements\.define\(\s*['"]([^'"]+)['"]\s*,\s*(\w+)/g)) {
      elements.push({ tag, className, folder: dirname(file), define: relative(src, file) });
    }
  }
  return elements;
}

/** Attribute names Lit gives the class's `static properties`: not `state`, not `attribute: false`. */
function declaredAttributes(file, className) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const cls = source.statements.find((s) => ts.isClassDeclaration(s) && s.name?.text === className);
  assert.ok(cls, `class ${className} not found in ${relative(root, file)}`);
  const member = cls.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'properties');
  if (!member?.initializer || !ts.isObjectLiteralExpression(member.initializer)) return [];
  const attributes = [];
  for (const property of member.initializer.properties) {
    if (!ts.isPropertyAssignment(property)) continue;
    const name = property.name.getText().replace(/^['"]|['"]$/g, '');
    const options = ts.isObjectLiteralExpression(property.initializer) ? property.initializer.properties : [];
    const option = (key) => options.find((o) => ts.isPropertyAssignment(o) && o.name.getText() === key)?.initializer;
    if (option('state')?.kind === ts.SyntaxKind.TrueKeyword) continue;
    const attribute = option('attribute');
    if (attribute?.kind === ts.SyntaxKind.FalseKeyword) continue;
    attributes.push(attribute && ts.isStringLiteral(attribute) ? attribute.text : name.toLowerCase());
  }
  return attributes.sort();
}

/** Event types the folder's code constructs: `new CustomEvent('kehu-…')`, `new Event('change')`, `static eventName = '…'`. */
function dispatchedEvents(folder) {
  const names = new Set();
  for (const file of shippedSources(folder)) {
    const text = readFileSync(file, 'utf8');
    for (const [, name] of text.matchAll(/new\s+(?:Custom)?Event\s*(?:<[^>]*>)?\(\s*['"]([^'"]+)['"]/g))
      names.add(name);
    for (const [, name] of text.matchAll(/static\s+(?:readonly\s+)?eventName\s*=\s*['"]([^'"]+)['"]/g)) names.add(name);
  }
  return [...names].sort();
}

/** Static part names in the folder's templates (`part="row placeholder"`); bound values cannot be read. */
function renderedParts(folder) {
  const names = new Set();
  for (const file of shippedSources(folder)) {
    for (const [, value] of readFileSync(file, 'utf8').matchAll(/\bpart="([^"]*)"/g)) {
      for (const token of value.split(/\s+/)) if (/^[a-z][a-z0-9-]*$/.test(token)) names.add(token);
    }
  }
  return [...names].sort();
}

describe('the custom elements manifest (npm run manifest)', () => {
  /** @type {any} The manifest's JSON, per schema-version 2 of the Custom Elements Manifest. */
  let manifest;
  const elements = definedElements();

  before(async () => {
    // The same generation `npm run manifest` does, kept in memory so parallel runs never share a file.
    manifest = await cli({
      argv: ['analyze', '--config', config, '--quiet'],
      cwd: components,
      noWrite: true,
    });
  });

  /** The manifest's class declaration for `tag`, and the module it sits in. */
  const entry = (tag) => {
    for (const module of manifest.modules) {
      const declaration = module.declarations?.find((d) => d.customElement && d.tagName === tag);
      if (declaration) return { module, declaration };
    }
    return undefined;
  };

  it('finds the elements through their define modules', () => {
    assert.ok(elements.length >= 4, `only ${elements.length} define calls found`);
    for (const tag of ['kehu-store-provider', 'kehu-record-list', 'kehu-record-form', 'kehu-reference-picker']) {
      assert.ok(
        elements.some((e) => e.tag === tag),
        `${tag} has no define module`,
      );
    }
  });

  it('is what packages/components/package.json points tools at, and is shipped', () => {
    const pkg = JSON.parse(readFileSync(join(components, 'package.json'), 'utf8'));
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files.includes('custom-elements.json'), 'custom-elements.json is not in `files`');
  });

  it('registers every element in the all-in-one define module', () => {
    const all = readFileSync(join(src, 'define.ts'), 'utf8');
    for (const { define } of elements) {
      assert.ok(all.includes(`'./${define.replace(/\.ts$/, '.js')}'`), `src/define.ts does not import ./${define}`);
    }
  });

  for (const { tag, className, folder, define } of elements) {
    describe(`<${tag}> (${define})`, () => {
      it('is in the manifest with its class, module and a summary', () => {
        const found = entry(tag);
        assert.ok(found, `${tag} is not in the manifest: does its class have JSDoc and is it exported?`);
        assert.equal(found.declaration.name, className);
        assert.ok(found.declaration.summary || found.declaration.description, `${tag} has no @summary`);
      });

      it('lists every attribute its reactive properties declare', () => {
        const { module, declaration } = entry(tag);
        const listed = (declaration.attributes ?? []).map((a) => a.name).sort();
        assert.deepEqual(listed, declaredAttributes(join(components, module.path), className));
      });

      it('documents every event it dispatches', () => {
        const { declaration } = entry(tag);
        const documented = new Set((declaration.events ?? []).map((e) => e.name));
        const missing = dispatchedEvents(folder).filter((name) => !documented.has(name));
        assert.deepEqual(missing, [], `add "@event ${missing[0]} - …" to ${className}'s JSDoc`);
      });

      it('documents every css part its templates render', () => {
        const { declaration } = entry(tag);
        const parts = declaration.cssParts ?? [];
        // A part may be documented on its own line or named in another's (`row`, `cell` inside `table`).
        const documented = new Set(parts.map((p) => p.name));
        for (const part of parts)
          for (const [, name] of (part.description ?? '').matchAll(/`([a-z][a-z0-9-]*)`/g)) documented.add(name);
        const missing = renderedParts(folder).filter((name) => !documented.has(name));
        assert.deepEqual(missing, [], `add "@csspart ${missing[0]} - …" to ${className}'s JSDoc`);
      });
    });
  }
});
