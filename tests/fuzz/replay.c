/* Replays a fuzz target's corpus (tests/fuzz/corpus/NAME/) without libFuzzer,
 * so make check runs every saved input through the target under the sanitizers. */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "fuzz.h"

int main(int argc, char **argv)
{
	const char *top = getenv("top_srcdir");
	const char *name = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	char *dir;
	DIR *d;
	struct dirent *e;
	int n = 0;

	if (!strncmp(name, "fuzz_", 5))
		name += 5;
	if (!strncmp(name, "lt-", 3))
		name += 3;
	dir = argc > 1 ? xstrdup(argv[1])
		       : xasprintf("%s/tests/fuzz/corpus/%s", top ? top : ".", name);
	d = opendir(dir);
	if (!d) {
		fprintf(stderr, "no corpus at %s\n", dir);
		free(dir);
		return 77;
	}
	while ((e = readdir(d))) {
		char *path, *buf = NULL, *cause = NULL;
		size_t len = 0;

		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (util_read_file(path, 4 * 1024 * 1024, &buf, &len, &cause) == 0) {
			LLVMFuzzerTestOneInput((const uint8_t *)buf, len);
			n++;
		}
		free(cause);
		free(buf);
		free(path);
	}
	closedir(d);
	printf("replayed %d inputs from %s\n", n, dir);
	free(dir);
	return n > 0 ? 0 : 1;
}
