#!/usr/bin/env python3
"""Cross-check: figures computed from the gcov JSON files with gcovr 5.2's default rules equal gcovr's summary.
Rules: a file is named relative to current_working_directory; one source file from several .gcda is merged (counts
summed per line, per (line, branch position), per function name); a line with count 0 whose text is empty, a comment,
'{', '}' or 'else' is not counted; functions whose names start with '__' are not counted; a branch is covered if
its count > 0; a line is covered if its count > 0.
usage: check-gcov-json.py COVERAGE_DIR/gcc BUILD_ROOT            (the unit tests, every data set)
       check-gcov-json.py GCOV_JSON_DIR GCOVR_SUMMARY BUILD_ROOT  (one data set: every *.gcov.json.gz in the folder)"""
import glob, gzip, json, os, re, sys
if len(sys.argv) == 4:
    D, SUMMARY, ROOT = sys.argv[1], sys.argv[2], sys.argv[3].rstrip('/') + '/'
else:
    D, SUMMARY, ROOT = sys.argv[1], None, sys.argv[2].rstrip('/') + '/'
UNITS = {'vpci': ['vpci/*'], 'rangeset': ['rangeset/*'], 'pdx-mask': ['pdx/test-pdx-mask-*'],
         'pdx-offset': ['pdx/test-pdx-offset-*'], 'numa': ['numa/*'], 'domid': ['domid/*']}
UNITS['all'] = [p for u, ps in UNITS.items() if u != 'pdx-offset' for p in ps]
if SUMMARY:
    UNITS = {'one': ['.*', '*']}

def noncode(text):
    text = re.sub(r'//.*', '', text)
    text = re.sub(r'/\*.*?\*/', '', text).strip()
    return text in ('', '{', '}', 'else')

bad = 0
for unit, pats in UNITS.items():
    files = {}
    for pat in pats:
        for p in sorted(glob.glob(f'{D}/{pat}.gcov.json.gz' if SUMMARY else f'{D}/gcov-json/{pat}.gcov.json.gz')):
            d = json.load(gzip.open(p))
            for f in d['files']:
                path = os.path.normpath(os.path.join(d['current_working_directory'], f['file']))[len(ROOT):]
                acc = files.setdefault(path, {'lines': {}, 'branches': {}, 'functions': {}})
                per_line = {}
                for l in f['lines']:  # a line can be listed once per function it belongs to: take the largest
                    n = l['line_number']
                    per_line[n] = max(per_line.get(n, 0), l['count'])
                    for i, b in enumerate(l['branches']):  # by line and position, as gcovr merges them
                        acc['branches'][(n, i)] = acc['branches'].get((n, i), 0) + b['count']
                for n, c in per_line.items():
                    acc['lines'][n] = acc['lines'].get(n, 0) + c
                for fn in f['functions']:
                    acc['functions'][fn['name']] = acc['functions'].get(fn['name'], 0) + fn['execution_count']
    ref = {f['filename']: f for f in json.load(open(SUMMARY or f'{D}/gcovr/{unit}.summary.json'))['files']}
    if set(ref) != set(files):
        bad += 1
        print('FILES', unit, sorted(set(ref) ^ set(files))[:10])
    for path, acc in sorted(files.items()):
        src = open(ROOT + path).read().split('\n')
        lines = {n: c for n, c in acc['lines'].items() if not (c == 0 and noncode(src[n - 1]))}
        fns = {k: v for k, v in acc['functions'].items() if not k.startswith('__')}
        got = (len(lines), sum(1 for c in lines.values() if c), len(acc['branches']),
               sum(1 for c in acc['branches'].values() if c), len(fns), sum(1 for c in fns.values() if c))
        r = ref.get(path)
        if r is None:
            continue
        want = (r['line_total'], r['line_covered'], r['branch_total'], r['branch_covered'],
                r['function_total'], r['function_covered'])
        if got != want:
            bad += 1
            print('DIFF', unit, path, got, want)
print('mismatches:', bad)
sys.exit(1 if bad else 0)
