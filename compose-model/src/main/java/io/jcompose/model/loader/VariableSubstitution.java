package io.jcompose.model.loader;

import java.util.function.Function;

/**
 * Expands {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code
 * ${VAR:?error}}, {@code ${VAR?error}}, {@code ${VAR:+alt}}, {@code ${VAR+alt}} (defaults and
 * alternatives may nest) and {@code $$} in one string, like a POSIX shell does.
 */
final class VariableSubstitution {

  /** The text of a substitution failure: a {@code ?} form hit an unset variable, or bad syntax. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message, null, false, false);
    }
  }

  /** Called for a variable that is unset and has no default. */
  interface UnsetListener {
    void unset(String name);
  }

  private final Function<String, String> lookup;
  private final UnsetListener unset;

  VariableSubstitution(Function<String, String> lookup, UnsetListener unset) {
    this.lookup = lookup;
    this.unset = unset;
  }

  /** The expanded text. */
  String expand(String text) throws Failure {
    if (text.indexOf('$') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        out.append('$');
        i += 2;
      } else if (next == '{') {
        int end = closingBrace(text, i + 2);
        if (end < 0) {
          throw new Failure("invalid interpolation format in \"" + text + "\": missing }");
        }
        out.append(braced(text.substring(i + 2, end), text));
        i = end + 1;
      } else if (isNameStart(next)) {
        int j = i + 1;
        while (j < text.length() && isNamePart(text.charAt(j))) {
          j++;
        }
        out.append(value(text.substring(i + 1, j)));
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private String braced(String inner, String whole) throws Failure {
    int j = 0;
    while (j < inner.length() && isNamePart(inner.charAt(j))) {
      j++;
    }
    String name = inner.substring(0, j);
    if (name.isEmpty() || !isNameStart(name.charAt(0))) {
      throw new Failure(
          "invalid interpolation format in \"" + whole + "\": \"${" + inner + "}\" is not a name");
    }
    if (j == inner.length()) {
      return value(name);
    }
    String rest = inner.substring(j);
    boolean colon = rest.startsWith(":");
    String op = colon ? rest.substring(1, Math.min(2, rest.length())) : rest.substring(0, 1);
    String arg = rest.substring(colon ? 2 : 1);
    if (colon && rest.length() < 2) {
      op = "";
    }
    String current = lookup.apply(name);
    boolean missing = current == null || (colon && current.isEmpty());
    switch (op) {
      case "-":
        return missing ? expand(arg) : current;
      case "+":
        return missing ? "" : expand(arg);
      case "?":
        if (missing) {
          String message = expand(arg);
          throw new Failure(
              "required variable "
                  + name
                  + " is missing a value"
                  + (message.isEmpty() ? "" : ": " + message));
        }
        return current;
      default:
        throw new Failure(
            "invalid interpolation format in \""
                + whole
                + "\": unknown operator in \"${"
                + inner
                + "}\"");
    }
  }

  private String value(String name) {
    String v = lookup.apply(name);
    if (v == null) {
      unset.unset(name);
      return "";
    }
    return v;
  }

  private static int closingBrace(String text, int from) {
    int depth = 1;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        depth++;
        i++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNameStart(char c) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || (c >= '0' && c <= '9');
  }
}
