/* util.c: memory, strings, UTF-8 and files; see util.h. */
#include "config.h"

#include "base/util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define STRBUF_MAX ((size_t)64 * 1024 * 1024)

static void (*fatal_hook)(void);

void util_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

_Noreturn void util_fatal(const char *fmt, ...)
{
	va_list ap;

	if (fatal_hook)
		fatal_hook();
	fprintf(stderr, "%s: ", PACKAGE_NAME);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_FATAL);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		util_fatal(_("out of memory (%zu bytes)"), n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		util_fatal(_("out of memory"));
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		util_fatal(_("out of memory (%zu bytes)"), n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *p;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		util_fatal(_("bad format string"));
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void strbuf_add(struct strbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;

		while (cap < b->len + n + 1)
			cap *= 2;
		if (cap > STRBUF_MAX)
			util_fatal(_("text too large (over %zu bytes)"), STRBUF_MAX);
		b->s = xrealloc(b->s, cap);
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void strbuf_adds(struct strbuf *b, const char *s)
{
	strbuf_add(b, s, strlen(s));
}

void strbuf_addc(struct strbuf *b, char c)
{
	strbuf_add(b, &c, 1);
}

void strbuf_addf(struct strbuf *b, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_adds(b, p);
	free(p);
}

char *strbuf_finish(struct strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");

	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void strbuf_release(struct strbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

size_t utf8_decode(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t len, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, *cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, *cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, *cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && *cp < 0x800) || (len == 4 && (*cp < 0x10000 || *cp > 0x10ffff)) ||
	    (*cp >= 0xd800 && *cp <= 0xdfff))
		return 0;
	return len;
}

/* Length of the UTF-8 sequence at s (at most n bytes), 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned long cp;

	return utf8_decode(s, n, &cp);
}

size_t utf8_length(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, count = 0, l;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
		} else {
			l = utf8_seq(p + i, n - i);
			if (!l)
				return (size_t)-1;
			i += l;
		}
		count++;
	}
	return count;
}

size_t utf8_offset(const char *s, size_t n, size_t chars)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, l;

	while (i < n && chars > 0) {
		l = utf8_seq(p + i, n - i);
		i += l ? l : 1;
		chars--;
	}
	return i < n ? i : n;
}

char *utf8_scrub(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	struct strbuf b = {0};
	size_t n = strlen(s), i = 0, l;

	while (i < n) {
		l = p[i] < 0x80 ? 1 : utf8_seq(p + i, n - i);
		if (l)
			strbuf_add(&b, s + i, l);
		else
			strbuf_adds(&b, "\xef\xbf\xbd");
		i += l ? l : 1;
	}
	return strbuf_finish(&b);
}

int util_read_fd(int fd, const char *name, size_t cap, char **out, size_t *len, char **cause)
{
	struct strbuf b = {0};
	char chunk[65536];
	ssize_t r;

	*out = NULL;
	for (;;) {
		r = read(fd, chunk, sizeof chunk);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*cause = xasprintf(_("cannot read %s: %s"), name, strerror(errno));
			goto fail;
		}
		if (r == 0)
			break;
		if (b.len + (size_t)r > cap) {
			*cause = xasprintf(_("%s is larger than %zu KiB: refusing to read it"),
					   name, cap / 1024);
			goto fail;
		}
		strbuf_add(&b, chunk, (size_t)r);
	}
	if (len)
		*len = b.len;
	*out = strbuf_finish(&b);
	return 0;
fail:
	strbuf_release(&b);
	return -1;
}

/* The null device reads as an empty file: AWS_CONFIG_FILE=/dev/null is the
 * usual way to say "no config file", and the AWS CLI takes it so. */
static int null_device(const struct stat *st)
{
	struct stat null;

	return S_ISCHR(st->st_mode) && stat("/dev/null", &null) == 0 && S_ISCHR(null.st_mode) &&
	       st->st_rdev == null.st_rdev;
}

int util_read_file(const char *path, size_t cap, char **out, size_t *len, char **cause)
{
	int fd, flags, ret;
	struct stat st;

	*out = NULL;
	/* O_NONBLOCK: opening a named pipe must not wait for a writer */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		*cause = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		*cause = xasprintf(_("cannot read %s: %s"), path, strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		*cause = xasprintf(_("%s is a directory, not a file"), path);
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode) && !null_device(&st)) {
		*cause = xasprintf(_("%s is not a regular file: expected a file, not a pipe, "
				     "a device or a socket"),
				   path);
		close(fd);
		return -1;
	}
	flags = fcntl(fd, F_GETFL);
	if (flags >= 0)
		(void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	ret = util_read_fd(fd, path, cap, out, len, cause);
	close(fd);
	return ret;
}

/* The file that path names in the end: path itself, or, when it is a
 * symbolic link, the file the chain of links leads to (which need not
 * exist yet), so that a save writes through the link as editors do and the
 * link stays a link. Caller frees. */
static char *final_target(const char *path)
{
	char *cur = xstrdup(path);
	int hops;

	for (hops = 0; hops < 40; hops++) {
		struct stat st;
		char buf[4096], *next;
		ssize_t n;

		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			break;
		n = readlink(cur, buf, sizeof buf - 1);
		if (n <= 0)
			break;
		buf[n] = '\0';
		if (buf[0] == '/') {
			next = xstrdup(buf);
		} else {
			char *copy = xstrdup(cur);

			next = xasprintf("%s/%s", dirname(copy), buf);
			free(copy);
		}
		free(cur);
		cur = next;
	}
	return cur; /* a loop of links: rename then fails and says so */
}

/* Is name "BASE.tmp.XXXXXX", what mkstemp makes of our template? */
static int our_temporary(const char *name, const char *base)
{
	size_t n = strlen(base), i;

	if (strncmp(name, base, n) || strncmp(name + n, ".tmp.", 5))
		return 0;
	for (i = 0; i < 6; i++) {
		char c = name[n + 5 + i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return 0;
	}
	return name[n + 11] == '\0';
}

/* Do fd and path name the same file? */
static int same_file(int fd, const char *path)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && lstat(path, &b) == 0 && a.st_dev == b.st_dev &&
	       a.st_ino == b.st_ino;
}

/* Remove what an earlier save of base, in folder dir, left behind when it
 * was killed: our temporary files (exactly BASE.tmp.XXXXXX, regular files
 * of ours) that no save holds. A save holds an exclusive lock on its
 * temporary file from before it writes until it has renamed it, so a
 * temporary file that can be locked is a dead save's; a lock that is won
 * in the instant between another save's mkstemp and its lock is noticed by
 * that save, which starts again with a new file (util_write_atomic). */
static void remove_leftovers(const char *dir, const char *base)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d))) {
		struct stat st;
		char *p;
		int fd;

		if (!our_temporary(e->d_name, base))
			continue;
		p = xasprintf("%s/%s", dir, e->d_name);
		fd = open(p, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    st.st_uid == geteuid() && flock(fd, LOCK_EX | LOCK_NB) == 0 &&
		    same_file(fd, p))
			unlink(p);
		if (fd >= 0)
			close(fd); /* and the lock with it */
		free(p);
	}
	closedir(d);
}

