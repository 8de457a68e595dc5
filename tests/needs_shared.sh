#!/bin/sh
# needs_shared.sh PROGRAM [ARGS...]: run a test that reads ../shared (the
# corpus and the answer keys). A clone has no ../shared beside it: then the
# test is reported skipped (exit status 77, as meson counts it), saying why.
shared=${PO_SHARED:-../shared}
if [ ! -d "$shared/corpus" ] || [ ! -d "$shared/gold" ]; then
    echo "skipped: $(basename "$1") reads the corpus and answer keys of $shared, absent beside this clone"
    exit 77
fi
exec "$@"
