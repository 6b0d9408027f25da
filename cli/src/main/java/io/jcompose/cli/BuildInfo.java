package io.jcompose.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this build and an id that changes with every build. The CLI sends both to the
 * daemon so that a daemon left running from an older build is noticed and replaced.
 *
 * @param version the product version ({@code 0.1.0-SNAPSHOT})
 * @param buildId a timestamp written by the build
 */
record BuildInfo(String version, String buildId) {

  private static final String RESOURCE = "build.properties";

  /** Reads the build's {@code build.properties}; loads no other library, so it stays fast. */
  static BuildInfo current() {
    Properties props = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        props.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new BuildInfo(
        props.getProperty("version", "unknown"), props.getProperty("build", "unknown"));
  }

  /** Both parts together, as the daemon compares them. */
  String fullVersion() {
    return version + "+" + buildId;
  }
}
