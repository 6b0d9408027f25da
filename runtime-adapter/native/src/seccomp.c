#include "seccomp.h"

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>

#include "error.h"

#define X32_SYSCALL_BIT 0x40000000u
#define MAX_CONDITIONS 6

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define LOW_HALF 0u
#else
#define LOW_HALF 4u
#endif
#define ARG_LOW(i) ((uint32_t)offsetof(struct seccomp_data, args) + 8u * (i) + LOW_HALF)
#define ARG_HIGH(i) ((uint32_t)offsetof(struct seccomp_data, args) + 8u * (i) + (4u - LOW_HALF))

/* An architecture the shim can filter: the numbers of its calls and the width of its arguments. */
struct arch {
  const char *name;      /* SCMP_ARCH_… */
  uint32_t audit;        /* seccomp_data.arch */
  int (*number)(const char *name);
  int wide;              /* 64-bit arguments; 32-bit ones compare the low half only */
  uint32_t nr_mask;      /* x32 calls are the x86_64 ones with a flag bit, matched by masking it */
  int (*masked_number)(const char *name); /* a call's number under nr_mask where it differs, or NULL */
};

static const struct arch arches[] = {
#if defined(__x86_64__)
    {"SCMP_ARCH_X86_64", AUDIT_ARCH_X86_64, seccomp_native_number, 1, ~X32_SYSCALL_BIT, seccomp_x32_number},
    {"SCMP_ARCH_X86", AUDIT_ARCH_I386, seccomp_i386_number, 0, ~0u, NULL},
#elif defined(__aarch64__)
    {"SCMP_ARCH_AARCH64", AUDIT_ARCH_AARCH64, seccomp_native_number, 1, ~0u, NULL},
#endif
};
#define NARCHES (sizeof arches / sizeof arches[0])

enum op { OP_EQ, OP_NE, OP_MASKED_EQ };

struct condition {
  uint32_t index;
  enum op op;
  uint64_t value;   /* the mask for OP_MASKED_EQ */
  uint64_t value2;  /* what the masked argument must equal */
};

struct rule {
  const struct json *names;  /* array of names, or one string (the older "name") */
  uint32_t ret;
  int nconditions;
  struct condition conditions[MAX_CONDITIONS];
};

struct program {
  struct sock_filter *code;
  size_t len, cap;
  int out_of_memory;
};

static void emit(struct program *p, uint16_t code, size_t jt, size_t jf, uint32_t k) {
  if (p->len == p->cap) {
    size_t cap = p->cap ? p->cap * 2 : 256;
    struct sock_filter *grown = realloc(p->code, cap * sizeof *grown);
    if (grown == NULL) {
      p->out_of_memory = 1;
      return;
    }
    p->code = grown;
    p->cap = cap;
  }
  p->code[p->len++] = (struct sock_filter)BPF_JUMP(code, k, (uint8_t)jt, (uint8_t)jf);
}

/* The offset a jump emitted next needs to land on target. */
static size_t to(const struct program *p, size_t target) { return target - p->len - 1; }

static int parse_action(const char *action, const struct json *errno_ret, uint32_t *out) {
  static const struct {
    const char *name;
    uint32_t ret;
  } actions[] = {{"SCMP_ACT_ALLOW", SECCOMP_RET_ALLOW},        {"SCMP_ACT_ERRNO", SECCOMP_RET_ERRNO},
                 {"SCMP_ACT_KILL", SECCOMP_RET_KILL_THREAD},   {"SCMP_ACT_KILL_THREAD", SECCOMP_RET_KILL_THREAD},
                 {"SCMP_ACT_KILL_PROCESS", SECCOMP_RET_KILL_PROCESS}, {"SCMP_ACT_TRAP", SECCOMP_RET_TRAP},
                 {"SCMP_ACT_LOG", SECCOMP_RET_LOG}};
  for (size_t i = 0; action && i < sizeof actions / sizeof actions[0]; i++) {
    if (strcmp(actions[i].name, action) != 0) continue;
    *out = actions[i].ret;
    if (*out == SECCOMP_RET_ERRNO) {
      long long err = errno_ret && errno_ret->type == JSON_NUMBER ? errno_ret->integer : EPERM;
      *out |= (uint32_t)err & SECCOMP_RET_DATA;
    }
    return 0;
  }
  return shim_fail(0, "config.json: linux.seccomp: action %s is not supported (expected SCMP_ACT_ALLOW, "
                   "SCMP_ACT_ERRNO, SCMP_ACT_KILL…)", action ? action : "(none)");
}

