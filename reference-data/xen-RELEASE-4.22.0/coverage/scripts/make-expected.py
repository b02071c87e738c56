#!/usr/bin/env python3
"""Reference figures per file from the recorded tool outputs (no computation of our own beyond reading them).

gcovr: its --json-summary files. lcov: the tracefiles, read the way `lcov --list` counts (records of one SF
merged; lines = DA entries, branches = BRDA entries, functions = FN names; "covered" = count > 0), checked
against the Num columns of the recorded `lcov --list`. llvm-cov: the per-file "summary" of `llvm-cov export`
(clang 14 in clang/, clang 19 with MC/DC in clang19-mcdc/).
The "all-mapped" rows are gcovr's and lcov's own merge after the build paths were rewritten by the path map.

usage: make-expected.py COVERAGE_DIR BUILD_ROOT
"""
import gzip, json, os, re, subprocess, sys, tempfile

D, ROOT = sys.argv[1], sys.argv[2].rstrip('/') + '/'
UNITS = ['vpci', 'rangeset', 'pdx-mask', 'pdx-offset', 'numa', 'domid', 'all']
MAP = {  # build path (relative to the build root) -> file of the snapshot; everything else maps to itself
    'tools/tests/vpci/vpci.c': 'xen/drivers/vpci/vpci.c',
    'tools/tests/vpci/private.h': 'xen/drivers/vpci/private.h',
    'tools/tests/vpci/vpci.h': 'xen/include/xen/vpci.h',
    'tools/tests/vpci/list.h': 'xen/include/xen/list.h',
    'tools/tests/rangeset/rangeset.c': 'xen/common/rangeset.c',
    'tools/tests/rangeset/list.h': 'xen/include/xen/list.h',
    'tools/tests/rangeset/rangeset.h': 'xen/include/xen/rangeset.h',
    'tools/tests/pdx/pdx.h': 'xen/include/xen/pdx.h',
    'tools/tests/numa/numa.h': 'xen/include/xen/numa.h',
    # the hypervisor build links these from xen/common/efi/ (symlinks made by the build, not in git)
    'xen/arch/x86/efi/runtime.c': 'xen/common/efi/runtime.c',
    'xen/arch/x86/efi/ebmalloc.c': 'xen/common/efi/ebmalloc.c',
}
rows = []


def rel(p):
    p = os.path.normpath(p)
    return p[len(ROOT):] if p.startswith(ROOT) else p


def snap(build):
    return MAP.get(build, build)


def gcovr_rows(unit, summary, mapped=False, data='gcc'):
    for f in json.load(open(summary))['files']:
        b = f['filename']
        rows.append((data, 'gcovr', unit, b if mapped else snap(b), '' if mapped else b,
                     f['line_total'], f['line_covered'], f['branch_total'], f['branch_covered'],
                     f['function_total'], f['function_covered'], '', ''))


def read_lcov(path):
    files = {}
    cur = None
    for line in open(path):
        line = line.rstrip('\n')
        if line.startswith('SF:'):
            cur = files.setdefault(line[3:], {'DA': {}, 'BRDA': {}, 'FN': {}})
        elif line.startswith('DA:'):
            n, c = line[3:].split(',')[:2]
            cur['DA'][int(n)] = cur['DA'].get(int(n), 0) + int(c)
        elif line.startswith('BRDA:'):
            l, b, br, taken = line[5:].split(',')
            k = (int(l), b, br)
            cur['BRDA'][k] = cur['BRDA'].get(k, 0) + (0 if taken == '-' else int(taken))
        elif line.startswith('FNDA:'):
            c, name = line[5:].split(',', 1)
            cur['FN'][name] = cur['FN'].get(name, 0) + int(c)
        elif line.startswith('FN:'):
            name = line[3:].split(',', 1)[1]
            cur['FN'].setdefault(name, 0)
    return files


def lcov_figures(d):
    cov = lambda m: (len(m), sum(1 for v in m.values() if v > 0))
    return cov(d['DA']) + cov(d['BRDA']) + cov(d['FN'])


def lcov_list_nums(path):
    """Filename -> (lines, functions, branches) 'Num' columns of a recorded `lcov --list-full-path --list`."""
    out = {}
    for line in open(path):
        if '|' not in line or 'Total:' in line or 'Rate' in line or 'Lines' in line:
            continue
        cells = [c.strip() for c in line.split('|')]
        nums = [int(c.split()[-1]) for c in cells[1:4]]
        out[cells[0]] = tuple(nums)
    return out


