/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * What the fuzz targets share: a NUL-terminated copy of the input, and a private directory
 * for the parsers that read files (removed at exit).
 */
#ifndef PACKMIME_FUZZ_UTIL_H
#define PACKMIME_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* A NUL-terminated copy of data (the caller frees it). */
char* fuzz_text(const uint8_t* data, size_t size);

/* The process's private directory (created on first use). */
const char* fuzz_dir(void);

/* Write len bytes to fuzz_dir()/name; returns the path (static buffer) or NULL. */
const char* fuzz_write(const char* name, const void* bytes, size_t len);

/* Remove every regular file of fuzz_dir() (between inputs). */
void fuzz_clear(void);

#endif /* PACKMIME_FUZZ_UTIL_H */
