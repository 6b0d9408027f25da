package io.jcompose.runtime.registry;

import io.jcompose.runtime.api.NotFoundException;
import io.jcompose.runtime.api.RuntimeFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/** The one-line messages of failed pulls, each saying where, what, and the likely fix. */
final class PullFailures {

  private PullFailures() {}

  static NotFoundException unknownManifest(String reference, String registry, String body) {
    if (body.contains("NAME_UNKNOWN")) {
      return new NotFoundException(
          reference
              + ": repository does not exist in registry "
              + registry
              + "; check the image name");
    }
    return new NotFoundException(
        reference + ": manifest unknown in registry " + registry + "; check the tag or digest");
  }

  static RuntimeFailure unauthorized(String reference, RegistryClient client) {
    String how =
        client.hasCredentials()
            ? "the stored credentials were refused; run jcompose login " + client.registry()
            : "the repository does not exist or needs a login; run jcompose login "
                + client.registry();
    return new RuntimeFailure(
        "pull access denied for " + reference + " on registry " + client.registry() + ": " + how);
  }

  static RuntimeFailure httpError(String what, String registry, int status, String body) {
    String detail = body.isBlank() ? "" : ": " + body.strip().lines().findFirst().orElse("");
    if (detail.length() > 200) {
      detail = detail.substring(0, 200) + "…";
    }
    return new RuntimeFailure(
        what
            + ": registry "
            + registry
            + " answered HTTP "
            + status
            + detail
            + (status >= 500 || status == 429 ? " (gave up after retries; try again later)" : ""));
  }

  /** A network failure that outlasted the retries, named by the registry it concerned. */
  static RuntimeFailure unreachable(String what, RegistryClient client, Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof SSLException) {
        break;
      }
      root = root.getCause();
    }
    String why;
    if (root instanceof UnresolvedAddressException
        || (root.getMessage() != null && root.getMessage().contains("UnresolvedAddress"))) {
      why = "unknown host; check the registry name";
    } else if (e instanceof HttpConnectTimeoutException
        || root instanceof HttpConnectTimeoutException) {
      why = "connection timed out; check the network and the registry address";
    } else if (e instanceof HttpTimeoutException) {
      why = "no answer within 60 s; try again later";
    } else if (root instanceof SSLException || e instanceof SSLException) {
      why =
          "TLS failed ("
              + root.getMessage()
              + "); if it serves plain HTTP, list it under insecure-registries in jcompose's"
              + " config.json";
    } else if (root instanceof ConnectException || e instanceof ConnectException) {
      why = "connection refused; check the host and port";
    } else {
      why = "connection failed (" + describe(e) + ")";
    }
    String scheme = client.plainHttp() ? "http" : "https";
    return new RuntimeFailure(
        what + ": cannot reach registry " + client.registry() + " over " + scheme + ": " + why, e);
  }

  static RuntimeFailure diskFull(Path dir, IOException e) {
    return new RuntimeFailure(
        "cannot write the download to "
            + dir
            + ": "
            + e.getMessage()
            + (isNoSpace(e) ? "; free disk space and pull again" : ""),
        e);
  }

  static boolean isNoSpace(IOException e) {
    return e.getMessage() != null && e.getMessage().contains("No space left");
  }

  static RuntimeFailure digestMismatch(String what, String expected, String actual) {
    return new RuntimeFailure(
        what
            + ": downloaded content has digest "
            + actual
            + " instead of "
            + expected
            + "; rejected (the registry or a proxy altered it), pull again");
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
