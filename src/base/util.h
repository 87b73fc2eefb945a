/* util.h: memory, strings, UTF-8, files and exit codes shared by every module.
 *
 * Owner: the core. Nothing here includes curses, libcurl, OpenSSL or cJSON.
 * Allocation never returns NULL: failure goes through util_fatal(), which first
 * runs the hook a front end registered (the curses UI restores the terminal). */
#ifndef ACW_UTIL_H
#define ACW_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <sys/types.h>

#include "base/i18n.h"

/* Exit codes of every command; README.md and the man page list them. */
enum exit_code {
	EXIT_OK = 0,        /* success */
	EXIT_INVALID = 1,   /* a form failed validation */
	EXIT_USAGE = 2,     /* bad arguments, unreadable or malformed file */
	EXIT_CONFIG = 3,    /* credentials, region or other configuration problem */
	EXIT_SERVICE = 4,   /* network failure or an error answered by the service */
	EXIT_FAILED = 5,    /* the runtime reached a failed status (CREATE_FAILED ...) */
	EXIT_CANCELLED = 6, /* interrupted by the user (Ctrl-C, Esc) */
	EXIT_FATAL = 70,    /* out of memory, or standard output not written (util_fatal) */
};

/* Hard caps on everything that grows from outside input. */
/* UTIL_SANITIZED: 1 in a build with AddressSanitizer, ThreadSanitizer or
 * MemorySanitizer (gcc or clang), else 0: such a build keeps the
 * sanitizer's own signal handlers and interposed symbols. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define UTIL_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define UTIL_SANITIZED 1
#endif
#endif
#ifndef UTIL_SANITIZED
#define UTIL_SANITIZED 0
#endif

#define UTIL_FORM_FILE_MAX   (1024 * 1024) /* form files: 1 MiB */
#define UTIL_CONFIG_FILE_MAX (1024 * 1024)

/* Register a function run before util_fatal prints (restores the terminal). */
void util_set_fatal_hook(void (*hook)(void));
/* Print "agentcore-wizard: MESSAGE" and exit(EXIT_FATAL). Never returns. */
_Noreturn void util_fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Allocation wrappers: never return NULL. Caller frees with free(). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Growable string with a hard cap of 64 MiB (util_fatal past it). */
struct strbuf {
	char *s;
	size_t len, cap;
};
void strbuf_add(struct strbuf *b, const char *s, size_t n);
void strbuf_adds(struct strbuf *b, const char *s);
void strbuf_addc(struct strbuf *b, char c);
void strbuf_addf(struct strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Return the string (caller frees) and reset the buffer; never NULL. */
char *strbuf_finish(struct strbuf *b);
void strbuf_release(struct strbuf *b);

/* The code point of the valid UTF-8 sequence at s (n bytes left, n >= 1)
 * in *cp, and its length; 0 when s does not start one (overlong forms,
 * surrogates and code points past U+10FFFF are not valid). */
size_t utf8_decode(const unsigned char *s, size_t n, unsigned long *cp);
/* Number of characters (code points) in a UTF-8 string, or (size_t)-1 when the
 * bytes are not valid UTF-8. */
size_t utf8_length(const char *s, size_t n);
/* strcmp for member paths, with runs of digits compared as numbers:
 * "subnets[2]" before "subnets[10]". */
int util_pathcmp(const char *a, const char *b);
/* Byte offset of the character number `chars` (clamped to n). */
size_t utf8_offset(const char *s, size_t n, size_t chars);
/* A copy of s in which each byte that is not part of valid UTF-8 is U+FFFD,
 * for output that must be UTF-8 (JSON). Caller frees. */
char *utf8_scrub(const char *s);

/* Read a whole regular file into a NUL-terminated buffer (caller frees *out).
 * Returns 0, or -1 with *cause set (caller frees): unreadable, a directory,
 * not a regular file (a named pipe, a device, a socket: refused at once,
 * never waited on; the null device reads as empty), or larger than cap
 * ("is larger than 1024 KiB"). */
int util_read_file(const char *path, size_t cap, char **out, size_t *len, char **cause);
/* Read fd to its end in the same way, whatever it is (standard input may be
 * a pipe or a terminal); name is for messages ("standard input"). */
int util_read_fd(int fd, const char *name, size_t cap, char **out, size_t *len, char **cause);

/* Write data to path atomically: a temporary file PATH.tmp.XXXXXX in the same
 * folder, written, flushed, fsync'd, given `mode`, then renamed over path (and
 * the folder fsync'd). When path is a symbolic link, the file it leads to is
 * written (its temporary file beside it) and the link stays. Temporary files
 * of earlier saves of the same file that were killed midway are removed
 * first; those of saves still under way (which hold a lock on them) are
 * not. Returns 0, or -1 with *cause set; the old file is then untouched. */
int util_write_atomic(const char *path, const char *data, size_t len, mode_t mode, char **cause);
/* The same, but a symbolic link at path is replaced by the file, never
 * followed (for files in a folder of the program's own, such as drafts). */
int util_write_atomic_nofollow(const char *path, const char *data, size_t len, mode_t mode,
			       char **cause);

/* Create a folder and its parents with `mode` (existing ones are kept). */
int util_mkdir_p(const char *path, mode_t mode, char **cause);

/* Quote s for a POSIX shell (single quotes). Caller frees. */
char *util_shell_quote(const char *s);

/* Seconds since the epoch as a double, from CLOCK_MONOTONIC (for timing). */
double util_monotonic(void);

#endif
