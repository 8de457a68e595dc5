/* output.c - -o FILE written atomically: a hidden temporary file beside the
 * destination, renamed over it only when complete, and removed when the
 * process is interrupted (SIGINT, SIGTERM, SIGHUP). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* The one piece of process-wide state in the command: a signal handler can
 * reach nothing else. It holds the temporary file's name while one exists;
 * `armed` is set only once the name is complete. */
static char pending[4096];
static volatile sig_atomic_t armed;

static const int SIGNALS[] = {SIGINT, SIGTERM, SIGHUP};

static void on_signal(int sig)
{
    if (armed)
        unlink(pending); /* async-signal-safe */
    /* SA_RESETHAND restored the default action: raised again, the signal
     * ends the process as it would have, once this handler returns */
    raise(sig);
}

static void block_signals(sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    for (size_t i = 0; i < sizeof SIGNALS / sizeof SIGNALS[0]; i++)
        sigaddset(&set, SIGNALS[i]);
    pthread_sigmask(SIG_BLOCK, &set, old);
}

static void install_handlers(void)
{
    for (size_t i = 0; i < sizeof SIGNALS / sizeof SIGNALS[0]; i++) {
        struct sigaction old, sa;
        memset(&sa, 0, sizeof sa);
        if (sigaction(SIGNALS[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue; /* nohup and friends asked to ignore it: keep running */
        sa.sa_handler = on_signal;
        sa.sa_flags = SA_RESETHAND;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGNALS[i], &sa, NULL);
    }
}

static void arm(const char *tmp)
{
    sigset_t old;
    block_signals(&old);
    snprintf(pending, sizeof pending, "%s", tmp);
    armed = strlen(tmp) < sizeof pending;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}

bool po_cli_output_open(po_cli_output *out, const char *path)
{
    *out = (po_cli_output){stdout, path, NULL};
    if (!path)
        return true;
    const char *slash = strrchr(path, '/');
    size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dir_len;
    if (!*base) {
        po_cli_error("%s: names a folder, not a file", path);
        return false;
    }
    static const char SUFFIX[] = ".tmp";
    out->tmp = malloc(strlen(path) + 16);
    if (!out->tmp) {
        po_cli_error("%s: out of memory", path);
        return false;
    }
    sprintf(out->tmp, "%.*s.%s.XXXXXX%s", (int)dir_len, path, base, SUFFIX);
    install_handlers();
    /* blocked from before the file exists until its name is armed, so an
     * interrupt in between cannot leave it behind */
    sigset_t old;
    block_signals(&old);
    int fd = mkstemps(out->tmp, (int)strlen(SUFFIX));
    int err = errno;
    if (fd >= 0)
        arm(out->tmp);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (fd < 0) {
        po_cli_error("%s: %s", path, strerror(err));
        free(out->tmp);
        out->tmp = NULL;
        return false;
    }
    /* mkstemp makes the file private; the result should be like any other
     * file the user writes (0666 less the umask) */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    out->f = fdopen(fd, "wb");
    if (!out->f) {
        po_cli_error("%s: %s", path, strerror(errno));
        close(fd);
        po_cli_output_close(out, false);
        return false;
    }
    return true;
}

int po_cli_output_close(po_cli_output *out, bool keep)
{
    if (!out->path) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            po_cli_error("writing the output: %s", strerror(errno ? errno : EIO));
            return PO_EXIT_INPUT;
        }
        return PO_EXIT_OK;
    }
    int err = 0;
    if (out->f) {
        if (fflush(out->f) != 0 || ferror(out->f))
            err = errno ? errno : EIO;
        if (!err && keep && fsync(fileno(out->f)) != 0)
            err = errno;
        if (fclose(out->f) != 0 && !err)
            err = errno;
        out->f = NULL;
    }
    sigset_t old;
    block_signals(&old);
    if (keep && !err && rename(out->tmp, out->path) != 0)
        err = errno;
    if (!keep || err)
        unlink(out->tmp);
    armed = 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    free(out->tmp);
    out->tmp = NULL;
    if (keep && err) {
        po_cli_error("%s: %s", out->path, strerror(err));
        return PO_EXIT_INPUT;
    }
    return PO_EXIT_OK;
}
