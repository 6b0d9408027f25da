package io.jcompose.scheduler.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import io.jcompose.runtime.api.ContainerRuntime;
import io.jcompose.runtime.api.ContainerState;
import io.jcompose.runtime.api.Image;
import io.jcompose.runtime.api.ImageDiskUsage;
import io.jcompose.runtime.api.ImagePuller;
import io.jcompose.runtime.api.ImageStore;
import io.jcompose.runtime.api.RegistryCredentials;
import io.jcompose.runtime.api.VolumeStore;
import io.jcompose.scheduler.api.ComposeEngine;
import io.jcompose.scheduler.api.ProgressEvent;
import io.jcompose.scheduler.engine.LayerProgress;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host-wide verbs on images, volumes and the whole system ({@code image/ls}, {@code
 * volume/prune}, {@code system/df}…), served straight from the runtime components.
 */
public final class ResourceRoutes {

  private final Vertx vertx;
  private final ComposeEngine engine;
  private final ContainerRuntime containers;
  private final ImageStore images;
  private final VolumeStore volumes;
  private final ImagePuller puller;

  /**
   * Routes over the daemon's runtime components and its engine (which removes containers); {@code
   * puller} may be null (no pulls).
   */
  public ResourceRoutes(
      Vertx vertx,
      ComposeEngine engine,
      ContainerRuntime containers,
      ImageStore images,
      VolumeStore volumes,
      ImagePuller puller) {
    this.vertx = vertx;
    this.engine = engine;
    this.containers = containers;
    this.images = images;
    this.volumes = volumes;
    this.puller = puller;
  }

  /** Adds the image, volume, login and system verbs to {@code routes}. */
  public void register(ApiRoutes routes) {
    routes
        .host("image/ls", c -> images.list())
        .host("image/inspect", c -> images.resolve(c.text("reference")))
        .host("image/rm", this::removeImages)
        .host(
            "image/import",
            c -> images.importRootfs(path(c), c.text("reference"), strings(c.field("changes"))))
        .host("image/load", c -> images.load(path(c)))
        .host("image/pull", this::pull)
        .host("login/check", this::checkLogin)
        .host("volume/ls", c -> volumes().list(Map.of()))
        .host("volume/inspect", c -> volumes().inspect(c.text("name")))
        .host("volume/rm", this::removeVolumes)
        .host("volume/prune", c -> volumes().prune(Map.of()))
        .host("system/df", c -> diskUsage())
        .host("system/prune", this::prune);
  }

  private Future<List<String>> removeImages(ApiCall call) {
    boolean force = call.field("force").asBoolean();
    List<String> refs = strings(call.field("references"));
    Future<Void> chain = Future.succeededFuture();
    for (String ref : refs) {
      chain =
          chain.compose(
              v ->
                  images
                      .remove(ref, force)
                      .onSuccess(x -> call.events().emit(progress("Image " + ref, "Removed"))));
    }
    return chain.map(v -> refs);
  }

  private VolumeStore volumes() {
    if (volumes == null) {
      throw new IllegalStateException("this daemon has no volume store yet");
    }
    return volumes;
  }

  private Future<List<String>> removeVolumes(ApiCall call) {
    List<String> names = strings(call.field("names"));
    Future<Void> chain = Future.succeededFuture();
    for (String name : names) {
      chain =
          chain.compose(
              v ->
                  volumes()
                      .remove(name)
                      .onSuccess(x -> call.events().emit(progress("Volume " + name, "Removed"))));
    }
    return chain.map(v -> names);
  }

  private Future<Image> pull(ApiCall call) {
    if (puller == null) {
      return Future.failedFuture(
          new IllegalStateException("this daemon has no registry client; pulls are unavailable"));
    }
    String reference = call.text("reference");
    String resource = "Image " + reference;
    call.events()
        .emit(new StreamEvents(StreamEvents.PROGRESS, ProgressEvent.working(resource, "Pulling")));
    return puller
        .pull(
            reference,
            LayerProgress.to(e -> call.events().emit(new StreamEvents(StreamEvents.PROGRESS, e))))
        .onSuccess(image -> call.events().emit(progress(resource, "Pulled")));
  }

