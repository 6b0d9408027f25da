package io.jcompose.runtime.cgroup;

import static io.jcompose.runtime.cgroup.DeviceFilterProgram.ACC_MKNOD;
import static io.jcompose.runtime.cgroup.DeviceFilterProgram.ACC_READ;
import static io.jcompose.runtime.cgroup.DeviceFilterProgram.ACC_WRITE;
import static io.jcompose.runtime.cgroup.DeviceFilterProgram.DEV_BLOCK;
import static io.jcompose.runtime.cgroup.DeviceFilterProgram.DEV_CHAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs the compiled program in a small interpreter of the instructions it uses, for every
 * combination of type, access and a spread of device numbers, and compares its verdict with the
 * allow list read as {@code devices.allow} reads it.
 */
class DeviceFilterProgramTest {

  @Test
  void dockerDefaults_allowExactlyWhatTheRulesAllow() {
    byte[] program = DeviceFilterProgram.compile(DeviceRule.DOCKER_DEFAULTS);
    int[] numbers = {0, 1, 2, 3, 5, 7, 8, 9, 10, 11, 136, 200, 237, 4095};
    int checked = 0;
    for (int type : new int[] {DEV_BLOCK, DEV_CHAR}) {
      for (int access = 1; access <= 7; access++) {
        for (int major : numbers) {
          for (int minor : numbers) {
            boolean expected =
                allowedByRules(DeviceRule.DOCKER_DEFAULTS, type, access, major, minor);
            assertThat(run(program, type, access, major, minor))
                .as("type %d access %d device %d:%d", type, access, major, minor)
                .isEqualTo(expected ? 1 : 0);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isEqualTo(2 * 7 * numbers.length * numbers.length);
  }

  @Test
  void dockerDefaults_spotChecks() {
    byte[] program = DeviceFilterProgram.compile(DeviceRule.DOCKER_DEFAULTS);
    assertThat(run(program, DEV_CHAR, ACC_READ | ACC_WRITE, 1, 3)).as("/dev/null").isEqualTo(1);
    assertThat(run(program, DEV_CHAR, ACC_READ, 136, 42)).as("a pts").isEqualTo(1);
    assertThat(run(program, DEV_CHAR, ACC_READ, 1, 1)).as("/dev/mem").isZero();
    assertThat(run(program, DEV_CHAR, ACC_READ, 1, 11)).as("/dev/kmsg").isZero();
    assertThat(run(program, DEV_BLOCK, ACC_READ, 8, 0)).as("a disk").isZero();
    assertThat(run(program, DEV_BLOCK, ACC_MKNOD, 8, 0)).as("mknod of a disk").isEqualTo(1);
    assertThat(run(program, DEV_BLOCK, ACC_MKNOD | ACC_READ, 8, 0)).isZero();
  }

  @Test
  void noRules_denyEverything() {
    byte[] program = DeviceFilterProgram.compile(List.of());
    assertThat(run(program, DEV_CHAR, ACC_READ, 1, 3)).isZero();
  }

  @Test
  void allRule_allowsEverything() {
    byte[] program = DeviceFilterProgram.compile(List.of(DeviceRule.parse("a *:* rwm")));
    assertThat(run(program, DEV_BLOCK, ACC_READ | ACC_WRITE | ACC_MKNOD, 8, 0)).isEqualTo(1);
  }

  @Test
  void rule_roundTripsToTheV1FileSyntax() {
    assertThat(DeviceRule.parse("c 136:* rwm").toString()).isEqualTo("c 136:* rwm");
    assertThat(DeviceRule.parse("b *:* m").major()).isEqualTo(DeviceRule.ANY);
  }

  private static boolean allowedByRules(
      List<DeviceRule> rules, int type, int access, int major, int minor) {
    for (DeviceRule r : rules) {
      boolean typeOk = r.type() == 'a' || (r.type() == 'b' ? DEV_BLOCK : DEV_CHAR) == type;
      int mask =
          (r.access().contains("m") ? ACC_MKNOD : 0)
              | (r.access().contains("r") ? ACC_READ : 0)
              | (r.access().contains("w") ? ACC_WRITE : 0);
      if (typeOk
          && (access & mask) == access
          && (r.major() == DeviceRule.ANY || r.major() == major)
          && (r.minor() == DeviceRule.ANY || r.minor() == minor)) {
        return true;
      }
    }
    return false;
  }

  /** Interprets the opcodes DeviceFilterProgram emits; anything else fails the test. */
  private static long run(byte[] program, int type, int access, int major, int minor) {
    ByteBuffer ctx = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
    ctx.putInt(0, (access << 16) | type).putInt(4, major).putInt(8, minor);
    ByteBuffer code = ByteBuffer.wrap(program).order(ByteOrder.nativeOrder());
    long[] reg = new long[11];
    int pc = 0;
    for (int steps = 0; steps < 10_000; steps++) {
      int at = pc * 8;
      int op = code.get(at) & 0xff;
      int dst = code.get(at + 1) & 0x0f;
      int src = (code.get(at + 1) >> 4) & 0x0f;
      short off = code.getShort(at + 2);
      int imm = code.getInt(at + 4);
      pc++;
      switch (op) {
        case DeviceFilterProgram.LDX_MEM_W:
          assertThat(src).as("loads read the context in r1").isEqualTo(1);
          reg[dst] = ctx.getInt(off) & 0xffffffffL;
          break;
        case DeviceFilterProgram.ALU32_AND_K:
          reg[dst] = (reg[dst] & imm) & 0xffffffffL;
          break;
        case DeviceFilterProgram.ALU32_RSH_K:
          reg[dst] = ((reg[dst] & 0xffffffffL) >>> imm) & 0xffffffffL;
          break;
        case DeviceFilterProgram.ALU32_MOV_X:
          reg[dst] = reg[src] & 0xffffffffL;
          break;
        case DeviceFilterProgram.ALU64_MOV_K:
          reg[dst] = imm;
          break;
        case DeviceFilterProgram.JMP_JNE_K:
          pc += reg[dst] != (imm & 0xffffffffL) ? off : 0;
          break;
        case DeviceFilterProgram.JMP_JNE_X:
          pc += reg[dst] != reg[src] ? off : 0;
          break;
        case DeviceFilterProgram.JMP_EXIT:
          return reg[0];
        default:
          throw new AssertionError("unexpected opcode 0x" + Integer.toHexString(op));
      }
      assertThat(pc).isBetween(0, program.length / 8 - 1);
    }
    throw new AssertionError("the program did not exit");
  }
}
