/* main.c: the table of commands, the locale, and the exit: picks a command
 * (src/cli parses the command line) and returns its exit code; standard
 * output is checked when the program ends. */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#if HAVE_STDIO_EXT_H
#include <stdio_ext.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aws/http.h"
#include "cli/commands.h"
#include "base/util.h"

/* The commands, in the order --help lists them; the wizard runs when none
 * is named. One a line (clang-format would pack them into columns). */
/* clang-format off */
static const struct cmd_entry *const commands[] = {
    &cmd_validate_entry,
    &cmd_submit_entry,
    &cmd_status_entry,
    &cmd_cli_entry,
    &cmd_config_entry,
    &cmd_list_entry,
    &cmd_get_entry,
    &cmd_diff_entry,
    &cmd_update_entry,
    &cmd_delete_entry,
    &cmd_versions_entry,
    &cmd_endpoints_entry,
    &cmd_open_entry,
    &cmd_check_entry,
    &cmd_create_role_entry,
    &cmd_templates_entry,
    &cmd_new_entry,
    &cmd_template_entry,
    &cmd_wizard_entry,
    NULL,
};
/* clang-format on */

/* Standard output is checked at exit, but not after the wizard's screens:
 * curses writes the terminal itself, and a terminal gone away is the
 * wizard's to handle (it saves a draft). */
static int check_stdout;

/* At exit: what was written to standard output must have reached it
 * (`--help >/dev/full` is an error, as in GNU programs). */
static void close_stdout(void)
{
	int failed, closed, pending = 1;

	if (!check_stdout)
		return;
	failed = ferror(stdout);
#if HAVE___FPENDING
	pending = __fpending(stdout) != 0;
#endif
	errno = 0;
	closed = fclose(stdout) == 0;
	if (closed && !failed)
		return;
	if (!failed && !pending && errno == EBADF)
		return; /* started with standard output closed, and wrote nothing */
	if (errno)
		fprintf(stderr, "%s: %s: %s\n", PACKAGE_NAME, _("write error"), strerror(errno));
	else
		fprintf(stderr, "%s: %s\n", PACKAGE_NAME, _("write error"));
	_exit(EXIT_FATAL);
}

int main(int argc, char **argv)
{
	const struct cmd_entry *cmd;
	struct cmd_args a = {0};
	int ret;

	http_process_init();
	setlocale(LC_ALL, "");
#if ENABLE_NLS
	{
		const char *ld = getenv("AGENTCORE_WIZARD_LOCALEDIR");
		bindtextdomain(PACKAGE, ld && *ld ? ld : LOCALEDIR);
	}
	textdomain(PACKAGE);
#endif
	check_stdout = 1;
	atexit(close_stdout);
	if (getenv("NO_COLOR") && *getenv("NO_COLOR"))
		global_opts.no_color = 1;
	ret = cli_parse(commands, argc, argv, &cmd, &a);
	if (ret < 0) {
		check_stdout = !(cmd->flags & CMD_SCREEN) || cmd_has(&a, 'p');
		ret = cmd->exec(&a);
	}
	free(a.words);
	free(a.given);
	return ret;
}
