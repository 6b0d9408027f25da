package io.jcompose.runtime.registry;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobDownloaderTest {
  @TempDir Path dir;

  /**
   * A download stopped because a sibling download failed must say so with {@link
   * RegistryPuller.CancelledDownload}: the pull reports the sibling's error, not "cancelled".
   * (RegistryProtocolTest.notFoundBlob_namesTheBrokenImage flaked when it was a plain failure.)
   */
  @Test
  void download_whenThePullIsCancelled_failsAsCancelledDownload() {
    RegistryClient client =
        new RegistryClient("127.0.0.1:9", true, HttpClient.newHttpClient(), Optional.empty());
    Descriptor blob = new Descriptor("application/octet-stream", "sha256:" + "0".repeat(64), 10);
    BlobDownloader downloader = new BlobDownloader(1, Duration.ofMillis(1), Duration.ofSeconds(5));

    assertThatThrownBy(
            () ->
                downloader.download(
                    client,
                    "a/b",
                    blob,
                    dir,
                    "a/b:1: layer 000000000000",
                    done -> {},
                    () -> {},
                    () -> true))
        .isInstanceOf(RegistryPuller.CancelledDownload.class);
  }
}
