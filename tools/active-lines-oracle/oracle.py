#!/usr/bin/env python3
"""gcc oracle of the source lines the C preprocessor keeps in a real Xen build.

Builds the hypervisor of a Xen checkout for one configuration, re-runs every
compile command of that build with -E in a copy of the built tree whose tracked
sources carry one marker line after every conditional directive, and writes
which lines lie in conditional groups that no translation unit kept.

Standard library only. See README.md next to this file for the method, the
data format and the limits.
"""

import argparse
import concurrent.futures
import datetime
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

MARK_WORD = "fusa_oracle_group"
CONDITIONALS = {"if", "ifdef", "ifndef", "elif", "else", "elifdef", "elifndef", "endif"}
OPENERS = {"if", "ifdef", "ifndef"}
CONTINUERS = {"elif", "else", "elifdef", "elifndef"}
SOURCE_EXTS = (".c", ".S", ".h")
LINEMARKER = re.compile(r'^# (\d+) "((?:[^"\\]|\\.)*)"((?: \d)*)\s*$')
MARKER_LINE = re.compile(r"^\s*#\s*(?:pragma\s+)?" + MARK_WORD + r"\s+(\d+)\s*$")


class OracleError(Exception):
    """A condition that makes the measurement unusable."""


def log(msg):
    print(msg, flush=True)


