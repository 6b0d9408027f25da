package io.jcompose.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTreesTest {

  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void parse_givesTheTreeObjectMapperGives() throws IOException {
    String text =
        "{\"a\":[1,2147483648,12345678901234567890,1.5,true,false,null],"
            + "\"b\":{\"c\":\"x\\u00e9\\n\"},\"a2\":[],\"o\":{},\"d\":1,\"d\":2}";

    assertThat(JsonTrees.parse(text)).isEqualTo(mapper.readTree(text));
  }

  @Test
  void parse_rejectsMalformedAndTrailingText() {
    assertThatThrownBy(() -> JsonTrees.parse("{\"a\":")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> JsonTrees.parse("{} {}")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> JsonTrees.parse("")).isInstanceOf(IOException.class);
  }

  @Test
  void write_encodesPlainValuesInOrder() throws IOException {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("services", List.of("web", "d\"b"));
    options.put("all", true);
    options.put("n", 3);
    options.put("none", null);

    String json = new String(JsonTrees.write(Map.of("options", options)), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"options\":{\"services\":[\"web\",\"d\\\"b\"],\"all\":true,\"n\":3,\"none\":null}}");
  }
}
