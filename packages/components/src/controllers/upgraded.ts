/**
 * Resolves once `el` can take focus: a Kehu element drawn before its lazily loaded definition
 * arrived (the reference picker, the line-items grid) is first defined, then drawn once. Other
 * elements resolve at once.
 */
export async function upgraded(el: Element): Promise<void> {
  const name = el.localName;
  if (!name.startsWith('kehu-')) return;
  if (!customElements.get(name)) await customElements.whenDefined(name);
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
}
