#!/bin/sh
# quickstart.sh: set up a Debian 12 machine, build, then launch or test.
#   sh quickstart.sh run [ARGS]    install what is missing, build, start the wizard
#   sh quickstart.sh check         install what is missing, build, run every test
#   sh quickstart.sh configure DIR [CONFIGURE-ARGS]
#                                  configure DIR (again when it was configured
#                                  with other arguments); .ci/run uses it
# Runs as root, or uses sudo for the package installation only.
set -eu
cd "$(dirname "$0")"
what=${1:-run}
[ $# -gt 0 ] && shift

# Debian packages the build and the tests need.
pkgs="build-essential autoconf automake autopoint pkg-config gettext libncurses-dev \
libcjson-dev libexpat1-dev libcurl4-openssl-dev libssl-dev libpcre2-dev libcmocka-dev tmux clang \
libclang-rt-14-dev valgrind openssl curl python3 python3-venv locales procps man-db zsh"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "quickstart: installing:$missing"
	sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi
# The German translation is tested under de_DE.UTF-8.
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
	sudo=; [ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo sed -i 's/^# *de_DE.UTF-8/de_DE.UTF-8/' /etc/locale.gen && $sudo locale-gen
fi

# Configure dir with these arguments; a dir configured with others (say,
# without --enable-werror) is configured again and cleaned, so that every
# object is built with the flags asked for.
configure_in() { # dir configure-args...
	dir=$1; shift
	[ -x configure ] || ./autogen.sh >autogen.log 2>&1 || { cat autogen.log; exit 1; }
	mkdir -p "$dir"
	if [ -f "$dir/Makefile" ] && [ -x "$dir/config.status" ]; then
		have=$(cd "$dir" && eval "set -- $(./config.status --config)" && printf '%s\n' "$@")
		want=$(printf '%s\n' "$@")
		[ "$have" = "$want" ] && return 0
		echo "quickstart: $dir was configured with '$(cd "$dir" && ./config.status --config)'," \
			"not '$*': configuring it again"
		(cd "$dir" && ../configure -q "$@") && make -C "$dir" -s clean >/dev/null
		return
	fi
	(cd "$dir" && ../configure -q "$@")
}

build() { # dir configure-args...
	configure_in "$@" && make -C "$1" -j"$(nproc)" -s
}

case $what in
run)
	# any configuration of build/ will do for running the wizard
	[ -f build/Makefile ] || configure_in build
	make -C build -j"$(nproc)" -s
	exec ./build/src/agentcore-wizard "$@"
	;;
configure)
	[ $# -gt 0 ] || { echo "usage: sh quickstart.sh configure DIR [CONFIGURE-ARGS]" >&2; exit 2; }
	configure_in "$@"
	;;
check)
	# The AWS-side tests need moto, botocore and the AWS CLI in Python; use
	# what is importable, else try a virtual environment (skipped when offline).
	if ! python3 -c 'import moto, botocore' 2>/dev/null; then
		if [ ! -x .venv/bin/python3 ]; then
			# kept only when the installation worked, so that a later run
			# tries again (PyPI may be reachable by then)
			if ! { python3 -m venv .venv &&
				.venv/bin/pip install -q --retries 1 --timeout 15 'moto[server]' awscli \
					>.venv.log 2>&1; }; then
				rm -rf .venv
				echo "quickstart: moto and the AWS CLI could not be installed from PyPI" \
					"(see .venv.log); the AWS tests will be skipped"
			fi
		fi
		[ -x .venv/bin/python3 ] && PATH="$PWD/.venv/bin:$PATH" && export PATH
	fi
	build build --enable-werror "$@"
	if ! make -C build -j"$(nproc)" check; then
		# each failed test's own log, not the tail of the whole suite's
		# the test's name is the first word after "FAIL: " ("ERROR: t.py - exited
		# with status 2" names t.py only)
		for t in $(sed -n 's/^\(FAIL\|ERROR\): \([^ ]*\).*/\2/p' build/test-suite.log); do
			echo "==== $t"
			tail -n 40 "build/${t%.*}.log" 2>/dev/null || tail -n 40 "build/$t.log"
		done
		exit 1
	fi
	;;
*)
	echo "usage: sh quickstart.sh run|check|configure" >&2
	exit 2
	;;
esac