  private Future<Void> checkLogin(ApiCall call) {
    if (puller == null) {
      return Future.failedFuture(new IllegalStateException("this daemon has no registry client"));
    }
    return puller.checkLogin(
        call.text("registry"),
        RegistryCredentials.of(call.text("username"), call.text("password")));
  }

  private Future<Map<String, Object>> diskUsage() {
    Future<List<Image>> imageList = images.list();
    // Layers shared by several images are on disk once: the store's usage counts them once, where
    // summing each image's size would count them once per image.
    Future<Long> imageBytes =
        images
            .diskUsage()
            .map(ImageDiskUsage::layerBytes)
            .recover(
                unsupported -> imageList.map(l -> l.stream().mapToLong(Image::sizeBytes).sum()));
    Future<List<ContainerState>> containerList = containers.list(Map.of());
    Future<List<io.jcompose.runtime.api.Volume>> volumeList =
        volumes == null ? Future.succeededFuture(List.of()) : volumes.list(Map.of());
    return Future.all(imageList, imageBytes, containerList, volumeList)
        .compose(
            all ->
                vertx.executeBlocking(
                    () -> {
                      Map<String, Object> df = new LinkedHashMap<>();
                      df.put("images", imageList.result().size());
                      df.put("imagesSize", imageBytes.result());
                      df.put("containers", containerList.result().size());
                      df.put(
                          "containersRunning",
                          containerList.result().stream().filter(ContainerState::isAlive).count());
                      df.put("volumes", volumeList.result().size());
                      df.put(
                          "volumesSize",
                          volumeList.result().stream()
                              .mapToLong(v -> DirectorySize.of(v.mountpoint()))
                              .sum());
                      return df;
                    }));
  }

  private Future<Map<String, Object>> prune(ApiCall call) {
    boolean allImages = call.field("all").asBoolean();
    boolean withVolumes = call.field("volumes").asBoolean();
    Map<String, Object> report = new LinkedHashMap<>();
    // Containers go through the engine, as rm does: a container removed behind its back would keep
    // its address, ports, supervisor entry and record.
    return engine
        .pruneContainers(e -> call.events().emit(new StreamEvents(StreamEvents.PROGRESS, e)))
        .compose(
            removed -> {
              report.put("containers", removed);
              return containers.list(Map.of());
            })
        .compose(
            remaining -> {
              Set<String> inUse =
                  remaining.stream().map(ContainerState::image).collect(Collectors.toSet());
              return images
                  .list()
                  .compose(
                      all -> {
                        List<String> removed = new ArrayList<>();
                        Future<Void> chain = Future.succeededFuture();
                        for (Image image : all) {
                          boolean used =
                              inUse.contains(image.id())
                                  || image.repoTags().stream().anyMatch(inUse::contains);
                          if (!used && (allImages || image.repoTags().isEmpty())) {
                            chain =
                                chain.compose(
                                    v ->
                                        images
                                            .remove(image.id(), false)
                                            .onSuccess(x -> removed.add(image.id())));
                          }
                        }
                        report.put("images", removed);
                        return chain;
                      });
            })
        .compose(
            v ->
                withVolumes
                    ? volumes().prune(Map.of()).map(names -> report.put("volumes", names))
                    : Future.succeededFuture())
        .map(v -> report);
  }

  private static StreamEvents progress(String resource, String status) {
    return new StreamEvents(StreamEvents.PROGRESS, ProgressEvent.done(resource, status));
  }

  private static Path path(ApiCall call) {
    return Path.of(call.text("path"));
  }

  private static List<String> strings(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.forEach(n -> values.add(n.asText()));
    return values;
  }
}