def run(argv, cwd=None, logfile=None):
    """Runs a command, output to logfile if given; raises OracleError on failure."""
    log("  $ " + " ".join(shlex.quote(a) for a in argv) + (f"   (cwd {cwd})" if cwd else ""))
    if logfile:
        with open(logfile, "ab") as out:
            rc = subprocess.call(argv, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
    else:
        rc = subprocess.call(argv, cwd=cwd)
    if rc != 0:
        raise OracleError(f"command failed (exit {rc}): {' '.join(argv)}"
                          + (f" -- see {logfile}" if logfile else ""))


# ---------------------------------------------------------------------------
# Scanning a source file for conditional directives
# ---------------------------------------------------------------------------

class Directive:
    __slots__ = ("name", "hash_line", "end_line")

    def __init__(self, name, hash_line, end_line):
        self.name = name            # if, ifdef, ..., endif
        self.hash_line = hash_line  # 1-based physical line of the '#'
        self.end_line = end_line    # last physical line of the logical line (and of a comment opened on it)


def scan(text):
    """Finds the preprocessing directives of a C or assembler-with-cpp source.

    Returns (directives, code_lines): the conditional directives in order, and
    the set of 1-based physical lines holding something other than whitespace
    outside comments. Backslash-newline splices lines first (as translation
    phase 2 does); block and line comments, string and character literals are
    skipped (a literal not closed on its line ends there, as gcc's lexer does
    in skipped groups and in assembler mode). A '#' is a directive when it is
    the first token of a logical line.
    """
    # Phase 2: remove backslash-newline, remembering each kept char's physical line.
    chars = []
    lines = []
    line = 1
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            j = i + 1
            while j < n and text[j] in " \t\r":  # gcc accepts whitespace between '\' and newline (with a warning)
                j += 1
            if j < n and text[j] == "\n":
                line += 1
                i = j + 1
                continue
        chars.append(c)
        lines.append(line)
        if c == "\n":
            line += 1
        i += 1
    s = "".join(chars)
    n = len(s)
    directives = []
    code_lines = set()
    i = 0
    at_line_start = True   # only whitespace/comments so far on this logical line
    current = None         # (name, hash_line) of the directive being read on this logical line
    name_pending = False   # just saw the '#' of a directive, expecting its name
    while i < n:
        c = s[i]
        if c == "\n":
            if current is not None:
                # The directive's logical line ends on the line of the char before this newline
                # (a multi-line comment on it ends there too); the newline is on that line.
                directives.append(Directive(current[0], current[1], lines[i]))
                current = None
            name_pending = False
            at_line_start = True
            i += 1
            continue
        if c == "/" and i + 1 < n and s[i + 1] == "*":
            end = s.find("*/", i + 2)
            if end < 0:
                end = n - 2
            i = end + 2
            continue
        if c == "/" and i + 1 < n and s[i + 1] == "/":
            end = s.find("\n", i)
            i = n if end < 0 else end
            continue
        if c in " \t\r\f\v":
            i += 1
            continue
        code_lines.add(lines[i])
        if at_line_start and c == "#":
            at_line_start = False
            name_pending = True
            current = None
            hash_line = lines[i]
            i += 1
            continue
        at_line_start = False
        if name_pending:
            name_pending = False
            m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*").match(s, i)
            if m:
                if m.group(0) in CONDITIONALS:
                    current = (m.group(0), hash_line)
                i = m.end()
                continue
        if c in "\"'":
            j = i + 1
            while j < n and s[j] != c and s[j] != "\n":
                if s[j] == "\\" and j + 1 < n and s[j + 1] != "\n":
                    j += 2
                    continue
                j += 1
            for k in range(i, min(j + 1, n)):
                if s[k] != "\n":
                    code_lines.add(lines[k])
            i = j + 1 if j < n and s[j] == c else j
            continue
        i += 1
    if current is not None:  # directive on a last line without newline
        directives.append(Directive(current[0], current[1], lines[-1]))
    return directives, code_lines


def groups_of(path, directives, total_lines):
    """Pairs the directives into groups.

    Returns a list of (directive, first_body_line, last_body_line): one per
    #if/#ifdef/#ifndef/#elif/#else/#elifdef/#elifndef, the body being the lines
    after the directive's logical line up to the line before the next directive
    of the same chain. Raises OracleError on an unbalanced file.
    """
    groups = []
    stack = []  # per open chain: index in groups of its current group
    for d in directives:
        if d.name in OPENERS:
            groups.append([d, d.end_line + 1, None])
            stack.append(len(groups) - 1)
        elif d.name in CONTINUERS or d.name == "endif":
            if not stack:
                raise OracleError(f"{path}:{d.hash_line}: #{d.name} without #if")
            g = groups[stack[-1]]
            g[2] = d.hash_line - 1
            if d.name == "endif":
                stack.pop()
            else:
                groups.append([d, d.end_line + 1, None])
                stack[-1] = len(groups) - 1
    if stack:
        d = groups[stack[-1]][0]
        raise OracleError(f"{path}:{d.hash_line}: #{d.name} without #endif")
    return [tuple(g) for g in groups]


def marker_text(number):
    """The lines inserted after a directive: a pragma in C, a passed-through
    non-directive in assembler-with-cpp (where gcc -E drops pragmas).

    The language test is __STDC_VERSION__, which gcc defines for C and not for
    assembler-with-cpp; __ASSEMBLER__ would not do: Xen's common/efi/boot.c
    defines it itself around an #include.
    """
    return ("#ifdef __STDC_VERSION__\n"
            f"#pragma {MARK_WORD} {number}\n"
            "#else\n"
            f"#{MARK_WORD} {number}\n"
            "#endif\n")


def insert_markers(text, groups, first_number):
    """Returns text with marker lines after each group's directive line."""
    after = {}
    for k, (d, _first, _last) in enumerate(groups):
        after[d.end_line] = first_number + k
    out = []
    physical = text.split("\n")
    for idx, ln in enumerate(physical, start=1):
        if idx == len(physical) and ln == "" and idx > 1:
            break  # the empty string after the final newline
        out.append(ln + "\n")
        if idx in after:
            out.append(marker_text(after[idx]))
    result = "".join(out)
    if not text.endswith("\n") and not (len(physical) in after):
        result = result[:-1]
    return result


# ---------------------------------------------------------------------------
# Build and compile commands
# ---------------------------------------------------------------------------

def make_args(arch, cross):
    args = [f"XEN_TARGET_ARCH={arch}"]
    if cross:
        args.append(f"CROSS_COMPILE={cross}")
    return args


def read_config(path):
    values = {}
    with open(path) as f:
        for ln in f:
            m = re.match(r"^(CONFIG_[A-Za-z0-9_]+)=(.*)$", ln)
            if m:
                values[m.group(1)] = m.group(2)
                continue
            m = re.match(r"^# (CONFIG_[A-Za-z0-9_]+) is not set$", ln)
            if m:
                values[m.group(1)] = "n"
    return values


def apply_symbols(config_path, settings):
    """Replaces or appends the given symbols in .config (olddefconfig runs after)."""
    with open(config_path) as f:
        kept = [ln for ln in f
                if not any(re.match(rf"^(# )?{re.escape(sym)}[= ]", ln) for sym, _ in settings)]
    for sym, val in settings:
        kept.append(f"# {sym} is not set\n" if val == "n" else f"{sym}={val}\n")
    with open(config_path, "w") as f:
        f.writelines(kept)


def unescape_cmd(value):
    """Undoes kbuild's make-cmd escaping in a .cmd file ($$ for $, $(pound) for #)."""
    return value.replace("$(pound)", "#").replace("$$", "$")


def split_shell(command):
    """Splits a shell command into simple commands (lists of words)."""
    lex = shlex.shlex(command, posix=True, punctuation_chars=";&|")
    lex.whitespace_split = True
    segments = [[]]
    for tok in lex:
        if tok and set(tok) <= set(";&|"):
            segments.append([])
        else:
            segments[-1].append(tok)
    return [seg for seg in segments if seg]


class Unit:
    def __init__(self, cmd_file, target, argv, source, mode, notes):
        self.cmd_file = cmd_file   # relative to the xen/ dir
        self.target = target
        self.argv = argv           # the compile command words
        self.source = source       # as the command names it (relative to xen/)
        self.mode = mode           # "-c" or "-S"
        self.notes = notes         # e.g. ["-m32"], ["asm-offsets"]
        self.deps = []             # files the build recorded as read (relative to xen/)


def cmd_deps(cmd_path, target):
    """The files a .cmd file records as read by the compile (source and deps_
    lines written by fixdep; the $(wildcard include/config/...) entries left out)."""
    deps = []
    with open(cmd_path) as f:
        text = f.read().replace("\\\n", " ")
    for ln in text.split("\n"):
        if ln.startswith(f"source_{target} := "):
            deps.append(ln.split(" := ", 1)[1].strip())
        elif ln.startswith(f"deps_{target} := "):
            body = re.sub(r"\$\(wildcard [^)]*\)", " ", ln.split(" := ", 1)[1])
            deps += body.split()
    return deps


def collect_units(xen_dir, compiler_names):
    """Reads every *.o.cmd (and *.s.cmd) file under xen/ except xen/tools.

    Returns (units, skipped, deleted_deps) where skipped maps a kind of
    skipped command to the list of its .cmd files, and deleted_deps are the
    files that the compiles of deleted sources read (relative to xen/).
    """
    units = []
    skipped = {}
    deleted_deps = set()
    for root, dirs, files in os.walk(xen_dir):
        rel_root = os.path.relpath(root, xen_dir)
        if rel_root == "tools" or rel_root.startswith("tools" + os.sep):
            dirs[:] = []
            continue
        dirs.sort()
        for name in sorted(files):
            if not (name.startswith(".") and (name.endswith(".o.cmd") or name.endswith(".s.cmd"))):
                continue
            path = os.path.join(root, name)
            rel = os.path.normpath(os.path.join(rel_root, name))
            with open(path) as f:
                first = None
                for ln in f:
                    if ln.startswith("cmd_"):
                        first = ln.rstrip("\n")
                        break
            if first is None:
                skipped.setdefault("no cmd_ line", []).append(rel)
                continue
            target, _, command = first[4:].partition(" := ")
            command = unescape_cmd(command)
            compile_seg = None
            for seg in split_shell(command):
                if os.path.basename(seg[0]) not in compiler_names:
                    continue
                mode = "-c" if "-c" in seg else ("-S" if "-S" in seg else None)
                sources = [w for w in seg[1:] if w.endswith((".c", ".S")) and not w.startswith("-")
                           and seg[seg.index(w) - 1] not in ("-o", "-include", "-MF", "-MT", "-MQ")]
                if mode and len(sources) == 1:
                    if compile_seg is not None:
                        raise OracleError(f"{rel}: more than one compile command")
                    compile_seg = (seg, sources[0], mode)
            if compile_seg is None:
                kind = os.path.basename(split_shell(command)[0][0]) if command.strip() else "empty"
                if "/dev/null" in command.split():
                    kind += " compiling /dev/null: an empty built_in.o"
                skipped.setdefault(f"not a compile of .c/.S ({kind})", []).append(rel)
                continue
            seg, source, mode = compile_seg
            if not os.path.exists(os.path.join(xen_dir, source)):
                # arm's link step compiles the symbol tables .xen-syms.N.S that tools/symbols
                # writes, then deletes them but keeps their .cmd files (x86 deletes both)
                skipped.setdefault("compile of a source the build deleted", []).append(rel)
                deleted_deps.update(cmd_deps(path, target)[1:])
                continue
            notes = [w for w in seg if w in ("-m32", "-m16", "-marm", "-mthumb")]
            if name.endswith(".s.cmd"):
                notes.append("asm-offsets" if "asm-offsets" in source else "assembler-output")
            units.append(Unit(rel, target, seg, source, mode, notes))
            units[-1].deps = cmd_deps(path, target)
    return units, skipped, deleted_deps


def find_asm_offsets(xen_dir, margs, compiler_names, logfile):
    """Recovers the command that compiled asm-offsets.c.

    The build writes no .cmd file for it (xen/build.mk runs the compiler
    directly and keeps only the dependency file .asm-offsets.s.d), so this asks
    make itself: with asm-offsets.s deleted, 'make -n' prints the command it
    would run. Must run on a disposable copy of the built tree (make -n still
    remakes included makefiles). Returns a Unit, or None.
    """
    target = os.path.join(xen_dir, "asm-offsets.s")
    if not os.path.exists(target):
        return None
    os.unlink(target)
    with open(logfile, "wb") as out:
        subprocess.call(["make", "-C", xen_dir, "-n"] + margs, stdout=out, stderr=subprocess.STDOUT)
    with open(logfile, encoding="latin-1") as f:
        for ln in f:
            if "asm-offsets.c" in ln and " -S " in ln and "asm-offsets.s.new" in ln:
                for seg in split_shell(ln.strip()):
                    if os.path.basename(seg[0]) in compiler_names and "-S" in seg:
                        source = [w for w in seg if w.endswith("asm-offsets.c")][0]
                        return Unit("(make -n)", "asm-offsets.s", seg, source, "-S", ["asm-offsets"])
    raise OracleError(f"asm-offsets.s exists but make -n printed no command for it: see {logfile}")


def read_depfile(path):
    """The prerequisites listed in a make dependency file written by gcc -MMD."""
    with open(path) as f:
        text = f.read().replace("\\\n", " ")
    deps = []
    for rule in text.split("\n"):
        if ":" in rule:
            deps += rule.split(":", 1)[1].split()
    return deps


def preprocess_argv(argv, mode, out_path, rewrite):
    """The -E version of a compile command."""
    res = []
    i = 0
    while i < len(argv):
        w = argv[i]
        if w == mode:
            res.append("-E")
        elif w == "-o" or w in ("-MF", "-MT", "-MQ"):
            i += 1  # drop with its argument
        elif w.startswith(("-Wp,-MD,", "-Wp,-MMD,")) or w in ("-MD", "-MMD", "-MP"):
            pass
        elif w == "-Werror" or w.startswith("-Werror="):
            pass
        else:
            res.append(rewrite(w))
        i += 1
    res += ["-o", out_path]
    return res


# ---------------------------------------------------------------------------
# Main steps
# ---------------------------------------------------------------------------

def git(repo, *args):
    return subprocess.check_output(["git", "-C", repo] + list(args)).decode()


def step_checkout(args, pristine):
    if not os.path.isdir(os.path.join(pristine, ".git")):
        run(["git", "clone", "-q", args.xen, pristine])
    else:
        run(["git", "-C", pristine, "reset", "-q", "--hard"])
        run(["git", "-C", pristine, "clean", "-q", "-xdf"])
    run(["git", "-C", pristine, "checkout", "-q", args.tag])


def step_build(args, pristine, logfile):
    xen = os.path.join(pristine, "xen")
    margs = make_args(args.arch, args.cross_compile)
    t0 = time.time()
    run(["make", "-C", xen] + margs + ["defconfig"], logfile=logfile)
    if args.set:
        apply_symbols(os.path.join(xen, ".config"), args.set)
        run(["make", "-C", xen] + margs + ["olddefconfig"], logfile=logfile)
    t1 = time.time()
    run(["make", "-C", xen] + margs + [f"-j{args.jobs}"], logfile=logfile)
    t2 = time.time()
    return t1 - t0, t2 - t1


def copy_tree(pristine, markered):
    if os.path.exists(markered):
        shutil.rmtree(markered)
    os.makedirs(markered)
    for entry in sorted(os.listdir(pristine)):
        if entry == ".git":
            continue
        subprocess.check_call(["cp", "-a", os.path.join(pristine, entry), markered])
    # Absolute symlinks into the pristine tree would read unmarked files: re-point them.
    repointed = 0
    for root, dirs, files in os.walk(markered):
        for name in dirs + files:
            p = os.path.join(root, name)
            if os.path.islink(p):
                target = os.readlink(p)
                if os.path.isabs(target) and (target == pristine or target.startswith(pristine + os.sep)):
                    os.unlink(p)
                    os.symlink(markered + target[len(pristine):], p)
                    repointed += 1
    return repointed


def step_markers(pristine, markered):
    tracked = [p for p in git(pristine, "ls-files", "-z").split("\0") if p.endswith(SOURCE_EXTS)]
    tracked.sort()
    groups_map = {}  # number -> (path, first, last)
    number = 1
    for path in tracked:
        full = os.path.join(markered, path)
        if os.path.islink(full) or not os.path.isfile(full):
            continue
        with open(full, "rb") as f:
            text = f.read().decode("latin-1")
        directives, _ = scan(text)
        groups = groups_of(path, directives, text.count("\n") + 1)
        if not groups:
            continue
        new = insert_markers(text, groups, number)
        for d, first, last in groups:
            groups_map[number] = (path, first, last)
            number += 1
        with open(full, "wb") as f:
            f.write(new.encode("latin-1"))
    return tracked, groups_map


def parse_output(i_path, cwd, roots):
    """Reads gcc -E output: files entered (resolved, relative to the repo
    root, or absolute when outside), markers seen with the file current at
    each one, and the lines of each file from which gcc emitted text (gcc's
    output keeps line sync: after '# n "file"', output lines are lines n, n+1...
    of that file)."""
    entered = set()
    markers = []
    emitted = {}
    current = None
    line = 0
    cache = {}
    with open(i_path, encoding="latin-1") as f:
        for ln in f:
            if "#" not in ln:
                if current is not None and ln.strip():
                    emitted.setdefault(current, set()).add(line)
                line += 1
                continue
            m = LINEMARKER.match(ln) if ln.startswith("# ") else None
            if m:
                line = int(m.group(1))
                raw = m.group(2)
                if raw in cache:
                    current = cache[raw]
                else:
                    name = re.sub(r"\\(.)", r"\1", raw)
                    if name.startswith("<") or name.endswith("//"):
                        resolved = None  # <built-in>, <command-line>, -fworking-directory
                    else:
                        real = os.path.realpath(os.path.join(cwd, name))
                        resolved = real
                        for root in roots:
                            if real.startswith(root + os.sep):
                                resolved = os.path.relpath(real, root)
                                break
                    cache[raw] = resolved
                    current = resolved
                if current is not None:
                    entered.add(current)
                continue
            line += 1
            # A marker may be indented: in assembler mode gcc writes " #fusa_oracle_group N"
            # when the line before ended in a macro expansion.
            m = MARKER_LINE.match(ln)
            if m:
                markers.append((int(m.group(1)), current))
            elif current is not None and ln.strip():
                emitted.setdefault(current, set()).add(line - 1)
    return entered, markers, emitted


def check_emitted(inactive, groups_map, emitted_all):
    """Independent check with gcc's own line mapping: no text may come from an
    inactive line. Original line x of a file is line x + 5 * (markers inserted
    after lines before x) of the markered file."""
    ends = {}
    for num, (path, first, _last) in groups_map.items():
        ends.setdefault(path, []).append(first - 1)  # marker follows the directive's last line
    bad = []
    for path, ranges in inactive.items():
        got = emitted_all.get(path, set())
        if not got:
            continue
        after = sorted(ends.get(path, []))
        k = 0
        for a, b in ranges:
            for x in range(a, b + 1):
                while k < len(after) and after[k] < x:
                    k += 1
                if x + 5 * k in got:
                    bad.append((path, x))
    return bad


def merge(ranges):
    out = []
    for a, b in sorted(ranges):
        if a > b:
            continue
        if out and a <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--xen", required=True, help="Xen git repository to clone from (never modified)")
    ap.add_argument("--tag", required=True, help="tag or commit to build, e.g. RELEASE-4.22.0")
    ap.add_argument("--arch", required=True, help="XEN_TARGET_ARCH, e.g. x86_64 or arm64")
    ap.add_argument("--cross-compile", default="", help="CROSS_COMPILE prefix, e.g. aarch64-linux-gnu-")
    ap.add_argument("--set", action="append", default=[], metavar="CONFIG_X=v",
                    help="Kconfig symbol to set after defconfig (then olddefconfig); v=n unsets")
    ap.add_argument("--work", required=True, help="work folder (pristine/ and markered/ trees, logs)")
    ap.add_argument("--out", required=True, help="folder for the data files")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--reuse-build", action="store_true",
                    help="use the build already in WORK/pristine (same recipe) instead of rebuilding")
    ap.add_argument("--groundtruth", help="folder with translation-units.txt and headers.txt to compare")
    args = ap.parse_args()
    settings = []
    for s in args.set:
        sym, eq, val = s.partition("=")
        if not eq or not re.match(r"^CONFIG_[A-Za-z0-9_]+$", sym):
            print(f"bad --set {s!r}: expected CONFIG_NAME=value", file=sys.stderr)
            return 2
        settings.append((sym, val))
    args.set = settings
    try:
        return measure(args)
    except OracleError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1


