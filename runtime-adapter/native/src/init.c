#include "init.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "container.h"
#include "error.h"

extern char **environ;

int cmd_init(char **argv) {
  if (argv[0] == NULL) {
    fprintf(stderr, "jcompose-init: no command given\n");
    return 2;
  }
  sigset_t all, old;
  sigfillset(&all);
  sigprocmask(SIG_BLOCK, &all, &old);
  pid_t child = fork();
  if (child < 0) {
    perror("jcompose-init: fork");
    return 1;
  }
  if (child == 0) {
    sigprocmask(SIG_SETMASK, &old, NULL);
    /* Its own process group, so a terminal's signals go to it, not to init. */
    setpgid(0, 0);
    char line[1200];
    exec_in_path(argv, environ);
    shim_error_line(line, sizeof line);
    fprintf(stderr, "jcompose-init: %s\n", line);
    _exit(shim_last_error.err == 0 || shim_last_error.err == ENOENT ? 127 : 126);
  }
  for (;;) {
    siginfo_t info;
    int sig = sigwaitinfo(&all, &info);
    if (sig < 0) continue;
    if (sig != SIGCHLD) {
      kill(child, sig);
      continue;
    }
    int status;
    pid_t p;
    while ((p = waitpid(-1, &status, WNOHANG)) > 0) {
      if (p == child) {
        /* Orphans still running die with PID 1; zombies already exited were reaped above. */
        while (waitpid(-1, NULL, WNOHANG) > 0) {
        }
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
    }
  }
}
