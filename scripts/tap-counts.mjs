/**
 * Passed and failed tests in node:test TAP output, counted from the test lines themselves (suites,
 * whose YAML block says `type: 'suite'`, are not tests). The trailing `# pass` summary is not used:
 * a forced exit can end the stream before it is written.
 */
export function tapCounts(text) {
  const lines = text.split('\n');
  let passed = 0;
  let failed = 0;
  lines.forEach((line, i) => {
    const match = /^\s*(ok|not ok) \d+ - /.exec(line);
    if (!match) return;
    let suite = false;
    for (let j = i + 1; j < lines.length && !/^\s*\.\.\.$/.test(lines[j]); j++) {
      if (/^\s*type: 'suite'/.test(lines[j])) suite = true;
      if (/^\s*(ok|not ok) \d+ - /.test(lines[j])) break;
    }
    if (suite) return;
    if (match[1] === 'ok') passed++;
    else failed++;
  });
  return { passed, failed };
}