def measure(args):
    work = os.path.abspath(args.work)
    pristine = os.path.join(work, "pristine")
    markered = os.path.join(work, "markered")
    os.makedirs(work, exist_ok=True)
    timing = {}
    started = time.time()
    command_line = "python3 tools/active-lines-oracle/oracle.py " + " ".join(
        shlex.quote(a) for a in sys.argv[1:])

    log("== 1. checkout and build")
    t = time.time()
    if not args.reuse_build:
        step_checkout(args, pristine)
        timing["checkout"] = time.time() - t
        buildlog = os.path.join(work, "build.log")
        if os.path.exists(buildlog):
            os.unlink(buildlog)
        timing["kconfig"], timing["build"] = step_build(args, pristine, buildlog)
    xen = os.path.join(pristine, "xen")
    config = read_config(os.path.join(xen, ".config"))
    for sym, val in args.set:
        got = config.get(sym, "n")
        if got != val:
            raise OracleError(f"{sym}={val} requested but the built .config has {sym}={got}")
    commit = git(pristine, "rev-parse", "HEAD").strip()
    cc = args.cross_compile + "gcc"
    gcc_version = subprocess.check_output([cc, "--version"]).decode().splitlines()[0]
    log(f"   {args.tag} = {commit}, {gcc_version}")

    log("== 2. compile commands")
    units, skipped, deleted_deps = collect_units(xen, {cc, "gcc", "cc"})
    log(f"   {len(units)} compile commands of .c/.S")
    for kind, files in sorted(skipped.items()):
        log(f"   skipped {len(files)} .cmd files: {kind}: " + ", ".join(files[:6])
            + (" ..." if len(files) > 6 else ""))
    absolute = sorted({w for u in units for w in u.argv if pristine in w})
    log(f"   words naming the pristine tree's absolute path: {len(absolute)}"
        + (": " + " ".join(absolute[:5]) if absolute else ""))

    log("== 3. markered copy")
    t = time.time()
    repointed = copy_tree(pristine, markered)
    timing["copy"] = time.time() - t
    t = time.time()
    asm = find_asm_offsets(os.path.join(markered, "xen"), make_args(args.arch, args.cross_compile),
                           {cc, "gcc", "cc"}, os.path.join(work, "asm-offsets-make-n.log"))
    if asm is None:
        log("   no asm-offsets.s in this build")
    else:
        asm.deps = read_depfile(os.path.join(xen, ".asm-offsets.s.d"))
        units.append(asm)
        log(f"   asm-offsets: no .cmd file; command recovered with make -n: {asm.source}")
    timing["asm-offsets make -n"] = time.time() - t
    t = time.time()
    tracked, groups_map = step_markers(pristine, markered)
    timing["markers"] = time.time() - t
    log(f"   {len(tracked)} tracked .c/.S/.h files, {len(groups_map)} groups marked, "
        f"{repointed} absolute symlinks re-pointed, {timing['markers']:.1f} s")

    log("== 4. gcc -E of every unit in the markered copy")
    t = time.time()
    pp_dir = os.path.join(work, "pp")
    if os.path.exists(pp_dir):
        shutil.rmtree(pp_dir)
    os.makedirs(pp_dir)
    mxen = os.path.join(markered, "xen")

    def rewrite(w):
        return w.replace(pristine, markered)

    def one(k):
        u = units[k]
        out = os.path.join(pp_dir, f"{k:04d}.i")
        argv = preprocess_argv(u.argv, u.mode, out, rewrite)
        p = subprocess.run(argv, cwd=mxen, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return k, argv, p.returncode, p.stderr.decode(errors="replace")

    failures = []
    warnings = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        results = sorted(ex.map(one, range(len(units))))
    for k, argv, rc, err in results:
        if rc != 0:
            failures.append((units[k], rc, err))
        elif err.strip():
            warnings += 1
    timing["preprocess"] = time.time() - t
    log(f"   {len(units)} units, {len(failures)} failed, {warnings} with diagnostics, "
        f"{timing['preprocess']:.1f} s")
    for u, rc, err in failures:
        log(f"   FAILED {u.source} ({u.cmd_file}), exit {rc}:\n      "
            + "\n      ".join(err.strip().splitlines()[:8]))

    log("== 5. analysis")
    t = time.time()
    roots = [markered, pristine]
    tracked_set = set(tracked)
    all_tracked = set(git(pristine, "ls-files", "-z").split("\0"))
    kept = set()
    entered_all = set()
    outside = set()
    foreign_markers = []   # marker of a file the unit did not enter (must not happen)
    displaced = 0          # marker seen while another file was current
    dep_mismatch = []      # units whose entered files differ from what the build recorded
    emitted_all = {}       # path -> lines of the MARKERED file gcc emitted text from
    for k, u in enumerate(units):
        if any(f[0] is u for f in failures):
            continue
        entered, markers, emitted = parse_output(os.path.join(pp_dir, f"{k:04d}.i"), mxen, roots)
        for path, lines in emitted.items():
            emitted_all.setdefault(path, set()).update(lines)
        recorded = set()
        for dep in u.deps:
            real = os.path.realpath(os.path.join(xen, dep))
            recorded.add(os.path.relpath(real, pristine) if real.startswith(pristine + os.sep) else real)
        if u.mode == "-c":  # fixdep leaves autoconf.h out of the .cmd record
            entered_cmp = entered - {"xen/include/generated/autoconf.h"}
        else:
            entered_cmp = entered
        if recorded != entered_cmp:
            dep_mismatch.append((u.source, sorted(entered_cmp - recorded), sorted(recorded - entered_cmp)))
        for e in entered:
            if os.path.isabs(e):
                outside.add(e)
            else:
                entered_all.add(e)
        for num, current in markers:
            if num not in groups_map:
                foreign_markers.append((u.source, num, "unknown marker"))
                continue
            path = groups_map[num][0]
            if path not in entered:
                foreign_markers.append((u.source, num, path))
            if current != path:
                displaced += 1
            kept.add(num)
    tracked_entered = sorted(e for e in entered_all if e in all_tracked)
    generated = sorted(e for e in entered_all if e not in all_tracked)
    unmarked_tracked = [e for e in tracked_entered if e not in tracked_set]
    per_file = {}
    for num, (path, first, last) in groups_map.items():
        if num not in kept and path in entered_all:
            per_file.setdefault(path, []).append((first, last))
    inactive = {p: merge(r) for p, r in per_file.items()}
    inactive = {p: r for p, r in inactive.items() if r}
    total_inactive = sum(b - a + 1 for r in inactive.values() for a, b in r)
    contradictions = check_emitted(inactive, groups_map, emitted_all)
    code_inactive = 0
    for path, ranges in inactive.items():
        with open(os.path.join(pristine, path), "rb") as f:
            _, code_lines = scan(f.read().decode("latin-1"))
        code_inactive += sum(1 for a, b in ranges for ln in range(a, b + 1) if ln in code_lines)
    marked_entered = sum(1 for v in groups_map.values() if v[0] in entered_all)
    never_kept = sum(1 for num, v in groups_map.items() if v[0] in entered_all and num not in kept)
    timing["analysis"] = time.time() - t

    log(f"   sanity: units preprocessed: {len(units) - len(failures)} of {len(units)}")
    log(f"   sanity: markers of a file the unit did not enter: {len(foreign_markers)}")
    for f in foreign_markers[:10]:
        log(f"      {f}")
    deleted_deps_missing = sorted(
        d for d in (os.path.relpath(os.path.realpath(os.path.join(xen, x)), pristine) for x in deleted_deps)
        if d not in entered_all)
    if deleted_deps or skipped.get("compile of a source the build deleted"):
        log(f"   sanity: files read by the compiles of deleted sources that no unit entered: "
            f"{len(deleted_deps_missing)} {deleted_deps_missing[:10]}")
    log(f"   sanity: units whose entered files differ from the build's dependency record: {len(dep_mismatch)}")
    for src, more, fewer in dep_mismatch[:10]:
        log(f"      {src}: only -E {more[:5]}, only recorded {fewer[:5]}")
    log(f"   sanity: inactive lines from which some unit's gcc -E output holds text: {len(contradictions)}")
    for c in contradictions[:10]:
        log(f"      {c[0]}:{c[1]}")
    log(f"   sanity: markers seen while gcc's current file was another one (macro arguments): {displaced}")
    log(f"   files entered: {len(entered_all)} in the tree ({len(tracked_entered)} tracked, "
        f"{len(generated)} generated), {len(outside)} outside it")
    for o in sorted(outside)[:10]:
        log(f"      outside: {o}")
    if unmarked_tracked:
        log(f"   tracked files entered without markers (not .c/.S/.h): {unmarked_tracked}")
    log(f"   groups in entered files: {marked_entered}, kept by some unit: {len(kept)}, "
        f"never kept: {never_kept}")
    log(f"   files with inactive lines: {len(inactive)}")
    log(f"   total lines inside never-kept groups: {total_inactive} "
        f"(of which non-blank, not comment-only: {code_inactive})")
    if failures or foreign_markers or contradictions:
        raise OracleError("measurement unusable: see FAILED / sanity lines above; no data written")

    log("== 6. data")
    out = os.path.abspath(args.out)
    os.makedirs(out, exist_ok=True)
    shutil.copyfile(os.path.join(xen, ".config"), os.path.join(out, "config"))
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    with open(os.path.join(out, "inactive.txt"), "w") as f:
        f.write(f"# Lines in conditional groups that no translation unit kept (gcc -E oracle)\n")
        f.write(f"# xen tag: {args.tag}\n# xen commit: {commit}\n")
        f.write(f"# arch: {args.arch}\n# gcc: {gcc_version}\n# date: {now}\n")
        f.write(f"# tool: {command_line}\n")
        f.write("# format: <path from the repository root><TAB><ranges: '-' or a-b,c-d (1-based, inclusive)>\n")
        for path in tracked_entered:
            r = inactive.get(path)
            f.write(path + "\t" + (",".join(f"{a}-{b}" for a, b in r) if r else "-") + "\n")
    with open(os.path.join(out, "generated.txt"), "w") as f:
        f.writelines(p + "\n" for p in generated)
    lines = []
    for u in units:
        src = os.path.normpath(os.path.join("xen", u.source))
        lines.append(" ".join([src] + u.notes))
    with open(os.path.join(out, "units.txt"), "w") as f:
        f.writelines(ln + "\n" for ln in sorted(lines))

    gt = None
    if args.groundtruth:
        gt = compare_groundtruth(args.groundtruth, units, entered_all)
    timing["total"] = time.time() - started
    recipe = [f"XEN_TARGET_ARCH={args.arch}"] + (
        [f"CROSS_COMPILE={args.cross_compile}"] if args.cross_compile else []) + ["defconfig"]
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write(f"# Active-lines oracle: {os.path.basename(out)}\n\n")
        f.write("Measured by `tools/active-lines-oracle/oracle.py` (see its README.md for the method and\n"
                "the file formats). Measurements of a Xen build, no Xen source.\n\n")
        f.write("## Recipe\n")
        f.write(f"- Xen `{args.tag}`, commit `{commit}`; {gcc_version}.\n")
        f.write(f"- `make -C xen {' '.join(recipe)}`")
        if args.set:
            f.write(", then in `.config` " + ", ".join(f"`{k}={v}`" for k, v in args.set)
                    + " and `make ... olddefconfig`")
        f.write(f", then `make -C xen ... -j{args.jobs}`. The resulting `.config` is `config`.\n")
        if args.reuse_build:
            f.write("- The build was not redone by this run (--reuse-build).\n")
        f.write(f"- Tool command line (run from the platform's repository root, {now}):\n\n"
                f"      {command_line}\n\n")
        f.write("## Figures\n")
        f.write(f"- compile commands used (units.txt): {len(units)} "
                f"({sum(1 for u in units if 'asm-offsets' in u.notes)} asm-offsets, "
                f"{sum(1 for u in units if '-m32' in u.notes)} built with -m32); -E failures: {len(failures)}\n")
        for kind, files in sorted(skipped.items()):
            f.write(f"- .cmd files skipped, {kind}: {len(files)}\n")
        f.write(f"- files entered: {len(tracked_entered)} tracked (inactive.txt), "
                f"{len(generated)} generated (generated.txt)\n")
        f.write(f"- groups marked in the tree: {len(groups_map)}; in entered files: {marked_entered}, "
                f"never kept: {never_kept}\n")
        f.write(f"- files with inactive lines: {len(inactive)}; inactive lines: {total_inactive}, of which "
                f"{code_inactive} hold something other than blanks and comments\n")
        f.write(f"- sanity: markers of a file the unit did not enter: {len(foreign_markers)}; units whose "
                f"entered files differ from the build's own dependency record: {len(dep_mismatch)}; "
                f"markers seen while gcc's current file was another: {displaced}; inactive lines from which "
                f"gcc emitted text: {len(contradictions)}\n")
        if skipped.get("compile of a source the build deleted"):
            f.write(f"- files read by the compiles of deleted sources that no unit entered: "
                    f"{len(deleted_deps_missing)} {deleted_deps_missing}\n")
        if gt is not None:
            f.write(f"- compared with `{args.groundtruth}`: "
                    + "; ".join(f"{k} {len(v)}" + (f" ({', '.join(v[:8])})" if v else "")
                                for k, v in gt.items()) + "\n")
        f.write("\n## Timing (wall seconds, 2-core machine shared with other work)\n")
        f.write("- " + ", ".join(f"{k} {v:.0f}" for k, v in timing.items()) + "\n")
    log(f"   written to {out}")
    return 0


def compare_groundtruth(folder, units, entered_all):
    """Compares the units and entered headers with the groundtruth lists
    (paths relative to xen/)."""
    def read(name):
        p = os.path.join(folder, name)
        with open(p) as f:
            return {ln.strip() for ln in f if ln.strip()}
    res = {}
    gt_units = read("translation-units.txt")
    ours = {os.path.normpath(u.source) for u in units if "asm-offsets" not in u.notes}
    res["units_only_groundtruth"] = sorted(gt_units - ours)
    res["units_only_oracle"] = sorted(ours - gt_units)
    gt_headers = read("headers.txt")
    our_headers = {e[4:] for e in entered_all if e.startswith("xen/") and e.endswith(".h")}
    res["headers_only_groundtruth"] = sorted(gt_headers - our_headers)
    res["headers_only_oracle"] = sorted(our_headers - gt_headers)
    log(f"   groundtruth: units {len(gt_units)} vs {len(ours)} (+asm-offsets); headers "
        f"{len(gt_headers)} vs {len(our_headers)}")
    for k, v in res.items():
        log(f"      {k}: {len(v)} {v[:12]}")
    return res


if __name__ == "__main__":
    sys.exit(main())
