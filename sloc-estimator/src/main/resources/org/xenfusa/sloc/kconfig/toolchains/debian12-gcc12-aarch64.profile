# Debian 12 (bookworm), cross to arm64 (aarch64): aarch64-linux-gnu-gcc 12.2.0, GNU binutils 2.40, no checkpolicy.
# Answers measured with those tools; Xen's Makefile exports CC, LD and the XEN_HAS_* results.
name debian12-gcc12-aarch64
set CC = aarch64-linux-gnu-gcc
set LD = aarch64-linux-gnu-ld
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
# Kbuild: gcc 12.2's predefined macros with Xen's arm64 flags, for #if evaluation
predefined /org/xenfusa/sloc/kbuild/predefined-arm64.h
