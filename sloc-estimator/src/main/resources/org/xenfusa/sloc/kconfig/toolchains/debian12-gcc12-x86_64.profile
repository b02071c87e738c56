# Debian 12 (bookworm), native x86_64: gcc 12.2.0, GNU binutils 2.40, no checkpolicy.
# Answers measured with those tools; Xen's Makefile exports CC, LD and the XEN_HAS_* results.
name debian12-gcc12-x86_64
set CC = gcc
set LD = ld
set CLANG_FLAGS =
set XEN_HAS_CHECKPOLICY = n
set XEN_HAS_BUILD_ID = y
# Compiler and linker identity (xen/Kconfig)
command command -v $(CC) => y
command command -v $(LD) => y
command $(CC) --version | head -n 1 | grep -q gcc => y
command $(CC) --version | head -n 1 | grep -q clang => n
command $(LD) --version | head -n 1 | grep -q "^GNU ld" => y
command $(LD) --version | head -n 1 | grep -q "^LLD" => n
shell $(srctree)/scripts/gcc-version.sh $(CC) => 120200
shell $(srctree)/scripts/clang-version.sh $(CC) => 0
# GCC 12 has asm inline and asm goto with outputs
command echo 'void foo(void) { asm inline (""); }' | $(CC) -x c - -c -o /dev/null => y
command echo 'int foo(int x) { asm goto ("": "=r"(x) ::: bar); return x; bar: return 0; }' | $(CC) -x c - -c -o /dev/null => y
# Xen 4.14 to 4.20 probe symbol visibility (CC_HAS_VISIBILITY_ATTRIBUTE)
cc-option -fvisibility=hidden => y
# MC/DC coverage needs GCC 14 or Clang 18
cc-option -fcondition-coverage => n
cc-option -fprofile-instr-generate -fcoverage-mapping -fcoverage-mcdc => n
# x86 (xen/arch/x86/Kconfig): retpoline, return thunks, CET
cc-option -mindirect-branch-register => y
cc-option -mretpoline-external-thunk => n
cc-option -mfunction-return=thunk-extern => y
cc-option -fcf-protection=branch -mmanual-endbr -mindirect-branch=thunk-extern => y
# asked by the 4.14 to 4.16 maintenance releases
cc-option -fcf-protection=branch -mindirect-branch=thunk-extern => y
as-instr wrssq %rax,0;setssbsy => y
as-instr endbr64 => y
# Kbuild: what the probes in xen/arch/x86/arch.mk assign (a test compile / link with these tools); a
# Makefile that does not run the probe (CONFIG_PV_SHIM_EXCLUSIVE=y) leaves the variable unset
make XEN_BUILD_EFI = y
make XEN_BUILD_PE = y
# gcc 12.2's predefined macros with Xen's x86_64 flags, for #if evaluation
predefined /org/xenfusa/sloc/kbuild/predefined-x86_64.h
# and with the flags of the 32-bit boot objects (arch/x86/boot: $(obj32): XEN_CFLAGS := $(CFLAGS_x86_32) -fpic)
predefined -m32 /org/xenfusa/sloc/kbuild/predefined-x86_32.h
# arch/x86/boot/built-in-32.S is made from 32-bit objects the compiler builds (tools/combine_two_binaries.py
# prints one .byte line per chunk of their binary): its count, as cloc 1.96 gave it after a build of
# x86_64 defconfig of RELEASE-4.22.0 with this toolchain
# (../shared/xen-groundtruth/x86_64-defconfig/cloc-by-file-sources.csv).
# cmdline.c and reloc.c read CONFIG_VIDEO and CONFIG_PVH_GUEST, so other values give another binary; another
# commit or compiler gives another length too (master after 4.22 with x86_64 defconfig: 242, not 284). Used at
# any other commit or configuration the count is approximate and the report carries a warning; give the count
# of your own build with `fusa config-sloc --generated-count arch/x86/boot/built-in-32.S=N`.
build-output x86_64 arch/x86/boot/built-in-32.S => Assembly 1 3 284 measured at d45d5687f1441495f4ee20d5e9940066c5fa5beb CONFIG_VIDEO=y CONFIG_PVH_GUEST=n
# the same, measured in a real allyesconfig build of RELEASE-4.22.0
build-output x86_64 arch/x86/boot/built-in-32.S => Assembly 1 3 251 measured at d45d5687f1441495f4ee20d5e9940066c5fa5beb CONFIG_VIDEO=y CONFIG_PVH_GUEST=y
