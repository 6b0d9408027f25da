/* A minimal JSON reader: enough for an OCI runtime-spec config.json. */
#ifndef SHIM_JSON_H
#define SHIM_JSON_H

#include <stdbool.h>
#include <stddef.h>

enum json_type { JSON_NULL, JSON_BOOL, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

struct json {
  enum json_type type;
  char *key;           /* member name when inside an object */
  char *str;           /* JSON_STRING */
  double num;          /* JSON_NUMBER */
  long long integer;   /* JSON_NUMBER, exact when it has no fraction */
  bool boolean;        /* JSON_BOOL */
  struct json *child;  /* first element or member */
  struct json *next;   /* next sibling */
};

/* Parses text; NULL with shim_last_error set when it is not valid JSON. */
struct json *json_parse(const char *text);

/* Reads a whole file and parses it. */
struct json *json_parse_file(const char *path);

/* Member of an object by name, or NULL. */
struct json *json_get(const struct json *obj, const char *key);

/* String value of a member, or NULL when absent or not a string. */
const char *json_get_str(const struct json *obj, const char *key);

/* Integer value of a member, or fallback. */
long long json_get_int(const struct json *obj, const char *key, long long fallback);

/* Boolean value of a member, or false. */
bool json_get_bool(const struct json *obj, const char *key);

/* Number of elements of an array (0 for anything else). */
int json_len(const struct json *arr);

/* Writes s as a JSON string body (without quotes) into out; invalid UTF-8 becomes U+FFFD.
 * Returns the number of bytes written; out must hold 6*len+1 bytes. */
size_t json_escape(const char *s, size_t len, char *out);

#endif
