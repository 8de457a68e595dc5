#!/bin/sh
# Run by `meson install`: refresh the dynamic linker's cache, so programs
# built against libpolicy-outline find it in LIBDIR (the first argument).
# A staged install (DESTDIR) is left alone; without root it says what to run.
set -eu
libdir=$1
[ -z "${DESTDIR:-}" ] || exit 0
ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
if [ "$(id -u)" -ne 0 ]; then
    echo "policy-outline: installed in $libdir; run 'sudo ldconfig' so programs find libpolicy-outline.so.0"
    exit 0
fi
"$ldconfig"
if ! "$ldconfig" -p | grep -q "libpolicy-outline\.so\.0 .*=> $libdir/"; then
    echo "policy-outline: $libdir is not searched by the dynamic linker: add it to /etc/ld.so.conf.d/ and run ldconfig, or set LD_LIBRARY_PATH=$libdir"
fi
