/*
 * SPDX-License-Identifier: GPL-2.0-only
 */
#define _DEFAULT_SOURCE
#include "fuzz-util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir_path[64];

/* Remove the private directory at exit. */
static void
remove_dir(void)
{
    fuzz_clear();
    rmdir(dir_path);
}

char*
fuzz_text(const uint8_t* data, size_t size)
{
    char* s = malloc(size + 1);
    if (s)
    {
        memcpy(s, data, size);
        s[size] = '\0';
    }
    return s;
}

const char*
fuzz_dir(void)
{
    if (!dir_path[0])
    {
        /* tmpfs when there is one: the file-reading targets write every input. */
        struct stat st;
        const char* base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) ? "/dev/shm" : "/tmp";
        snprintf(dir_path, sizeof(dir_path), "%s/packmime-fuzz-XXXXXX", base);
        if (!mkdtemp(dir_path))
        {
            abort();
        }
        atexit(remove_dir);
    }
    return dir_path;
}

const char*
fuzz_write(const char* name, const void* bytes, size_t len)
{
    static char path[128];
    snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), name);
    FILE* f = fopen(path, "wb");
    if (!f)
    {
        return NULL;
    }
    size_t wrote = fwrite(bytes, 1, len, f);
    return fclose(f) == 0 && wrote == len ? path : NULL;
}

void
fuzz_clear(void)
{
    DIR* d = opendir(fuzz_dir());
    struct dirent* e;
    while (d && (e = readdir(d)) != NULL)
    {
        if (e->d_name[0] != '.')
        {
            char path[512];
            snprintf(path, sizeof(path), "%s/%s", dir_path, e->d_name);
            unlink(path);
        }
    }
    if (d)
    {
        closedir(d);
    }
}
