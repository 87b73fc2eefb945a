/* newrole.h: the execution roles `create-role` made lately, so that a
 * `submit` of a form naming one waits out IAM's delay in making it usable
 * (runtime_progress.new_role), as the wizard does for a role it made.
 *
 * Owner: src/cli. Kept as lines "EPOCH ARN" in
 * $XDG_STATE_HOME/agentcore-wizard/new-roles (else
 * ~/.local/state/agentcore-wizard/), mode 0600; lines older than
 * NEWROLE_WINDOW seconds are dropped when one is added. Nothing is
 * returned to free. */
#ifndef ACW_NEWROLE_H
#define ACW_NEWROLE_H

#define NEWROLE_WINDOW 900 /* seconds a made role counts as new */

/* Note that arn was just made. Failing to note it only loses the wait. */
void newrole_note(const char *arn);
/* 1 when arn was noted within NEWROLE_WINDOW seconds, else 0. */
int newrole_recent(const char *arn);

#endif
