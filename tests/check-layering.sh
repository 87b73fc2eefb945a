#!/bin/sh
# The core never includes curses; the UI never calls libcurl, OpenSSL or cJSON.
cd "${top_srcdir:-.}" || exit 99
bad=0
if grep -nE '#[[:space:]]*include[[:space:]]*[<"](n?curses(w)?|form|menu|panel|ncursesw/[a-z]+)\.h' src/core/*.c src/core/*.h 2>/dev/null; then
	echo "FAIL: src/core includes curses (above)"; bad=1
fi
if ls src/ui/*.[ch] >/dev/null 2>&1 &&
   grep -nE '#[[:space:]]*include[[:space:]]*<(curl/|openssl/|cjson/)|\b(curl_easy_|cJSON_|EVP_|HMAC)' src/ui/*.[ch]; then
	echo "FAIL: src/ui calls libcurl, OpenSSL or cJSON directly (above)"; bad=1
fi
[ $bad = 0 ] && echo "layering ok: src/core has no curses, src/ui no libcurl/OpenSSL/cJSON"
exit $bad
