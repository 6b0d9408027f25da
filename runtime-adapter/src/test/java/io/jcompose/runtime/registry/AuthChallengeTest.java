package io.jcompose.runtime.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthChallengeTest {

  @Test
  void parse_readsBearerParametersWithCommasInsideQuotes() {
    AuthChallenge c =
        AuthChallenge.parse(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                    + "scope=\"repository:library/a:pull,push\",error=\"insufficient_scope\"")
            .orElseThrow();

    assertThat(c.isBearer()).isTrue();
    assertThat(c.param("realm")).isEqualTo("https://auth.docker.io/token");
    assertThat(c.param("service")).isEqualTo("registry.docker.io");
    assertThat(c.param("scope")).isEqualTo("repository:library/a:pull,push");
    assertThat(c.param("error")).isEqualTo("insufficient_scope");
  }

  @Test
  void parse_readsBasicWithUnquotedRealm() {
    AuthChallenge c = AuthChallenge.parse("Basic realm=basic-realm").orElseThrow();

    assertThat(c.isBasic()).isTrue();
    assertThat(c.param("realm")).isEqualTo("basic-realm");
  }

  @Test
  void parse_emptyHeaderHasNoChallenge() {
    assertThat(AuthChallenge.parse(null)).isEmpty();
    assertThat(AuthChallenge.parse("  ")).isEmpty();
  }
}
