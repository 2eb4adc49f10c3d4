/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#include "pm-json.h"

#include "pm-text.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/** Parser state: the input, where we are, and the path of the value being read. */
typedef struct json_parser
{
    const char* s;
    size_t len;
    size_t pos;
    size_t line;
    const char* name;
    pm_json_doc* doc;
    pm_error* err;
    char* path; /* owned; path_len bytes used, NUL-terminated */
    size_t path_len;
    size_t path_cap;
} json_parser;

static int parse_value(json_parser* p, int depth);

/* Record a parse error at the current line. */
static int
fail(json_parser* p, const char* what)
{
    return pm_error_set(p->err, PM_EPARSE, "%s:%zu: %s", p->name, p->line, what);
}

/* Skip white space, counting lines. */
static void
skip_ws(json_parser* p)
{
    while (p->pos < p->len)
    {
        char c = p->s[p->pos];
        if (c == '\n')
        {
            p->line++;
        }
        else if (c != ' ' && c != '\t' && c != '\r')
        {
            return;
        }
        p->pos++;
    }
}

/* Next significant character (after white space), or '\0' at the end. */
static char
peek(json_parser* p)
{
    skip_ws(p);
    return p->pos < p->len ? p->s[p->pos] : '\0';
}

/* Append a string to the path. */
static int
path_push(json_parser* p, const char* add)
{
    size_t n = strlen(add);
    if (n > SIZE_MAX / 2 - p->path_len - 1)
    {
        return pm_error_set(p->err, PM_ENOMEM, "%s: path too long", p->name);
    }
    if (p->path_len + n + 1 > p->path_cap)
    {
        size_t cap = (p->path_len + n + 1) * 2;
        char* grown = realloc(p->path, cap);
        if (!grown)
        {
            return pm_error_set(p->err, PM_ENOMEM, "%s: out of memory", p->name);
        }
        p->path = grown;
        p->path_cap = cap;
    }
    memcpy(p->path + p->path_len, add, n + 1);
    p->path_len += n;
    return PM_OK;
}

/* Truncate the path back to `old` bytes. */
static void
path_pop(json_parser* p, size_t old)
{
    p->path_len = old;
    if (p->path)
    {
        p->path[old] = '\0';
    }
}

