# Screen tests of the curses wizard in private tmux servers (SKIP without
# tmux) and the --plain prompts through a pipe.
# Regenerate the golden screens: ACW_UPDATE_GOLDEN=1 make check TESTS=tests/ui/golden.py
UI_TESTS = tests/ui/vpc-moto.py tests/ui/fill-minimal.py tests/ui/invalid.py tests/ui/network.py \
	tests/ui/resize.py tests/ui/draft.py tests/ui/golden.py tests/ui/plain.sh \
	tests/ui/submit-moto.py tests/ui/checks-moto.py tests/ui/terms.py \
	tests/ui/sublist.py tests/ui/code-jwt.py tests/ui/l10n.py tests/ui/hangup.py tests/ui/wrap.py tests/ui/probe.py \
	tests/ui/submit-flow.py tests/ui/draft-keep.py tests/ui/settings.py tests/ui/review.py \
	tests/ui/plain-moto.py tests/ui/oneof-list.py tests/ui/keys-vt100.py tests/ui/messages.py \
	tests/ui/marks.py tests/ui/keep.py tests/ui/layout.py tests/ui/items.py tests/ui/review-keys.py tests/ui/overwrite.py tests/ui/submit-settings.py tests/ui/draft-load.py tests/ui/draft-form.py tests/ui/plain-width.py tests/ui/new-file.py \
	tests/ui/term-unusable.py tests/ui/golden-update.sh \
	tests/ui/quit-clean.py tests/ui/conflict-moto.py \
	tests/ui/draft-folder.py tests/ui/plain-escapes.py \
	tests/ui/many-tags.py tests/ui/token-moto.py \
	tests/ui/credential-wait.py tests/ui/plain-questions.sh \
	tests/ui/screen-items.py tests/ui/warnings.py tests/ui/template.py \
	tests/ui/plain-template.sh tests/ui/pick-moto.py tests/ui/pick-slow.py tests/ui/pick-nocreds.py \
	tests/ui/template-save.py tests/ui/template-moto.py \
	tests/ui/template-l10n.py tests/ui/open-moto.py \
	tests/ui/delete-moto.py tests/ui/start.py tests/ui/checks-creds-wait.py \
	tests/ui/checks-cache.py tests/ui/checks-notrun.py \
	tests/ui/left-out.py tests/ui/draft-template.py tests/ui/template-marks.py \
	tests/ui/template-l10n.py tests/ui/open-moto.py tests/ui/update-stale-moto.py \
	tests/ui/credential-wait-cancel.py tests/ui/title-width.py tests/ui/credentials-once.py \
	tests/ui/delete-moto.py tests/ui/start.py tests/ui/checks-creds-wait.py
TESTS += $(UI_TESTS)
EXTRA_DIST += $(UI_TESTS) tests/ui/tmuxterm.py tests/ui/template_fill.py tests/ui/golden
AM_TESTS_ENVIRONMENT += ACW_UPDATE_GOLDEN='$(ACW_UPDATE_GOLDEN)'; export ACW_UPDATE_GOLDEN;
