# The two commands of the README: `make run` and `make test`. Both install what is missing.
# `make package` builds the release binary and the Debian package (target/release/bundle/deb/).
# `make bench` runs the benchmarks (not part of `make test`) and writes docs/BENCHMARKS.md.
.PHONY: run test setup package bench

run:
	scripts/run.sh

test:
	scripts/test.sh

setup:
	scripts/setup.sh --test

package:
	scripts/package.sh

bench:
	scripts/bench.sh
