/* SeccompIT's probe: tries calls Docker's default seccomp profile refuses, each in a child of its
 * own (a call that succeeds must not change the probe), and prints "name=errno" (0 = allowed). */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/personality.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static long try_unshare_user(void) { return syscall(SYS_unshare, CLONE_NEWUSER); }
static long try_add_key(void) { return syscall(SYS_add_key, "user", "probe", "v", 1, -2); }
static long try_clone3(void) { return syscall(SYS_clone3, NULL, 0); }
static long try_io_uring(void) { return syscall(SYS_io_uring_setup, 1, NULL); }
static long try_persona_query(void) { return syscall(SYS_personality, 0xffffffffUL); }
static long try_persona_no_aslr(void) { return syscall(SYS_personality, (unsigned long)ADDR_NO_RANDOMIZE); }
static long try_socket_vsock(void) { return socket(40, SOCK_STREAM, 0); }
static long try_clone_newuser(void) {
  long pid = syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, 0, 0, 0, 0);
  if (pid == 0) _exit(0);
  return pid < 0 ? -1 : 0;
}
static long try_i386_unshare(void) {
#ifdef __x86_64__
  long ret;
  /* The 32-bit entry: unshare is 310 there. A filter that checks only x86_64 numbers misses it. */
  __asm__ volatile("int $0x80" : "=a"(ret) : "a"(310L), "b"((long)CLONE_NEWUSER) : "memory");
  if (ret < 0) {
    errno = (int)-ret;
    return -1;
  }
  return ret;
#else
  errno = ENOSYS;
  return -1;
#endif
}

static long try_x32_move_pages(void) {
#ifdef __x86_64__
  /* The x32 entry: move_pages has a number of its own there (533), not the x86_64 one (279). */
  return syscall(0x40000000L | 533, 0, 0L, NULL, NULL, NULL, 0);
#else
  errno = ENOSYS;
  return -1;
#endif
}

static void probe(const char *name, long (*call)(void)) {
  fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) _exit(call() < 0 ? errno : 0);
  int status = 0;
  waitpid(pid, &status, 0);
  printf("%s=%d\n", name, WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

int main(void) {
  probe("unshare_user", try_unshare_user);
  probe("clone_newuser", try_clone_newuser);
  probe("clone3", try_clone3);
  probe("add_key", try_add_key);
  probe("io_uring_setup", try_io_uring);
  probe("personality_query", try_persona_query);
  probe("personality_no_aslr", try_persona_no_aslr);
  probe("socket_vsock", try_socket_vsock);
  probe("i386_unshare", try_i386_unshare);
  probe("x32_move_pages", try_x32_move_pages);
  return 0;
}
