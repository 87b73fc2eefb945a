#!/bin/sh
# `config` shows the endpoints of the services the account checks call (STS,
# IAM, ECR, EC2, S3) with where each came from (issue 10): the service's
# rules, AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's
# endpoint_url, FIPS, and IAM's global endpoint signed for us-east-1.
set -u
: "${ACW:?run through make check}"
pass=0 fail=0
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp AWS_CONFIG_FILE=$tmp/config AWS_SHARED_CREDENTIALS_FILE=$tmp/credentials
export HOME AWS_CONFIG_FILE AWS_SHARED_CREDENTIALS_FILE
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_ENDPOINT_URL AWS_USE_FIPS_ENDPOINT \
	AWS_USE_DUALSTACK_ENDPOINT AWS_ENDPOINT_URL_IAM AWS_ENDPOINT_URL_STS \
	AWS_ENDPOINT_URL_ECR AWS_ENDPOINT_URL_EC2 AWS_ENDPOINT_URL_S3 AWS_IGNORE_CONFIGURED_ENDPOINT_URLS
AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
export AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# line NAME TEXT: the row of NAME holds TEXT
line() {
	if grep -E "^$1 " "$tmp/out" | grep -qF -- "$2"; then ok; else
		bad "$1 row has no '$2': $(cat "$tmp/out")"; fi
}

AWS_REGION=eu-west-1 "$ACW" config >"$tmp/out" 2>&1 || bad "config exited $?"
line STS "https://sts.eu-west-1.amazonaws.com"
line STS "the service's rules for eu-west-1"
line IAM "https://iam.amazonaws.com"
line IAM "signed for us-east-1"
line ECR "https://api.ecr.eu-west-1.amazonaws.com"
line EC2 "https://ec2.eu-west-1.amazonaws.com"
line S3 "s3.eu-west-1.amazonaws.com"

AWS_REGION=us-east-1 AWS_ENDPOINT_URL_IAM=https://127.0.0.1:9/ AWS_ENDPOINT_URL=https://localhost:8/ \
	"$ACW" config >"$tmp/out" 2>&1
line IAM "https://127.0.0.1:9/"
line IAM "AWS_ENDPOINT_URL_IAM"
line ECR "https://localhost:8"
line ECR "AWS_ENDPOINT_URL"
line EC2 "https://localhost:8"

AWS_REGION=us-east-1 AWS_USE_FIPS_ENDPOINT=true "$ACW" config >"$tmp/out" 2>&1
line EC2 "ec2-fips.us-east-1"
line STS "sts-fips.us-east-1"

printf '[default]\nregion = us-west-2\nendpoint_url = https://127.0.0.1:7/\n' >"$tmp/config"
"$ACW" config >"$tmp/out" 2>&1
line S3 "https://127.0.0.1:7"
line S3 "profile default"

# no Region: no rows of services (the region row says what is missing)
rm -f "$tmp/config"
"$ACW" config >"$tmp/out" 2>&1
if grep -qE '^(IAM|STS) ' "$tmp/out"; then bad "service rows without a Region"; else ok; fi

# a Region that is no Region name: config exits 3 as list does, even with a
# custom endpoint, and still shows what it found; a configured endpoint
# that cannot be used is shown with where it came from, never as (none)
AWS_REGION='bad region' AWS_ENDPOINT_URL=https://localhost:8/ AWS_ENDPOINT_URL_IAM=https://127.0.0.1:9/ \
	"$ACW" config >"$tmp/out" 2>&1
rc=$?
[ "$rc" -eq 3 ] && ok || bad "config with an invalid Region exited $rc, want 3"
AWS_REGION='bad region' AWS_ENDPOINT_URL=https://localhost:8/ "$ACW" list >/dev/null 2>&1
rc=$?
[ "$rc" -eq 3 ] && ok || bad "list with an invalid Region exited $rc, want 3"
line region "is not a valid AWS Region name"
line endpoint "https://localhost:8/"
line IAM "https://127.0.0.1:9/"
line IAM "AWS_ENDPOINT_URL_IAM"
AWS_REGION=us-east-1 AWS_USE_FIPS_ENDPOINT=true AWS_ENDPOINT_URL_IAM=https://127.0.0.1:9/ \
	"$ACW" config >"$tmp/out" 2>&1
line IAM "https://127.0.0.1:9/"
line IAM "AWS_ENDPOINT_URL_IAM, FIPS"
line STS "the service's rules for us-east-1, FIPS"
line EC2 "the service's rules for us-east-1, FIPS"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
