/* Files in the container's state directory, each written atomically (temp file, fsync, rename). */
#ifndef SHIM_STATE_H
#define SHIM_STATE_H

#include <stddef.h>
#include <time.h>

/* Writes content to dir/name through dir/.name.tmp, fsyncs it, renames it and fsyncs dir. */
int state_write(const char *dir, const char *name, const char *content);

/* Like state_write, without the fsyncs: for facts about live processes (a pid), which a power
 * loss makes meaningless anyway; the rename still keeps readers from seeing half a file. */
int state_write_volatile(const char *dir, const char *name, const char *content);

/* Like state_write_volatile, only when the content differs (or the file is missing). */
int state_write_volatile_if_changed(const char *dir, const char *name, const char *content);

/* Reads dir/name into buf (NUL-terminated); -1 with shim_last_error when missing. */
int state_read(const char *dir, const char *name, char *buf, size_t len);

/* RFC 3339 UTC time with nanoseconds: 2024-01-02T03:04:05.123456789Z. */
void format_time(const struct timespec *ts, char *buf, size_t len);

#endif
