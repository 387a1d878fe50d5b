// `npm run manifest`: packages/components/custom-elements.json, the Custom Elements Manifest that
// IDEs, Storybook's docs and linters read. It is generated from the elements' JSDoc
// (`@summary @event @csspart @cssproperty @slot`) and their `static properties`, so the comment on a
// class is the one place an element is documented. Run from packages/components (paths in the
// manifest are then `src/…`, as a consumer of the package sees them).
/**
 * Lit's `static properties = { open: { state: true } }` declares internal reactive state, which has no
 * attribute; the analyzer's Lit plugin (0.11) lists it as one. This drops those attributes.
 */
function internalStateIsNotAnAttribute() {
  return {
    name: 'kehu-internal-state',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.text);
      const properties = node.members.find(
        (m) => ts.isPropertyDeclaration(m) && m.name.getText() === 'properties' && m.initializer,
      );
      if (!declaration || !properties || !ts.isObjectLiteralExpression(properties.initializer)) return;
      const internal = new Set();
      for (const property of properties.initializer.properties) {
        if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
        const isState = property.initializer.properties.some(
          (option) =>
            ts.isPropertyAssignment(option) &&
            option.name.getText() === 'state' &&
            option.initializer.kind === ts.SyntaxKind.TrueKeyword,
        );
        if (isState) internal.add(property.name.getText());
      }
      declaration.attributes = declaration.attributes?.filter((a) => !internal.has(a.fieldName));
      for (const member of declaration.members ?? []) if (internal.has(member.name)) delete member.attribute;
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/**/test-support.ts', 'src/**/*.d.ts'],
  outdir: '.',
  litelement: true,
  // The analyzer would otherwise write a `customElements` field into whatever package.json is in the
  // working directory; packages/components/package.json names the file itself.
  packagejson: false,
  plugins: [internalStateIsNotAnAttribute()],
};
