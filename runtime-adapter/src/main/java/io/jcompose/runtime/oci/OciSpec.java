package io.jcompose.runtime.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The subset of the OCI runtime-spec {@code config.json} jcompose writes, as Jackson records. Field
 * names are the spec's, so the same bundle runs under {@code runc}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OciSpec(
    String ociVersion,
    Process process,
    Root root,
    String hostname,
    List<Mount> mounts,
    Linux linux,
    Map<String, String> annotations) {

  /** The spec version written. */
  public static final String VERSION = "1.0.2";

  /** The container's process. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Process(
      boolean terminal,
      User user,
      List<String> args,
      List<String> env,
      String cwd,
      Capabilities capabilities,
      List<Rlimit> rlimits,
      boolean noNewPrivileges) {}

  /** Numeric user and groups. */
  public record User(int uid, int gid, List<Integer> additionalGids) {}

  /** Capability sets by name ({@code CAP_CHOWN}…). */
  public record Capabilities(
      List<String> bounding,
      List<String> effective,
      List<String> permitted,
      List<String> inheritable,
      List<String> ambient) {}

  /** One rlimit ({@code RLIMIT_NOFILE}). */
  public record Rlimit(String type, long hard, long soft) {}

  /** The root file system mount point, relative to the bundle or absolute. */
  public record Root(String path, boolean readonly) {}

  /** One mount. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Mount(String destination, String type, String source, List<String> options) {}

  /**
   * Linux-specific settings; cgroups are set by the Java side, so no resources here. {@code
   * seccomp} is null when the container runs without a filter.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Linux(
      List<Namespace> namespaces,
      List<String> maskedPaths,
      List<String> readonlyPaths,
      Map<String, String> sysctl,
      Seccomp seccomp) {

    /** Settings without a seccomp filter. */
    public Linux(
        List<Namespace> namespaces,
        List<String> maskedPaths,
        List<String> readonlyPaths,
        Map<String, String> sysctl) {
      this(namespaces, maskedPaths, readonlyPaths, sysctl, null);
    }
  }

  /** A seccomp filter: {@code defaultAction} for every call no rule matches. */
  public record Seccomp(
      String defaultAction, List<String> architectures, List<SyscallRule> syscalls) {}

  /**
   * Calls by name that get {@code action} when every condition in {@code args} holds; {@code
   * errnoRet} is the errno of an {@code SCMP_ACT_ERRNO}.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record SyscallRule(
      List<String> names, String action, Integer errnoRet, List<SyscallArg> args) {}

  /**
   * One condition on argument {@code index}; for {@code SCMP_CMP_MASKED_EQ} {@code value} is the
   * mask and {@code valueTwo} the value the masked argument must equal.
   */
  public record SyscallArg(int index, long value, long valueTwo, String op) {}

  /** A namespace to create, or to join when {@code path} is set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Namespace(String type, String path) {}
}
