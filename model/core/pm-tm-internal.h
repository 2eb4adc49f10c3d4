/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * What the two trace formats share (pm-tm.c) and what each provides (pm-tm-binary.c,
 * pm-tm-text.c): internal to the C core, not installed.
 */
#ifndef PM_TM_INTERNAL_H
#define PM_TM_INTERNAL_H

#include "pm-tm.h"

#include <stdio.h>

/** One matrix of the trace. */
typedef struct tm_entry
{
    int64_t time;
    uint64_t seek; /* binary: record offset in the data file */
    uint64_t size; /* binary: record length */
    char* path;    /* text: the matrix file */
} tm_entry;

struct pm_tm
{
    int text;
    char* source;  /* PREFIX.data or DIR, for messages */
    FILE* data;    /* binary data file */
    size_t n;      /* ToRs */
    size_t count;  /* matrices */
    tm_entry* e;   /* sorted by time */
    float* buffer; /* N*N floats for reading records */
};

/* "a" + "b" in a new string (NULL when out of memory). */
char* pm_tm_concat(const char* a, const char* b);

/* dir + "/" + name in a new string, without a doubled slash (NULL when out of memory). */
char* pm_tm_join_path(const char* dir, const char* name);

/* Sort the entries by time and reject duplicate keys. */
int pm_tm_sort_entries(pm_tm* tm, pm_error* err);

/* Allocate the N*N read buffer once N is known. */
int pm_tm_alloc_buffer(pm_tm* tm, pm_error* err);

/* Check one demand value; `where` names it. */
int pm_tm_check_value(float v, const char* where, size_t s, size_t d, pm_error* err);

/* Read the binary record of entry e into m[N*N] (diagonal zeroed, values checked). */
int pm_tm_read_binary_record(pm_tm* tm, const tm_entry* e, float* m, pm_error* err);

/* Read the text matrix file of entry e into m[N*N] (diagonal zeroed, values checked). */
int pm_tm_read_text_matrix(const pm_tm* tm, const tm_entry* e, float* m, pm_error* err);

#endif /* PM_TM_INTERNAL_H */
