#!/bin/sh
# Run by `dotnet test` before the Host tests (see SkinBot.Host.Tests.csproj), so the README's one test command sets up
# what the browser tests need on a fresh machine: Debian's Chromium, from Debian's own repositories, never a download
# from elsewhere. It never fails the build: where it cannot install (no apt-get, not root and no password-less sudo,
# SKINBOT_SKIP_BROWSER_SETUP=1), the browser tests say why they are skipped, or fail when SKINBOT_REQUIRE_BROWSER=1.
set -u

chromium="${SKINBOT_CHROMIUM:-/usr/bin/chromium}"
[ -x "$chromium" ] && exit 0
[ "${SKINBOT_SKIP_BROWSER_SETUP:-}" = "1" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser tests: $chromium is missing and this machine has no apt-get; install Chromium to run them"
  exit 0
fi

if [ "$(id -u)" = "0" ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo -n"
else
  echo "browser tests: $chromium is missing; run 'sudo apt-get install -y chromium' to run them"
  exit 0
fi

echo "browser tests: installing Debian's chromium package (once per machine)"
# Wait for a concurrent apt (another test run, unattended upgrades) instead of failing on its lock.
lock="-o DPkg::Lock::Timeout=600"
if $as_root apt-get $lock update -qq >/dev/null \
  && DEBIAN_FRONTEND=noninteractive $as_root apt-get $lock install -y -qq --no-install-recommends chromium >/dev/null; then
  echo "browser tests: $("$chromium" --version 2>/dev/null || echo chromium) installed"
else
  echo "browser tests: installing chromium failed; the browser tests will be skipped (or fail under SKINBOT_REQUIRE_BROWSER=1)"
fi
exit 0
