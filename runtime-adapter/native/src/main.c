/* jcompose-shim: starts and monitors one container (run), enters one (exec), or is its init. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach.h"
#include "exec.h"
#include "init.h"
#include "run.h"

static int usage(void) {
  fputs("usage: jcompose-shim run --bundle DIR --state DIR [--stdin P] [--stdout P] [--stderr P] [--tty P]\n"
        "       jcompose-shim exec --state DIR [--env K=V]... [--user U] [--cwd DIR] [--timeout SECONDS] -- CMD...\n"
        "       jcompose-shim init -- CMD...   (also as jcompose-init CMD...)\n",
        stderr);
  return 2;
}

/* The streams an interactive run hands over; -1 when name is not one of them. */
static int attach_option(const char *name, const char *value) {
  if (strcmp(name, "--stdin") == 0) attached_stdio.in = value;
  else if (strcmp(name, "--stdout") == 0) attached_stdio.out = value;
  else if (strcmp(name, "--stderr") == 0) attached_stdio.err = value;
  else if (strcmp(name, "--tty") == 0) attached_stdio.tty = value;
  else return -1;
  return 0;
}

static int run_main(int argc, char **argv) {
  const char *bundle = NULL, *state = NULL;
  for (int i = 2; i + 1 < argc; i += 2) {
    if (strcmp(argv[i], "--bundle") == 0) bundle = argv[i + 1];
    else if (strcmp(argv[i], "--state") == 0) state = argv[i + 1];
    else if (attach_option(argv[i], argv[i + 1]) == 0) continue;
    else return usage();
  }
  if (bundle == NULL || state == NULL) return usage();
  return cmd_run(bundle, state);
}

static int exec_main(int argc, char **argv) {
  struct exec_options o = {0};
  char **env = calloc((size_t)argc, sizeof *env);
  int nenv = 0;
  o.env = env;
  for (int i = 2; i < argc; i++) {
    if (strcmp(argv[i], "--") == 0) {
      o.argv = argv + i + 1;
      break;
    }
    if (i + 1 >= argc) return usage();
    if (strcmp(argv[i], "--state") == 0) o.state_dir = argv[++i];
    else if (strcmp(argv[i], "--env") == 0) env[nenv++] = argv[++i];
    else if (strcmp(argv[i], "--user") == 0) o.user = argv[++i];
    else if (strcmp(argv[i], "--cwd") == 0) o.cwd = argv[++i];
    else if (strcmp(argv[i], "--timeout") == 0) o.timeout = atof(argv[++i]);
    else return usage();
  }
  if (o.state_dir == NULL || o.argv == NULL) return usage();
  return cmd_exec(&o);
}

int main(int argc, char **argv) {
  const char *base = strrchr(argv[0], '/');
  base = base ? base + 1 : argv[0];
  if (strcmp(base, "jcompose-init") == 0) {
    int skip = argc > 1 && strcmp(argv[1], "--") == 0;
    return cmd_init(argv + 1 + skip);
  }
  if (argc < 2) return usage();
  if (strcmp(argv[1], "run") == 0) return run_main(argc, argv);
  if (strcmp(argv[1], "exec") == 0) return exec_main(argc, argv);
  if (strcmp(argv[1], "init") == 0) {
    int skip = argc > 2 && strcmp(argv[2], "--") == 0;
    return cmd_init(argv + 2 + skip);
  }
  return usage();
}
