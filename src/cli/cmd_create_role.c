/* cmd_create_role.c: `agentcore-wizard create-role [--name NAME] [--dry-run]
 * [--yes] FORM`. */
#include "config.h"

#include "base/util.h"
#include "cli/commands.h"

int cmd_create_role(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return usage_error(_("create-role: not yet available"));
}
