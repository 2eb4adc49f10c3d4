/*
 * SPDX-License-Identifier: GPL-2.0-only
 *
 * A small JSON reader for the tools that read the examples' summary.json: it flattens a
 * document into (path, value) fields. Paths join object keys with '.', and array elements
 * as "[i]" or, for an array of objects whose first member is a string, "[that string]":
 * {"buckets": [{"bucket": "<100KB", "flows": 3}]} gives buckets[<100KB].flows = 3.
 */
#ifndef PM_JSON_H
#define PM_JSON_H

#include "pm-error.h"

#include <stddef.h>

/** Kinds of leaf values. */
typedef enum pm_json_kind
{
    PM_JSON_NUMBER,
    PM_JSON_STRING,
    PM_JSON_BOOL,
    PM_JSON_NULL
} pm_json_kind;

/** One leaf of a document: its path and its value. */
typedef struct pm_json_field
{
    char* path; /* owned */
    pm_json_kind kind;
    double number; /* PM_JSON_NUMBER; 0/1 for PM_JSON_BOOL */
    char* text;    /* PM_JSON_STRING (owned, UTF-8); NULL otherwise */
} pm_json_field;

/** The leaves of a document in document order. */
typedef struct pm_json_doc
{
    pm_json_field* fields;
    size_t count;
    size_t capacity;
} pm_json_doc;

/** Deepest nesting accepted (deeper documents are an error, not a stack overflow). */
#define PM_JSON_MAX_DEPTH 32

/* Parse `len` bytes of JSON text into doc (zeroed by the caller); on error, a message with the
 * line and what was expected, and doc holds nothing. `name` (a file name) prefixes messages. */
int pm_json_parse(const char* text, size_t len, const char* name, pm_json_doc* doc, pm_error* err);

/* Read and parse a file (at most PM_TEXT_MAX_FILE bytes). */
int pm_json_read_file(const char* path, pm_json_doc* doc, pm_error* err);

/* The field with this path, or NULL. */
const pm_json_field* pm_json_find(const pm_json_doc* doc, const char* path);

/* Release what doc owns and zero it (accepts a zeroed doc). */
void pm_json_free(pm_json_doc* doc);

#endif /* PM_JSON_H */
