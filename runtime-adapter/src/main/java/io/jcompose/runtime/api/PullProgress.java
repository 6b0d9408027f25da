package io.jcompose.runtime.api;

/**
 * One progress event of a pull, for a renderer: either about the image as a whole ({@code id} is
 * the reference) or about one blob ({@code id} is the first 12 hex digits of its digest, as docker
 * prints layer ids).
 *
 * @param reference the image being pulled, as the user wrote it
 * @param id a layer's short id, or the reference for image-wide events
 * @param phase what is happening
 * @param bytesDone bytes downloaded so far (0 when it does not apply)
 * @param bytesTotal the blob's size from the manifest (0 when unknown or not a blob)
 */
public record PullProgress(
    String reference, String id, Phase phase, long bytesDone, long bytesTotal) {

  /** The steps a pull and each of its blobs go through, in order. */
  public enum Phase {
    /** Fetching the manifest (image-wide). */
    RESOLVING,
    /** The blob is in the store already; it is not downloaded. */
    ALREADY_EXISTS,
    /** The blob waits for a download slot. */
    WAITING,
    /** Bytes are arriving; {@code bytesDone} of {@code bytesTotal}. */
    DOWNLOADING,
    /** The connection broke or the registry failed; the download resumes or restarts. */
    RETRYING,
    /** The blob is complete, verified and in the store. */
    DOWNLOADED,
    /** Layers are being unpacked and the reference tagged (image-wide). */
    EXTRACTING,
    /** The image is pulled (image-wide). */
    DONE
  }

  /** Whether this event is about one blob rather than the image. */
  public boolean isLayer() {
    return !id.equals(reference);
  }
}
