package io.jcompose.model.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jcompose.model.render.ProjectDocument;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Prints a {@link Project} the way {@code docker compose config} does: snake_case keys, long forms,
 * durations like {@code 1m30s}, sizes and published ports as strings. Loading the YAML output again
 * gives an equal model.
 */
public final class ConfigRenderer {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private ConfigRenderer() {}

  /**
   * The document as nested maps and lists.
   *
   * @param interpolated true when the project was loaded with interpolation, so {@code $} in values
   *     is escaped as {@code $$}
   */
  public static Map<String, Object> document(Project project, boolean interpolated) {
    return ProjectDocument.of(project, interpolated);
  }

  /** The project as YAML. */
  public static String yaml(Project project, boolean interpolated) {
    DumpSettings settings =
        DumpSettings.builder()
            .setDefaultFlowStyle(FlowStyle.BLOCK)
            .setIndent(2)
            .setIndicatorIndent(2)
            .setIndentWithIndicator(true)
            .setWidth(Integer.MAX_VALUE)
            .build();
    return new Dump(settings).dumpToString(document(project, interpolated));
  }

  /** The project as indented JSON, shaped like {@code docker compose config --format json}. */
  public static String json(Project project, boolean interpolated) {
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
    printer.indentArraysWith(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE);
    try {
      return JSON.writer(printer).writeValueAsString(document(project, interpolated)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render the project as JSON", e);
    }
  }
}
