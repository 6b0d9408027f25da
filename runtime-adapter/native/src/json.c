#include "json.h"

#include <ctype.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error.h"

struct cursor {
  const char *p;
  int depth;
};

static struct json *parse_value(struct cursor *c);

static void skip_ws(struct cursor *c) {
  while (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r') c->p++;
}

static struct json *node(enum json_type t) {
  struct json *n = calloc(1, sizeof *n);
  if (n == NULL) {
    shim_fail(errno, "allocating a JSON node");
    return NULL;
  }
  n->type = t;
  return n;
}

static int put_utf8(char *out, unsigned cp) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

static int hex4(const char *p, unsigned *out) {
  unsigned v = 0;
  for (int i = 0; i < 4; i++) {
    char ch = p[i];
    v <<= 4;
    if (ch >= '0' && ch <= '9') v |= (unsigned)(ch - '0');
    else if (ch >= 'a' && ch <= 'f') v |= (unsigned)(ch - 'a' + 10);
    else if (ch >= 'A' && ch <= 'F') v |= (unsigned)(ch - 'A' + 10);
    else return -1;
  }
  *out = v;
  return 0;
}

static char *parse_string(struct cursor *c) {
  if (*c->p != '"') {
    shim_fail(0, "config.json: expected a string");
    return NULL;
  }
  c->p++;
  const char *end = c->p;
  while (*end && *end != '"') end += (*end == '\\' && end[1]) ? 2 : 1;
  char *out = malloc((size_t)(end - c->p) + 1);
  if (out == NULL) {
    shim_fail(errno, "allocating a JSON string");
    return NULL;
  }
  char *o = out;
  while (*c->p && *c->p != '"') {
    char ch = *c->p++;
    if (ch != '\\') {
      *o++ = ch;
      continue;
    }
    char esc = *c->p++;
    switch (esc) {
      case 'n': *o++ = '\n'; break;
      case 't': *o++ = '\t'; break;
      case 'r': *o++ = '\r'; break;
      case 'b': *o++ = '\b'; break;
      case 'f': *o++ = '\f'; break;
      case 'u': {
        unsigned cp;
        if (hex4(c->p, &cp) < 0) goto bad;
        c->p += 4;
        if (cp >= 0xD800 && cp < 0xDC00 && c->p[0] == '\\' && c->p[1] == 'u') {
          unsigned lo;
          if (hex4(c->p + 2, &lo) < 0) goto bad;
          c->p += 6;
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        }
        o += put_utf8(o, cp);
        break;
      }
      case '"': case '\\': case '/': *o++ = esc; break;
      default: goto bad;
    }
  }
  if (*c->p != '"') goto bad;
  c->p++;
  *o = '\0';
  return out;
bad:
  free(out);
  shim_fail(0, "config.json: bad string escape");
  return NULL;
}

static struct json *parse_container(struct cursor *c, bool object) {
  struct json *n = node(object ? JSON_OBJECT : JSON_ARRAY);
  if (n == NULL) return NULL;
  if (++c->depth > 64) {
    shim_fail(0, "config.json: nested too deeply");
    return NULL;
  }
  c->p++;
  skip_ws(c);
  struct json **tail = &n->child;
  char close = object ? '}' : ']';
  if (*c->p == close) {
    c->p++;
    c->depth--;
    return n;
  }
  for (;;) {
    char *key = NULL;
    skip_ws(c);
    if (object) {
      key = parse_string(c);
      if (key == NULL) return NULL;
      skip_ws(c);
      if (*c->p++ != ':') {
        shim_fail(0, "config.json: expected ':' after \"%s\"", key);
        return NULL;
      }
    }
    struct json *v = parse_value(c);
    if (v == NULL) return NULL;
    v->key = key;
    *tail = v;
    tail = &v->next;
    skip_ws(c);
    if (*c->p == ',') {
      c->p++;
      continue;
    }
    if (*c->p == close) {
      c->p++;
      c->depth--;
      return n;
    }
    shim_fail(0, "config.json: expected ',' or '%c'", close);
    return NULL;
  }
}

static struct json *parse_value(struct cursor *c) {
  skip_ws(c);
  struct json *n;
  switch (*c->p) {
    case '{': return parse_container(c, true);
    case '[': return parse_container(c, false);
    case '"':
      n = node(JSON_STRING);
      if (n != NULL && (n->str = parse_string(c)) == NULL) return NULL;
      return n;
    case 't':
    case 'f':
      n = node(JSON_BOOL);
      if (n == NULL) return NULL;
      n->boolean = *c->p == 't';
      if (strncmp(c->p, n->boolean ? "true" : "false", n->boolean ? 4 : 5) != 0) break;
      c->p += n->boolean ? 4 : 5;
      return n;
    case 'n':
      if (strncmp(c->p, "null", 4) != 0) break;
      c->p += 4;
      return node(JSON_NULL);
    default:
      if (*c->p == '-' || isdigit((unsigned char)*c->p)) {
        n = node(JSON_NUMBER);
        if (n == NULL) return NULL;
        char *end;
        n->integer = strtoll(c->p, &end, 10);
        n->num = strtod(c->p, &end);
        c->p = end;
        return n;
      }
  }
  shim_fail(0, "config.json: unexpected character '%c'", *c->p ? *c->p : '?');
  return NULL;
}

struct json *json_parse(const char *text) {
  struct cursor c = {text, 0};
  struct json *root = parse_value(&c);
  if (root == NULL) return NULL;
  skip_ws(&c);
  if (*c.p != '\0') {
    shim_fail(0, "config.json: trailing characters after the document");
    return NULL;
  }
  return root;
}

struct json *json_parse_file(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    shim_fail(errno, "opening %s", path);
    return NULL;
  }
  struct stat st;
  if (fstat(fd, &st) < 0) {
    shim_fail(errno, "reading %s", path);
    close(fd);
    return NULL;
  }
  char *buf = malloc((size_t)st.st_size + 1);
  if (buf == NULL) {
    shim_fail(errno, "allocating %lld bytes for %s", (long long)st.st_size, path);
    close(fd);
    return NULL;
  }
  size_t got = 0;
  while (got < (size_t)st.st_size) {
    ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      shim_fail(errno, "reading %s", path);
      close(fd);
      free(buf);
      return NULL;
    }
    if (r == 0) break;
    got += (size_t)r;
  }
  close(fd);
  buf[got] = '\0';
  struct json *root = json_parse(buf);
  free(buf);
  return root;
}