static int parse_condition(const struct json *e, struct condition *c) {
  const char *op = json_get_str(e, "op");
  long long index = json_get_int(e, "index", -1);
  if (index < 0 || index >= 6) return shim_fail(0, "config.json: linux.seccomp: argument index %lld out of range", index);
  c->index = (uint32_t)index;
  c->value = (uint64_t)json_get_int(e, "value", 0);
  c->value2 = (uint64_t)json_get_int(e, "valueTwo", 0);
  if (op != NULL && strcmp(op, "SCMP_CMP_EQ") == 0) {
    c->op = OP_EQ;
  } else if (op != NULL && strcmp(op, "SCMP_CMP_NE") == 0) {
    c->op = OP_NE;
  } else if (op != NULL && strcmp(op, "SCMP_CMP_MASKED_EQ") == 0) {
    c->op = OP_MASKED_EQ;
  } else {
    return shim_fail(0, "config.json: linux.seccomp: operator %s is not supported (expected SCMP_CMP_EQ, "
                     "SCMP_CMP_NE or SCMP_CMP_MASKED_EQ)", op ? op : "(none)");
  }
  return 0;
}

static int parse_rule(const struct json *e, struct rule *r) {
  r->names = json_get(e, "names");
  if (r->names == NULL) r->names = json_get(e, "name");
  if (parse_action(json_get_str(e, "action"), json_get(e, "errnoRet"), &r->ret) < 0) return -1;
  const struct json *args = json_get(e, "args");
  if (json_len(args) > MAX_CONDITIONS)
    return shim_fail(0, "config.json: linux.seccomp: a rule has %d conditions, at most %d are supported",
                     json_len(args), MAX_CONDITIONS);
  for (struct json *a = args ? args->child : NULL; a != NULL; a = a->next) {
    if (parse_condition(a, &r->conditions[r->nconditions++]) < 0) return -1;
  }
  return 0;
}

static size_t condition_len(const struct condition *c, int wide) {
  size_t half = c->op == OP_MASKED_EQ ? 3 : 2;
  return wide ? 2 * half : half;
}

/* Falls through when the condition holds, jumps to fail otherwise. */
static void emit_condition(struct program *p, const struct condition *c, int wide, size_t fail) {
  uint32_t low = (uint32_t)c->value, high = (uint32_t)(c->value >> 32);
  uint32_t low2 = (uint32_t)c->value2, high2 = (uint32_t)(c->value2 >> 32);
  switch (c->op) {
    case OP_EQ:
      if (wide) {
        emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, ARG_HIGH(c->index));
        emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, to(p, fail), high);
      }
      emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, ARG_LOW(c->index));
      emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, to(p, fail), low);
      break;
    case OP_NE: /* holds when either half differs */
      if (wide) {
        emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, ARG_HIGH(c->index));
        emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, 2, high);
      }
      emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, ARG_LOW(c->index));
      emit(p, BPF_JMP | BPF_JEQ | BPF_K, to(p, fail), 0, low);
      break;
    case OP_MASKED_EQ:
      if (wide) {
        emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, ARG_HIGH(c->index));
        emit(p, BPF_ALU | BPF_AND | BPF_K, 0, 0, high);
        emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, to(p, fail), high2);
      }
      emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, ARG_LOW(c->index));
      emit(p, BPF_ALU | BPF_AND | BPF_K, 0, 0, low);
      emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, to(p, fail), low2);
      break;
  }
}

static void load_number(struct program *p, const struct arch *a) {
  emit(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, (uint32_t)offsetof(struct seccomp_data, nr));
  if (a->nr_mask != ~0u) emit(p, BPF_ALU | BPF_AND | BPF_K, 0, 0, a->nr_mask);
}

/* With the call number in A: returns the action of a rule with conditions when the call and all its
 * conditions match, else goes on with A holding the number again. */
static void emit_rule(struct program *p, const struct arch *a, const struct rule *r, int nr) {
  size_t body = 1;
  for (int i = 0; i < r->nconditions; i++) body += condition_len(&r->conditions[i], a->wide);
  size_t reload = a->nr_mask != ~0u ? 2 : 1;
  emit(p, BPF_JMP | BPF_JEQ | BPF_K, 0, body + reload, (uint32_t)nr);
  size_t fail = p->len + body;
  for (int i = 0; i < r->nconditions; i++) emit_condition(p, &r->conditions[i], a->wide, fail);
  emit(p, BPF_RET | BPF_K, 0, 0, r->ret);
  load_number(p, a);
}

/* Calls without conditions share one return: a jeq per call jumps to it (n + 2 instructions
 * instead of 2n); groups stay within the reach of a conditional jump. */
static void emit_call_group(struct program *p, const int *nrs, size_t n, uint32_t ret) {
  for (size_t start = 0; start < n; start += 200) {
    size_t count = n - start < 200 ? n - start : 200;
    size_t ret_at = p->len + count + 1;
    for (size_t i = 0; i < count; i++) emit(p, BPF_JMP | BPF_JEQ | BPF_K, to(p, ret_at), 0, (uint32_t)nrs[start + i]);
    emit(p, BPF_JMP | BPF_JA, 0, 0, 1);
    emit(p, BPF_RET | BPF_K, 0, 0, ret);
  }
}