/* A new temporary file beside target, locked (remove_leftovers); -1 with
 * errno when it cannot be made. *tmp is set (caller frees). */
static int locked_temporary(const char *target, char **tmp)
{
	int tries, fd = -1;

	for (tries = 0; tries < 100; tries++) {
		int r;

		*tmp = xasprintf("%s.tmp.XXXXXX", target);
		fd = mkstemp(*tmp);
		if (fd < 0)
			return -1;
		while ((r = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
			;
		if (r == 0 && same_file(fd, *tmp))
			return fd;
		close(fd); /* taken for a leftover in the meantime: another one */
		free(*tmp);
		*tmp = NULL;
	}
	errno = EAGAIN;
	return -1;
}

static int write_all(int fd, const char *data, size_t len)
{
	size_t off = 0;
	ssize_t w;

	while (off < len) {
		w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		off += (size_t)w;
	}
	return 0;
}

/* util_write_atomic and util_write_atomic_nofollow; follow: write through a
 * symbolic link at path rather than replace it. */
static int write_atomic(const char *path, const char *data, size_t len, mode_t mode, int follow,
			char **cause)
{
	char *target = follow ? final_target(path) : xstrdup(path), *copy = xstrdup(target);
	char *base = xstrdup(target);
	char *dir = dirname(copy), *tmp = NULL;
	int fd, dfd, ret = -1;

	remove_leftovers(dir, basename(base));
	fd = locked_temporary(target, &tmp);
	if (fd < 0) {
		*cause = xasprintf(_("cannot create a file in %s: %s"), dir, strerror(errno));
		goto out;
	}
	if (fchmod(fd, mode) != 0) {
		*cause = xasprintf(_("cannot set the mode of %s: %s"), tmp, strerror(errno));
		goto fail;
	}
	if (write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		goto fail;
	}
	/* renamed while still locked, so that no other save takes it for a
	 * leftover; written and flushed, so a failing close loses nothing */
	if (rename(tmp, target) != 0) {
		*cause = xasprintf(_("cannot replace %s: %s"), path, strerror(errno));
		goto fail;
	}
	close(fd);
	dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	ret = 0;
	goto out;
fail:
	unlink(tmp);
	close(fd);
out:
	free(tmp);
	free(copy);
	free(base);
	free(target);
	return ret;
}

int util_write_atomic(const char *path, const char *data, size_t len, mode_t mode, char **cause)
{
	return write_atomic(path, data, len, mode, 1, cause);
}

int util_write_atomic_nofollow(const char *path, const char *data, size_t len, mode_t mode,
			       char **cause)
{
	return write_atomic(path, data, len, mode, 0, cause);
}

int util_mkdir_p(const char *path, mode_t mode, char **cause)
{
	char *p = xstrdup(path), *s;
	int ret = 0;

	for (s = p + 1;; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;

			*s = '\0';
			if (mkdir(p, mode) != 0 && errno != EEXIST) {
				*cause = xasprintf(_("cannot create folder %s: %s"), p,
						   strerror(errno));
				ret = -1;
				break;
			}
			*s = c;
			if (c == '\0')
				break;
		}
	}
	free(p);
	return ret;
}

char *util_shell_quote(const char *s)
{
	struct strbuf b = {0};

	strbuf_addc(&b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			strbuf_adds(&b, "'\\''");
		else
			strbuf_addc(&b, *s);
	}
	strbuf_addc(&b, '\'');
	return strbuf_finish(&b);
}

double util_monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int util_pathcmp(const char *a, const char *b)
{
	while (*a && *b) {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			const char *x = a, *y = b;
			size_t la, lb;

			while (*a == '0' && isdigit((unsigned char)a[1]))
				a++;
			while (*b == '0' && isdigit((unsigned char)b[1]))
				b++;
			for (x = a; isdigit((unsigned char)*x); x++)
				;
			for (y = b; isdigit((unsigned char)*y); y++)
				;
			la = (size_t)(x - a);
			lb = (size_t)(y - b);
			if (la != lb)
				return la < lb ? -1 : 1;
			for (; a < x; a++, b++)
				if (*a != *b)
					return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
			continue;
		}
		if (*a != *b)
			break;
		a++;
		b++;
	}
	return (unsigned char)*a - (unsigned char)*b;
}