struct json *json_get(const struct json *obj, const char *key) {
  if (obj == NULL || obj->type != JSON_OBJECT) return NULL;
  for (struct json *m = obj->child; m != NULL; m = m->next) {
    if (strcmp(m->key, key) == 0) return m;
  }
  return NULL;
}

const char *json_get_str(const struct json *obj, const char *key) {
  struct json *m = json_get(obj, key);
  return m != NULL && m->type == JSON_STRING ? m->str : NULL;
}

long long json_get_int(const struct json *obj, const char *key, long long fallback) {
  struct json *m = json_get(obj, key);
  return m != NULL && m->type == JSON_NUMBER ? m->integer : fallback;
}

bool json_get_bool(const struct json *obj, const char *key) {
  struct json *m = json_get(obj, key);
  return m != NULL && m->type == JSON_BOOL && m->boolean;
}

int json_len(const struct json *arr) {
  int n = 0;
  if (arr == NULL || arr->type != JSON_ARRAY) return 0;
  for (struct json *e = arr->child; e != NULL; e = e->next) n++;
  return n;
}

/* Length of the valid UTF-8 sequence at s (at most avail bytes), or 0 when invalid. */
static size_t utf8_seq(const unsigned char *s, size_t avail) {
  size_t n;
  if (s[0] < 0x80) return 1;
  if ((s[0] & 0xE0) == 0xC0 && s[0] >= 0xC2) n = 2;
  else if ((s[0] & 0xF0) == 0xE0) n = 3;
  else if ((s[0] & 0xF8) == 0xF0 && s[0] <= 0xF4) n = 4;
  else return 0;
  if (n > avail) return 0;
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) return 0;
  }
  return n;
}

size_t json_escape(const char *s, size_t len, char *out) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *u = (const unsigned char *)s;
  size_t o = 0;
  for (size_t i = 0; i < len;) {
    unsigned char ch = u[i];
    if (ch == '"' || ch == '\\') {
      out[o++] = '\\';
      out[o++] = (char)ch;
      i++;
    } else if (ch == '\n') {
      out[o++] = '\\';
      out[o++] = 'n';
      i++;
    } else if (ch == '\t') {
      out[o++] = '\\';
      out[o++] = 't';
      i++;
    } else if (ch == '\r') {
      out[o++] = '\\';
      out[o++] = 'r';
      i++;
    } else if (ch < 0x20 || ch == 0x7F) {
      memcpy(out + o, "\\u00", 4);
      out[o + 4] = hex[ch >> 4];
      out[o + 5] = hex[ch & 0xF];
      o += 6;
      i++;
    } else {
      size_t n = utf8_seq(u + i, len - i);
      if (n == 0) {
        memcpy(out + o, "\\ufffd", 6);
        o += 6;
        i++;
      } else {
        memcpy(out + o, u + i, n);
        o += n;
        i += n;
      }
    }
  }
  out[o] = '\0';
  return o;
}
