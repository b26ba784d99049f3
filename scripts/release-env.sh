# Sourced by package.sh and bench.sh, so the binary the benchmarks measure is the one the
# package ships. Sets the flags of a release build and LINK_ARGS for `cargo rustc`.
#
# The release profile aborts on panic, so no unwind tables are needed: leaving them out of
# our Rust code and of the bundled SQLite saves space toward the 10 MB limit (issue 9).
export RUSTFLAGS="${RUSTFLAGS:-} -C force-unwind-tables=no"
export CFLAGS="${CFLAGS:-} -fno-asynchronous-unwind-tables -fno-unwind-tables"
# Packed relative relocations (DT_RELR, glibc 2.36+: Debian 12, Ubuntu 24.04) shrink the
# table the loader patches at start from 0.38 MB to 4 KB. Linkers that predate it skip it.
# They go to `cargo rustc`, which hands them to the binary alone.
LINK_ARGS=()
if ld --help 2>/dev/null | grep -q pack-relative-relocs; then
  LINK_ARGS=(-C link-arg=-Wl,-z,pack-relative-relocs)
fi
