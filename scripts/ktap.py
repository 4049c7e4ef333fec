#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Read KUnit KTAP from a kernel log and print one line per test case.

    ktap.py LOG...

Prints "PASS|FAIL|SKIP kunit:SUITE.CASE" for every case and exits non-zero
when a case failed, a suite ran fewer cases than it planned (a crash in the
middle of a suite), or no suite ran at all.
"""

import re
import sys

STAMP = re.compile(r'^\[\s*\d+\.\d+\] ?')
RESULT = re.compile(r'^(not ok|ok) (\d+) (\S+)(.*)$')


def parse(lines):
    cases, bad = [], []
    suite, plan, seen = None, None, 0

    def close():
        if suite and plan is not None and seen != plan:
            bad.append(f'{suite}: planned {plan} cases, {seen} reported')

    for raw in lines:
        line = STAMP.sub('', raw.rstrip('\n'))
        depth = (len(line) - len(line.lstrip(' '))) // 4
        text = line.strip()
        if depth != 1:
            continue
        if text.startswith('# Subtest:'):
            close()
            suite, plan, seen = text.split(':', 1)[1].strip(), None, 0
        elif re.fullmatch(r'1\.\.\d+', text):
            plan = int(text[3:])
        elif suite:
            m = RESULT.match(text)
            if not m:
                continue
            seen += 1
            directive = m.group(4)
            if '# SKIP' in directive:
                res = 'SKIP'
            else:
                res = 'PASS' if m.group(1) == 'ok' else 'FAIL'
            cases.append((res, f'kunit:{suite}.{m.group(3)}',
                          directive.replace('# SKIP', '').strip(' #')))
    close()
    return cases, bad


def main():
    lines = []
    for path in sys.argv[1:]:
        with open(path, errors='replace') as f:
            lines += f.readlines()
    cases, bad = parse(lines)
    for res, name, why in cases:
        print(f'{res} {name}{" (" + why + ")" if why else ""}')
    for b in bad:
        print(f'FAIL kunit: {b}')
    if not cases:
        print('FAIL kunit: no KUnit case ran')
    failed = bad or not cases or any(r == 'FAIL' for r, _, _ in cases)
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
