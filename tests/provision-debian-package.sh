#!/bin/sh
# Run by `dotnet test` before a test project that needs a program from Debian (see the test projects' .csproj), so the
# README's one test command sets up what those tests need on a fresh machine, from Debian's own repositories, never a
# download from elsewhere: Chromium for the browser tests, redis-server for the shared-state tests.
# Usage: provision-debian-package.sh BINARY PACKAGE LABEL SKIP_VARIABLE
# It never fails the build: where it cannot install (no apt-get, not root and no password-less sudo, SKIP_VARIABLE=1),
# the tests say why they are skipped (CI makes them fail instead).
set -u
binary="$1" package="$2" label="$3" skip_variable="$4"

[ -x "$binary" ] && exit 0
eval "skip=\${$skip_variable:-}"
[ "$skip" = "1" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "$label: $binary is missing and this machine has no apt-get; install $package to run them"
  exit 0
fi

if [ "$(id -u)" = "0" ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo -n"
else
  echo "$label: $binary is missing; run 'sudo apt-get install -y $package' to run them"
  exit 0
fi

# Test projects provision at the same time (Chromium for one, redis-server for another), and apt-get update takes the
# package lists' lock, which DPkg::Lock::Timeout does not wait for: the second install used to fail. Take turns, and
# look again once it is our turn, since the one before may have installed it.
if command -v flock >/dev/null 2>&1; then
  exec 9>"${TMPDIR:-/tmp}/skinbot-provision.lock"
  flock 9
  [ -x "$binary" ] && exit 0
fi

echo "$label: installing Debian's $package package (once per machine)"
# Wait for a concurrent apt (another test run, unattended upgrades) instead of failing on its lock.
lock="-o DPkg::Lock::Timeout=600"
if $as_root apt-get $lock update -qq >/dev/null \
  && DEBIAN_FRONTEND=noninteractive $as_root apt-get $lock install -y -qq --no-install-recommends "$package" >/dev/null; then
  echo "$label: $package installed"
else
  echo "$label: installing $package failed; those tests will be skipped (or fail in CI)"
fi
exit 0