def lcov_rows(unit, info, mapped=False, listing=None):
    files = read_lcov(info)
    nums = lcov_list_nums(listing) if listing else {}
    for sf, d in sorted(files.items()):
        fig = lcov_figures(d)
        if sf in nums:
            assert nums[sf] == (fig[0], fig[4], fig[2]), (info, sf, nums[sf], fig)
        elif listing:
            raise SystemExit(f'{listing}: no row for {sf}')
        b = rel(sf)
        rows.append(('gcc', 'lcov', unit, b if mapped else snap(b), '' if mapped else b) + fig + ('', ''))


gcc = os.path.join(D, 'gcc')
for u in UNITS:
    gcovr_rows(u, f'{gcc}/gcovr/{u}.summary.json')
    lcov_rows(u, f'{gcc}/lcov/{u}.info', listing=f'{gcc}/lcov/{u}.list.txt')

# all-mapped: gcovr's and lcov's merge after the path map (two copies of list.h become one file)
with tempfile.TemporaryDirectory() as tmp:
    g = json.load(open(f'{gcc}/gcovr/all.json'))
    for f in g['files']:
        f['file'] = snap(f['file'])
    json.dump(g, open(f'{tmp}/all-mapped.json', 'w'))
    out = f'{gcc}/gcovr/all-mapped.summary.json'
    subprocess.run(['gcovr', '--root', ROOT, '--add-tracefile', f'{tmp}/all-mapped.json',
                    '--json-summary-pretty', '--json-summary', out], check=True)
    gcovr_rows('all-mapped', out, mapped=True)
    text = open(f'{gcc}/lcov/all.info').read()
    text = re.sub(r'^SF:(.*)$', lambda m: 'SF:' + ROOT + snap(rel(m.group(1))), text, flags=re.M)
    open(f'{tmp}/all-mapped-in.info', 'w').write(text)
    subprocess.run(['lcov', '--rc', 'lcov_branch_coverage=1', '--add-tracefile', f'{tmp}/all-mapped-in.info',
                    '--output-file', f'{gcc}/lcov/all-mapped.info'], check=True, stdout=subprocess.DEVNULL)
    with open(f'{gcc}/lcov/all-mapped.list.txt', 'w') as lst:
        subprocess.run(['lcov', '--rc', 'lcov_branch_coverage=1', '--list-full-path', '--list',
                        f'{gcc}/lcov/all-mapped.info'], check=True, stdout=lst, stderr=subprocess.STDOUT)
    lcov_rows('all-mapped', f'{gcc}/lcov/all-mapped.info', mapped=True, listing=f'{gcc}/lcov/all-mapped.list.txt')

# llvm-cov export summaries: lines, branches, functions (and MC/DC conditions, clang 19) as llvm-cov counts them
for data in ('clang', 'clang19-mcdc'):
    for u in UNITS:
        p = f'{D}/{data}/llvm-cov/{u}.json.gz'
        export = json.load(gzip.open(p))['data'][0]
        for f in export['files']:
            b = rel(f['filename'])
            s = f['summary']
            mcdc = (s['mcdc']['count'], s['mcdc']['covered']) if 'mcdc' in s else ('', '')
            rows.append((data, 'llvm-cov', u, snap(b), b, s['lines']['count'], s['lines']['covered'],
                         s['branches']['count'], s['branches']['covered'],
                         s['functions']['count'], s['functions']['covered']) + mcdc)

# the hypervisor (x86_64, CONFIG_COVERAGE), never run: gcovr's figures of the compiled code, all counts 0
gcovr_rows('hypervisor', f'{D}/hypervisor-x86_64-unexecuted/gcovr/hypervisor.summary.json',
           data='hypervisor-x86_64-unexecuted')

with open(f'{D}/expected.tsv', 'w') as out:
    out.write('data\ttool\ttest\tpath\tbuild_path\tlines_total\tlines_covered\tbranches_total\tbranches_covered'
              '\tfunctions_total\tfunctions_covered\tconditions_total\tconditions_covered\n')
    for r in rows:
        out.write('\t'.join(str(x) for x in r) + '\n')
print(len(rows), 'rows')
