package io.jcompose.model.loader;

import io.jcompose.model.api.ComposeFileException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads {@code .env} syntax: {@code KEY=value} lines, {@code export} prefix, {@code #} comments
 * (inline ones need a space before {@code #}), single quotes (literal), double quotes (escapes, may
 * span lines) and {@code ${VAR}} references to earlier keys or the shell. A bare {@code KEY} maps
 * to null (take it from the shell).
 */
final class DotEnvParser {
  private final String file;
  private final String text;
  private final Function<String, String> outside;
  private final Map<String, String> values = new LinkedHashMap<>();
  private int pos;
  private int line = 1;

  private DotEnvParser(String file, String text, Function<String, String> outside) {
    this.file = file;
    this.text = text.replace("\r\n", "\n");
    this.outside = outside;
  }

  /** Parses {@code text}; {@code outside} resolves references to variables not defined above. */
  static Map<String, String> parse(String file, String text, Function<String, String> outside)
      throws ComposeFileException {
    DotEnvParser p = new DotEnvParser(file, text, outside);
    p.run();
    return p.values;
  }

  private void run() throws ComposeFileException {
    while (pos < text.length()) {
      skipBlank();
      if (pos >= text.length()) {
        break;
      }
      if (peek() == '#') {
        skipLine();
        continue;
      }
      if (text.startsWith("export ", pos) || text.startsWith("export\t", pos)) {
        pos += 7;
        skipSpaces();
      }
      int start = pos;
      while (pos < text.length() && "=\n \t".indexOf(peek()) < 0) {
        pos++;
      }
      String key = text.substring(start, pos);
      if (!key.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
        throw new ComposeFileException(
            file, "line " + line, "\"" + key + "\" is not a variable name; use KEY=value");
      }
      skipSpaces();
      if (pos >= text.length() || peek() == '\n' || peek() == '#') {
        values.put(key, null);
        skipLine();
        continue;
      }
      if (peek() != '=') {
        throw new ComposeFileException(file, "line " + line, "expected = after " + key);
      }
      pos++;
      skipSpaces();
      values.put(key, value());
      skipLine();
    }
  }

  private String value() throws ComposeFileException {
    if (pos >= text.length()) {
      return "";
    }
    char c = peek();
    if (c == '\'') {
      int end = text.indexOf('\'', pos + 1);
      if (end < 0) {
        throw new ComposeFileException(file, "line " + line, "missing closing '");
      }
      String v = text.substring(pos + 1, end);
      countLines(v);
      pos = end + 1;
      return v;
    }
    if (c == '"') {
      return doubleQuoted();
    }
    int end = text.indexOf('\n', pos);
    end = end < 0 ? text.length() : end;
    String raw = text.substring(pos, end);
    int comment = raw.indexOf(" #");
    if (comment >= 0) {
      raw = raw.substring(0, comment);
    }
    pos = end;
    return expand(raw.strip());
  }

  private String doubleQuoted() throws ComposeFileException {
    int startLine = line;
    StringBuilder b = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return expand(b.toString());
      }
      if (c == '\n') {
        line++;
      }
      if (c == '\\' && pos < text.length()) {
        char e = text.charAt(pos++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case '"' -> b.append('"');
          case '\\' -> b.append('\\');
          case '$' -> b.append("$$");
          default -> b.append('\\').append(e);
        }
      } else {
        b.append(c);
      }
    }
    throw new ComposeFileException(file, "line " + startLine, "missing closing \"");
  }

  private String expand(String raw) throws ComposeFileException {
    VariableSubstitution s =
        new VariableSubstitution(
            name ->
                values.containsKey(name) && values.get(name) != null
                    ? values.get(name)
                    : outside.apply(name),
            name -> {});
    try {
      return s.expand(raw);
    } catch (VariableSubstitution.Failure e) {
      throw new ComposeFileException(file, "line " + line, e.getMessage());
    }
  }

  private void countLines(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        line++;
      }
    }
  }

  private char peek() {
    return text.charAt(pos);
  }

  private void skipSpaces() {
    while (pos < text.length() && (peek() == ' ' || peek() == '\t')) {
      pos++;
    }
  }

  private void skipBlank() {
    while (pos < text.length() && Character.isWhitespace(peek())) {
      if (peek() == '\n') {
        line++;
      }
      pos++;
    }
  }

  private void skipLine() throws ComposeFileException {
    skipSpaces();
    if (pos < text.length() && peek() != '\n' && peek() != '#') {
      throw new ComposeFileException(
          file, "line " + line, "unexpected text after the value; quote values with spaces");
    }
    while (pos < text.length() && peek() != '\n') {
      pos++;
    }
  }
}
