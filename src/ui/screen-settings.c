/* screen-settings.c: the AWS settings of this session: resolved for the
 * first screen and the review, why they cannot submit, and F9, which asks
 * for another Region and profile (two prompts over the screen on show). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "submit.h"
#include "ui.h"
#include "wiz.h"

/* Why F10 cannot submit with the AWS settings in use, with the command
 * line ways to set them and the key that changes them here; NULL when it
 * can. Caller frees. */
char *settings_refusal(const struct wiz *w)
{
	if (!w->settings.aws_missing)
		return NULL;
	return xasprintf(_("%s; or %s sets the Region and profile for this session."),
			 w->settings.aws_missing, keys_action_name(ACT_SETTINGS));
}

/* Resolve the AWS settings again (at the start, after F9): the lines the
 * first screen and the review show, and what keeps them from submitting. */
void settings_refresh(struct wiz *w)
{
	submit_lines_free(w->settings.aws);
	free(w->settings.aws_missing);
	w->settings.aws = submit_settings_lines(&w->settings.aws_missing);
	uichecks_forget(w); /* of other settings */
	account_start(w);   /* who they are, in the background */
}

/* F9: another Region or profile for this session (as --region/--profile).
 * Each prompt starts with the value in use, selected; Enter keeps it, an
 * empty answer goes back to where it is found without options (AWS_REGION,
 * the environment's keys, AWS_PROFILE, default). New settings that fail, or
 * lose the Region or credentials the old ones had, are not taken. */
void settings_edit(struct wiz *w)
{
	const char *old_region = ui_settings.aws.region, *old_profile = ui_settings.aws.profile;
	char *region = NULL, *profile = NULL, *now_r = NULL, *now_p = NULL, *before = NULL,
	     *after = NULL;
	int had, has, rr, rp;

	had = submit_settings_check(&before, &now_r, &now_p);
	rr =
	    dialog_prompt_line(w, _("AWS Region:"), now_r,
			       _("The Region for this session; empty: AWS_REGION or the profile's "
				 "region."),
			       &region);
	if (rr == PROMPT_ESC) {
		wiz_status(w, 0, _("AWS settings unchanged: %s"), before);
		goto out;
	}
	rp =
	    dialog_prompt_line(w, _("AWS profile:"), now_p,
			       _("The profile for this session; empty: no --profile (environment, "
				 "AWS_PROFILE)."),
			       &profile);
	if (rr != PROMPT_TEXT && rp != PROMPT_TEXT) {
		wiz_status(w, 0, _("AWS settings unchanged: %s"), before);
		goto out;
	}
	if (rr == PROMPT_TEXT)
		ui_settings.aws.region = *region ? region : NULL;
	if (rp == PROMPT_TEXT)
		ui_settings.aws.profile = *profile ? profile : NULL;
	has = submit_settings_check(&after, NULL, NULL);
	if (had >= 0 && (has < 0 || (had & ~has))) {
		ui_settings.aws.region = old_region;
		ui_settings.aws.profile = old_profile;
		if (has < 0)
			wiz_status(w, 1, _("Not changed (%s). Still in use: %s"), after, before);
		else
			wiz_status(w, 1,
				   _("Not changed: with these settings %s. Still in use: %s"),
				   (had & ~has) & SETTINGS_CREDENTIALS
				       ? _("no credentials are found (with a profile given, only "
					   "that profile's are used)")
				       : _("no AWS Region is set"),
				   before);
		goto out;
	}
	if (rr == PROMPT_TEXT) {
		free(w->settings.region);
		w->settings.region = region;
		region = NULL;
	}
	if (rp == PROMPT_TEXT) {
		free(w->settings.profile);
		w->settings.profile = profile;
		profile = NULL;
	}
	if (has < 0)
		wiz_status(w, 1, _("Changed, but these settings do not work either: %s"), after);
	else
		wiz_status(w, 0, _("AWS settings changed. Now in use: %s"), after);
	settings_refresh(w);
	screen_review_free(w); /* the review shows the settings: build it again */
out:
	free(region);
	free(profile);
	free(now_r);
	free(now_p);
	free(before);
	free(after);
}

void settings_release(struct wiz *w)
{
	submit_lines_free(w->settings.aws);
	free(w->settings.aws_missing);
	ui_settings.aws.region =
	    ui_settings.aws.region == w->settings.region ? NULL : ui_settings.aws.region;
	ui_settings.aws.profile =
	    ui_settings.aws.profile == w->settings.profile ? NULL : ui_settings.aws.profile;
	free(w->settings.region);
	free(w->settings.profile);
}
