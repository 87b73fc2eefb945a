/* checks_image.c: the container image: in this Region and account, the tag
 * or digest exists, built for linux/arm64, within the size limit; a tag
 * that moves (or none) is a warning that offers the digest. */
#include "config.h"

#include "aws/checks_int.h"

void checks_image(struct check_ctx *c)
{
	(void)c;
}