/* The numbers a call has in an architecture's block: its own, and for x86_64 the x32 one (flag bit
 * masked) where x32 gives the call a number of its own. */
static void add_numbers(const struct arch *a, const char *name, int *nrs, size_t *n) {
  int nr = a->number(name);
  if (nr >= 0) nrs[(*n)++] = nr;
  int other = a->masked_number ? a->masked_number(name) : -1;
  if (other >= 0 && (int)((uint32_t)other & a->nr_mask) != nr) nrs[(*n)++] = (int)((uint32_t)other & a->nr_mask);
}

static void emit_arch(struct program *p, const struct arch *a, const struct rule *rules, int nrules, uint32_t dflt) {
  load_number(p, a);
  for (int i = 0; i < nrules; i++) {
    const struct json *names = rules[i].names;
    int nrs[512];
    size_t n = 0;
    if (names != NULL && names->type == JSON_STRING) add_numbers(a, names->str, nrs, &n);
    for (struct json *e = names && names->type == JSON_ARRAY ? names->child : NULL; e != NULL && n < 510; e = e->next) {
      if (e->type == JSON_STRING) add_numbers(a, e->str, nrs, &n);
    }
    if (rules[i].nconditions == 0) {
      emit_call_group(p, nrs, n, rules[i].ret);
    } else {
      for (size_t k = 0; k < n; k++) emit_rule(p, a, &rules[i], nrs[k]);
    }
  }
  emit(p, BPF_RET | BPF_K, 0, 0, dflt);
}

/* The architectures of the section the shim has tables for; the native one when none is named. */
static size_t select_arches(const struct json *names, const struct arch **out) {
  size_t n = 0;
  for (struct json *e = names ? names->child : NULL; e != NULL; e = e->next) {
    for (size_t i = 0; e->type == JSON_STRING && i < NARCHES; i++) {
      if (strcmp(arches[i].name, e->str) == 0) out[n++] = &arches[i];
    }
  }
  if (json_len(names) == 0 && NARCHES > 0) out[n++] = &arches[0];
  return n;
}

int seccomp_build(const struct json *section, struct sock_fprog **out) {
  *out = NULL;
  if (section == NULL || section->type != JSON_OBJECT) return 0;
  uint32_t dflt;
  if (parse_action(json_get_str(section, "defaultAction"), json_get(section, "defaultErrnoRet"), &dflt) < 0) return -1;
  const struct json *syscalls = json_get(section, "syscalls");
  int nrules = 0;
  struct rule *rules = calloc((size_t)json_len(syscalls) + 1, sizeof *rules);
  if (rules == NULL) return shim_fail(ENOMEM, "building the seccomp filter");
  for (struct json *e = syscalls ? syscalls->child : NULL; e != NULL; e = e->next) {
    if (parse_rule(e, &rules[nrules++]) < 0) return -1;
  }
  const struct arch *selected[NARCHES + 1];
  size_t narch = select_arches(json_get(section, "architectures"), selected);
  struct program p = {0};
  size_t dispatch[NARCHES + 1];
  /* A call from an architecture without a block gets the default action. */
  emit(&p, BPF_LD | BPF_W | BPF_ABS, 0, 0, (uint32_t)offsetof(struct seccomp_data, arch));
  for (size_t i = 0; i < narch; i++) {
    emit(&p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, selected[i]->audit);
    dispatch[i] = p.len;
    emit(&p, BPF_JMP | BPF_JA, 0, 0, 0); /* to the block, patched below: only JA reaches that far */
  }
  emit(&p, BPF_RET | BPF_K, 0, 0, dflt);
  for (size_t i = 0; i < narch && !p.out_of_memory; i++) {
    p.code[dispatch[i]].k = (uint32_t)(p.len - dispatch[i] - 1);
    emit_arch(&p, selected[i], rules, nrules, dflt);
  }
  free(rules);
  if (p.out_of_memory) return shim_fail(ENOMEM, "building the seccomp filter");
  if (p.len > BPF_MAXINSNS)
    return shim_fail(0, "config.json: linux.seccomp: the filter needs %zu instructions, more than the kernel's %d",
                     p.len, BPF_MAXINSNS);
  struct sock_fprog *prog = malloc(sizeof *prog);
  if (prog == NULL) return shim_fail(ENOMEM, "building the seccomp filter");
  prog->len = (unsigned short)p.len;
  prog->filter = p.code;
  *out = prog;
  return 0;
}

int seccomp_install(const struct sock_fprog *prog) {
  if (prog == NULL) return 0;
  SHIM_CHECK(prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, prog, 0, 0),
             "installing the seccomp filter (%u instructions)", (unsigned)prog->len);
  return 0;
}