/* Append UTF-8 for code point cp to buf (room for 4 bytes); returns the bytes written. */
static size_t
utf8_encode(unsigned cp, char* buf)
{
    if (cp < 0x80)
    {
        buf[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800)
    {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    buf[0] = (char)(0xE0 | (cp >> 12));
    buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    buf[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* Read a string token (the opening quote is at pos) into a new NUL-terminated buffer. */
static int
parse_string(json_parser* p, char** out)
{
    *out = NULL;
    p->pos++; /* opening quote */
    size_t start = p->pos;
    while (p->pos < p->len && p->s[p->pos] != '"')
    {
        p->pos += (p->s[p->pos] == '\\') ? 2 : 1;
    }
    if (p->pos >= p->len)
    {
        return fail(p, "unterminated string");
    }
    /* Decoded text is never longer than the escaped text. */
    char* buf = malloc(p->pos - start + 1);
    if (!buf)
    {
        return pm_error_set(p->err, PM_ENOMEM, "%s: out of memory", p->name);
    }
    size_t n = 0;
    for (size_t i = start; i < p->pos; i++)
    {
        unsigned char c = (unsigned char)p->s[i];
        if (c < 0x20)
        {
            free(buf);
            return fail(p, "control character in a string (expected \\n, \\t, ... escapes)");
        }
        if (c != '\\')
        {
            buf[n++] = (char)c;
            continue;
        }
        char e = p->s[++i];
        const char* simple = strchr("\"\\/bfnrt", e);
        if (e != '\0' && simple)
        {
            buf[n++] = "\"\\/\b\f\n\r\t"[simple - "\"\\/bfnrt"];
            continue;
        }
        unsigned cp = 0;
        if (e != 'u' || p->pos - i < 5)
        {
            free(buf);
            return fail(
                p,
                "bad escape in a string (expected \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        }
        for (int k = 1; k <= 4; k++)
        {
            char h = p->s[i + k];
            int v = (h >= '0' && h <= '9')   ? h - '0'
                    : (h >= 'a' && h <= 'f') ? h - 'a' + 10
                    : (h >= 'A' && h <= 'F') ? h - 'A' + 10
                                             : -1;
            if (v < 0)
            {
                free(buf);
                return fail(p, "bad \\u escape (expected four hex digits)");
            }
            cp = cp * 16 + (unsigned)v;
        }
        i += 4;
        /* Surrogate halves are not characters on their own; they read as U+FFFD. */
        n += utf8_encode((cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFD : cp, buf + n);
    }
    buf[n] = '\0';
    p->pos++; /* closing quote */
    *out = buf;
    return PM_OK;
}

/* Add a leaf with the current path; takes ownership of text. */
static int
add_field(json_parser* p, pm_json_kind kind, double number, char* text)
{
    pm_json_doc* d = p->doc;
    if (d->count == d->capacity)
    {
        size_t cap = d->capacity ? d->capacity * 2 : 32;
        if (cap > SIZE_MAX / sizeof(*d->fields))
        {
            free(text);
            return pm_error_set(p->err, PM_ENOMEM, "%s: too many values", p->name);
        }
        pm_json_field* grown = realloc(d->fields, cap * sizeof(*d->fields));
        if (!grown)
        {
            free(text);
            return pm_error_set(p->err, PM_ENOMEM, "%s: out of memory", p->name);
        }
        d->fields = grown;
        d->capacity = cap;
    }
    char* path = malloc(p->path_len + 1);
    if (!path)
    {
        free(text);
        return pm_error_set(p->err, PM_ENOMEM, "%s: out of memory", p->name);
    }
    memcpy(path, p->path ? p->path : "", p->path_len + 1);
    d->fields[d->count++] = (pm_json_field){path, kind, number, text};
    return PM_OK;
}

/* Read a number token as JSON's grammar defines it. */
static int
parse_number(json_parser* p)
{
    size_t i = p->pos;
    const char* s = p->s;
    if (i < p->len && s[i] == '-')
    {
        i++;
    }
    size_t digits = i;
    while (i < p->len && s[i] >= '0' && s[i] <= '9')
    {
        i++;
    }
    int ok = i > digits && !(s[digits] == '0' && i - digits > 1);
    if (ok && i < p->len && s[i] == '.')
    {
        size_t frac = ++i;
        while (i < p->len && s[i] >= '0' && s[i] <= '9')
        {
            i++;
        }
        ok = i > frac;
    }
    if (ok && i < p->len && (s[i] == 'e' || s[i] == 'E'))
    {
        i++;
        if (i < p->len && (s[i] == '+' || s[i] == '-'))
        {
            i++;
        }
        size_t exp = i;
        while (i < p->len && s[i] >= '0' && s[i] <= '9')
        {
            i++;
        }
        ok = i > exp;
    }
    if (!ok || i - p->pos > 64)
    {
        return fail(p, "expected a value (number, string, object, array, true, false or null)");
    }
    char buf[72];
    memcpy(buf, s + p->pos, i - p->pos);
    buf[i - p->pos] = '\0';
    double v = strtod(buf, NULL);
    if (!isfinite(v))
    {
        return fail(p, "number out of range");
    }
    p->pos = i;
    return add_field(p, PM_JSON_NUMBER, v, NULL);
}

/* Read a literal word (true, false, null). */
static int
parse_word(json_parser* p)
{
    static const struct
    {
        const char* word;
        pm_json_kind kind;
        double value;
    } words[] = {{"true", PM_JSON_BOOL, 1}, {"false", PM_JSON_BOOL, 0}, {"null", PM_JSON_NULL, 0}};

    for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++)
    {
        size_t n = strlen(words[w].word);
        if (p->len - p->pos >= n && memcmp(p->s + p->pos, words[w].word, n) == 0)
        {
            p->pos += n;
            return add_field(p, words[w].kind, words[w].value, NULL);
        }
    }
    return parse_number(p);
}

/* Label of an array element: the first member's string value if the element is an object whose
 * first member is a string, else NULL (looks ahead without consuming). */
static char*
element_label(json_parser* p)
{
    json_parser look = *p;
    pm_error ignored;
    look.err = &ignored;
    char* key = NULL;
    char* label = NULL;
    if (peek(&look) != '{')
    {
        return NULL;
    }
    look.pos++;
    if (peek(&look) == '"' && parse_string(&look, &key) == PM_OK && peek(&look) == ':')
    {
        look.pos++;
        if (peek(&look) == '"' && parse_string(&look, &label) != PM_OK)
        {
            label = NULL;
        }
    }
    free(key);
    return label;
}

/* Parse the value of a member or element under path + before + name + after. */
static int
parse_child(json_parser* p, int depth, const char* before, const char* name, const char* after)
{
    size_t old = p->path_len;
    int rc = path_push(p, before);
    if (rc == PM_OK)
    {
        rc = path_push(p, name);
    }
    if (rc == PM_OK)
    {
        rc = path_push(p, after);
    }
    if (rc == PM_OK)
    {
        rc = parse_value(p, depth + 1);
    }
    path_pop(p, old);
    return rc;
}

/* After a member or element: *done = 1 at `close`, 0 after ','; else an error. */
static int
next_item(json_parser* p, char close, const char* expected, int* done)
{
    char c = peek(p);
    p->pos++;
    *done = c == close;
    return (c == close || c == ',') ? PM_OK : fail(p, expected);
}

/* Read an object (at '{'), each member under path.key. */
static int
parse_object(json_parser* p, int depth)
{
    p->pos++;
    if (peek(p) == '}')
    {
        p->pos++;
        return PM_OK;
    }
    for (int done = 0; !done;)
    {
        if (peek(p) != '"')
        {
            return fail(p, "expected a member name in double quotes");
        }
        char* key = NULL;
        int rc = parse_string(p, &key);
        if (rc == PM_OK && peek(p) != ':')
        {
            rc = fail(p, "expected ':' after a member name");
        }
        if (rc == PM_OK)
        {
            p->pos++;
            rc = parse_child(p, depth, p->path_len ? "." : "", key, "");
        }
        free(key);
        if (rc == PM_OK)
        {
            rc = next_item(p, '}', "expected ',' or '}' in an object", &done);
        }
        if (rc != PM_OK)
        {
            return rc;
        }
    }
    return PM_OK;
}

/* Read an array (at '['), element i under path[label] or path[i]. */
static int
parse_array(json_parser* p, int depth)
{
    p->pos++;
    if (peek(p) == ']')
    {
        p->pos++;
        return PM_OK;
    }
    int done = 0;
    for (size_t i = 0; !done; i++)
    {
        char index[32];
        snprintf(index, sizeof(index), "%zu", i);
        char* label = element_label(p);
        int rc = parse_child(p, depth, "[", label ? label : index, "]");
        free(label);
        if (rc == PM_OK)
        {
            rc = next_item(p, ']', "expected ',' or ']' in an array", &done);
        }
        if (rc != PM_OK)
        {
            return rc;
        }
    }
    return PM_OK;
}

/* Read any value at the current position. */
static int
parse_value(json_parser* p, int depth)
{
    if (depth > PM_JSON_MAX_DEPTH)
    {
        return fail(p, "nested deeper than 32 levels");
    }
    switch (peek(p))
    {
    case '{':
        return parse_object(p, depth);
    case '[':
        return parse_array(p, depth);
    case '"':
    {
        char* text = NULL;
        int rc = parse_string(p, &text);
        return rc == PM_OK ? add_field(p, PM_JSON_STRING, 0, text) : rc;
    }
    case '\0':
        return fail(p, "unexpected end of the document (expected a value)");
    default:
        return parse_word(p);
    }
}

int
pm_json_parse(const char* text, size_t len, const char* name, pm_json_doc* doc, pm_error* err)
{
    json_parser p = {text, len, 0, 1, name ? name : "<json>", doc, err, NULL, 0, 0};
    int rc = parse_value(&p, 0);
    if (rc == PM_OK && peek(&p) != '\0')
    {
        rc = fail(&p, "unexpected text after the document");
    }
    free(p.path);
    if (rc != PM_OK)
    {
        pm_json_free(doc);
    }
    return rc;
}

int
pm_json_read_file(const char* path, pm_json_doc* doc, pm_error* err)
{
    char* text = NULL;
    size_t len = 0;
    int rc = pm_text_read_file(path, &text, &len, err);
    if (rc == PM_OK)
    {
        rc = pm_json_parse(text, len, path, doc, err);
    }
    free(text);
    return rc;
}

const pm_json_field*
pm_json_find(const pm_json_doc* doc, const char* path)
{
    for (size_t i = 0; i < doc->count; i++)
    {
        if (strcmp(doc->fields[i].path, path) == 0)
        {
            return &doc->fields[i];
        }
    }
    return NULL;
}

void
pm_json_free(pm_json_doc* doc)
{
    for (size_t i = 0; i < doc->count; i++)
    {
        free(doc->fields[i].path);
        free(doc->fields[i].text);
    }
    free(doc->fields);
    *doc = (pm_json_doc){0};
}
