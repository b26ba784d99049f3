# The two commands of the README: `make run` and `make test`. Both install what is missing.
# `make package` builds the release binary and the Debian package (target/release/bundle/deb/).
.PHONY: run test setup package

run:
	scripts/run.sh

test:
	scripts/test.sh

setup:
	scripts/setup.sh --test

package:
	scripts/package.sh
