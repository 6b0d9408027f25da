/* How long moving a fresh child into the seven v1 cgroups of a container takes, two ways:
 * the parent writes the child's pid to each cgroup.procs (the shim's old way), or the child
 * writes "0" to each tasks file (its way now). Needs root and a v1/hybrid host.
 * Build and run: cc -O2 -o /tmp/cgroup-attach bench/runtime/cgroup-attach.c && /tmp/cgroup-attach 40 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static const char *controllers[] = {"cpuset", "memory", "devices", "cpu", "freezer", "pids", "cpuacct"};
#define N_CONTROLLERS 7

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static void write_file(const char *path, const char *text) {
  int fd = open(path, O_WRONLY);
  if (fd < 0 || write(fd, text, strlen(text)) < 0) {
    perror(path);
    exit(1);
  }
  close(fd);
}

static void copy_file(const char *from, const char *to) {
  char buf[256] = "";
  int fd = open(from, O_RDONLY);
  ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
  if (n < 0) {
    perror(from);
    exit(1);
  }
  close(fd);
  buf[n] = '\0';
  write_file(to, buf);
}

static int by_value(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  int runs = argc > 1 ? atoi(argv[1]) : 40;
  if (runs < 1 || runs > 1000) runs = 40;
  char path[256], cg[64];
  snprintf(cg, sizeof cg, "jcompose-bench-%d", (int)getpid());
  for (int i = 0; i < N_CONTROLLERS; i++) {
    snprintf(path, sizeof path, "/sys/fs/cgroup/%s/%s", controllers[i], cg);
    if (mkdir(path, 0755) < 0) {
      perror(path);
      return 1;
    }
  }
  char from[256], to[256];
  for (int k = 0; k < 2; k++) {
    const char *file = k ? "cpuset.mems" : "cpuset.cpus";
    snprintf(from, sizeof from, "/sys/fs/cgroup/cpuset/%s", file);
    snprintf(to, sizeof to, "/sys/fs/cgroup/cpuset/%s/%s", cg, file);
    copy_file(from, to);
  }
  double *took[2] = {calloc((size_t)runs, sizeof(double)), calloc((size_t)runs, sizeof(double))};
  for (int r = 0; r < runs; r++) {
    for (int way = 0; way < 2; way++) {
      int go[2], result[2];
      if (pipe(go) < 0 || pipe(result) < 0) return 1;
      pid_t child = fork();
      if (child == 0) {
        char c;
        if (way == 1) {
          double t0 = now_ms();
          for (int i = 0; i < N_CONTROLLERS; i++) {
            snprintf(path, sizeof path, "/sys/fs/cgroup/%s/%s/tasks", controllers[i], cg);
            write_file(path, "0");
          }
          double t = now_ms() - t0;
          if (write(result[1], &t, sizeof t) != sizeof t) _exit(1);
          _exit(0);
        }
        if (read(go[0], &c, 1) != 1) _exit(1);
        _exit(0);
      }
      if (way == 0) {
        char pid[32];
        snprintf(pid, sizeof pid, "%d", (int)child);
        double t0 = now_ms();
        for (int i = 0; i < N_CONTROLLERS; i++) {
          snprintf(path, sizeof path, "/sys/fs/cgroup/%s/%s/cgroup.procs", controllers[i], cg);
          write_file(path, pid);
        }
        took[0][r] = now_ms() - t0;
        if (write(go[1], "G", 1) != 1) return 1;
      } else if (read(result[0], &took[1][r], sizeof(double)) != sizeof(double)) {
        return 1;
      }
      waitpid(child, NULL, 0);
      close(go[0]);
      close(go[1]);
      close(result[0]);
      close(result[1]);
      usleep(30000);
    }
  }
  const char *names[2] = {"parent writes the pid to cgroup.procs", "child writes 0 to tasks"};
  for (int way = 0; way < 2; way++) {
    qsort(took[way], (size_t)runs, sizeof(double), by_value);
    printf("%-40s median %.3f ms, p10 %.3f ms, p90 %.3f ms (%d runs)\n", names[way], took[way][runs / 2],
           took[way][runs / 10], took[way][runs * 9 / 10], runs);
  }
  for (int i = 0; i < N_CONTROLLERS; i++) {
    snprintf(path, sizeof path, "/sys/fs/cgroup/%s/%s", controllers[i], cg);
    rmdir(path);
  }
  return 0;
}
