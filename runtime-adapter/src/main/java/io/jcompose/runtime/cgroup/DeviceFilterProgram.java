package io.jcompose.runtime.cgroup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The eBPF program (type {@code BPF_PROG_TYPE_CGROUP_DEVICE}) that enforces a device allow list on
 * cgroup v2, where there is no {@code devices.allow} file. The kernel runs it on every open and
 * mknod of a device node with a context of three u32: {@code access << 16 | type}, major, minor; it
 * returns 1 to allow, 0 to deny. The program tests each rule in turn and denies when none matches.
 */
final class DeviceFilterProgram {
  /** {@code bpf_cgroup_dev_ctx} device types and access bits (include/uapi/linux/bpf.h). */
  static final int DEV_BLOCK = 1;

  static final int DEV_CHAR = 2;
  static final int ACC_MKNOD = 1;
  static final int ACC_READ = 2;
  static final int ACC_WRITE = 4;

  /** Instruction opcodes: class | operation | source. */
  static final int LDX_MEM_W = 0x61;

  static final int ALU32_AND_K = 0x54;
  static final int ALU32_RSH_K = 0x74;
  static final int ALU32_MOV_X = 0xbc;
  static final int ALU64_MOV_K = 0xb7;
  static final int JMP_JNE_K = 0x55;
  static final int JMP_JNE_X = 0x5d;
  static final int JMP_EXIT = 0x95;

  /** Registers: r1 holds the context on entry; r2 type, r3 access, r4 major, r5 minor. */
  private static final int R0 = 0;

  private static final int R1 = 1;
  private static final int R2 = 2;
  private static final int R3 = 3;
  private static final int R4 = 4;
  private static final int R5 = 5;

  private final ByteBuffer code = ByteBuffer.allocate(8 * 512).order(ByteOrder.nativeOrder());

  private DeviceFilterProgram() {}

  /** The program's instructions, 8 bytes each, in the host's byte order. */
  static byte[] compile(List<DeviceRule> rules) {
    DeviceFilterProgram p = new DeviceFilterProgram();
    p.emit(LDX_MEM_W, R2, R1, 0, 0);
    p.emit(ALU32_AND_K, R2, 0, 0, 0xffff);
    p.emit(LDX_MEM_W, R3, R1, 0, 0);
    p.emit(ALU32_RSH_K, R3, 0, 0, 16);
    p.emit(LDX_MEM_W, R4, R1, 4, 0);
    p.emit(LDX_MEM_W, R5, R1, 8, 0);
    for (DeviceRule rule : rules) {
      p.rule(rule);
    }
    p.emit(ALU64_MOV_K, R0, 0, 0, 0);
    p.emit(JMP_EXIT, 0, 0, 0, 0);
    byte[] out = new byte[p.code.position()];
    p.code.flip().get(out);
    return out;
  }

  /** Each test jumps past the rule's remaining instructions when it fails. */
  private void rule(DeviceRule rule) {
    int tests = (rule.type() == 'a' ? 0 : 1) + 3 + (rule.major() == DeviceRule.ANY ? 0 : 1);
    tests += rule.minor() == DeviceRule.ANY ? 0 : 1;
    int remaining = tests + 2; // the tests, then "r0 = 1; exit"
    if (rule.type() != 'a') {
      emit(JMP_JNE_K, R2, 0, --remaining, rule.type() == 'b' ? DEV_BLOCK : DEV_CHAR);
    }
    // allowed only when every requested access bit is in the rule: (access & mask) == access
    emit(ALU32_MOV_X, R1, R3, 0, 0);
    --remaining;
    emit(ALU32_AND_K, R1, 0, 0, mask(rule.access()));
    --remaining;
    emit(JMP_JNE_X, R1, R3, --remaining, 0);
    if (rule.major() != DeviceRule.ANY) {
      emit(JMP_JNE_K, R4, 0, --remaining, rule.major());
    }
    if (rule.minor() != DeviceRule.ANY) {
      emit(JMP_JNE_K, R5, 0, --remaining, rule.minor());
    }
    emit(ALU64_MOV_K, R0, 0, 0, 1);
    emit(JMP_EXIT, 0, 0, 0, 0);
  }

  private static int mask(String access) {
    int mask = 0;
    mask |= access.indexOf('m') >= 0 ? ACC_MKNOD : 0;
    mask |= access.indexOf('r') >= 0 ? ACC_READ : 0;
    mask |= access.indexOf('w') >= 0 ? ACC_WRITE : 0;
    return mask;
  }

  /** struct bpf_insn: u8 code, u8 dst:4 src:4 (dst in the low nibble), s16 offset, s32 imm. */
  private void emit(int opcode, int dst, int src, int offset, int imm) {
    code.put((byte) opcode);
    code.put((byte) ((src << 4) | dst));
    code.putShort((short) offset);
    code.putInt(imm);
  }
}
