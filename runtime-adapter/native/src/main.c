/* jcompose-shim: starts and monitors one container (run), enters one (exec), or is its init. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exec.h"
#include "init.h"
#include "run.h"
#include "spawner.h"

static int usage(void) {
  fputs("usage: jcompose-shim run --bundle DIR --state DIR [--stdin P] [--stdout P] [--stderr P] [--tty P]\n"
        "       jcompose-shim exec --state DIR [--tty] [--env K=V]... [--user U] [--cwd DIR] [--timeout SECONDS] -- CMD...\n"
        "       jcompose-shim spawner --socket PATH   (forks `run` monitors on request)\n"
        "       jcompose-shim init -- CMD...   (also as jcompose-init CMD...)\n",
        stderr);
  return 2;
}

static int run_main(int argc, char **argv) {
  const char *bundle, *state;
  if (run_parse_args(argc, argv, 2, &bundle, &state) < 0) return usage();
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
    if (strcmp(argv[i], "--tty") == 0) {
      o.tty = 1;
      continue;
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
  if (strcmp(argv[1], "spawner") == 0 && argc == 4 && strcmp(argv[2], "--socket") == 0)
    return cmd_spawner(argv[3], argc, argv);
  if (strcmp(argv[1], "init") == 0) {
    int skip = argc > 2 && strcmp(argv[2], "--") == 0;
    return cmd_init(argv + 2 + skip);
  }
  return usage();
}
