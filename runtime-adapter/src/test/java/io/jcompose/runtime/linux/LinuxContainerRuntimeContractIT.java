package io.jcompose.runtime.linux;

import io.jcompose.runtime.api.BusyboxImageStore;
import io.jcompose.runtime.api.ContainerRuntime;
import io.jcompose.runtime.api.ContainerRuntimeContract;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The built-in runtime passes the runtime contract. */
class LinuxContainerRuntimeContractIT extends ContainerRuntimeContract {
  private static LinuxRuntimeFixture fixture;

  @BeforeAll
  static void setUp() throws IOException {
    fixture = new LinuxRuntimeFixture();
  }

  @AfterAll
  static void tearDown() {
    fixture.close();
  }

  @Override
  protected ContainerRuntime runtime() {
    return fixture.runtime;
  }

  @Override
  protected String busyboxImage() {
    return BusyboxImageStore.REFERENCE;
  }
}
