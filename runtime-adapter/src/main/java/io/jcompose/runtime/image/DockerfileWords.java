package io.jcompose.runtime.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits Dockerfile instruction arguments into words as the Dockerfile parser does: whitespace
 * separates, single and double quotes group (and are removed), a backslash escapes the next
 * character, {@code $VAR} and {@code ${VAR}} expand from the environment outside single quotes.
 */
final class DockerfileWords {

  private DockerfileWords() {}

  static List<String> split(String text, Map<String, String> env) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (c == '$' && env != null) {
        i = expand(text, i, env, word);
        inWord = true;
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException("unterminated " + quote + " quote in '" + text + "'");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Appends the value of the variable starting at {@code i}; returns the index of its end. */
  private static int expand(String text, int i, Map<String, String> env, StringBuilder out) {
    int start = i + 1;
    if (start < text.length() && text.charAt(start) == '{') {
      int close = text.indexOf('}', start);
      if (close < 0) {
        throw new IllegalArgumentException("missing '}' in '" + text + "'");
      }
      String name = text.substring(start + 1, close);
      int colon = name.indexOf(":-");
      String fallback = "";
      if (colon >= 0) {
        fallback = name.substring(colon + 2);
        name = name.substring(0, colon);
      }
      String value = env.get(name);
      out.append(value == null || value.isEmpty() ? fallback : value);
      return close;
    }
    int end = start;
    while (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
      end++;
    }
    if (end == start) {
      out.append('$');
      return i;
    }
    out.append(env.getOrDefault(text.substring(start, end), ""));
    return end - 1;
  }
}
