package io.jcompose.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rtnetlink requests byte for byte, against layouts written out from the kernel's structs
 * ({@code nlmsghdr}, {@code ifinfomsg}, {@code ifaddrmsg}, {@code rtmsg}, {@code rtattr}) on a
 * little-endian host. The veth request matches what {@code ip link add … type veth peer … netns}
 * sends (seen with strace), attribute order aside.
 */
class RouteRequestsTest {
  private static final byte[] MAC = HexFormat.of().parseHex("0242ac110002");
  private static final byte[] ADDRESS = {(byte) 172, 18, 0, 2};
  private static final byte[] GATEWAY = {(byte) 172, 18, 0, 1};

  @BeforeEach
  void littleEndianHost() {
    assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN);
  }

  @Test
  void vethPairCarriesMasterMtuAndAPeerWithNameMacMtuAndNamespace() {
    String expected =
        // nlmsghdr: len 140, RTM_NEWLINK, REQUEST|ACK|EXCL|CREATE, seq 5, port 0
        "8c000000"
            + "1000"
            + "0506"
            + "05000000"
            + "00000000"
            // ifinfomsg: AF_UNSPEC, index 0, flags IFF_UP, change IFF_UP
            + "00000000"
            + "00000000"
            + "01000000"
            + "01000000"
            // IFLA_IFNAME "jcv0\0", padded
            + "0900"
            + "0300"
            + "6a63763000"
            + "000000"
            // IFLA_MTU 1400, IFLA_MASTER 7
            + "0800"
            + "0400"
            + "78050000"
            + "0800"
            + "0a00"
            + "07000000"
            // IFLA_LINKINFO (80) { IFLA_INFO_KIND "veth\0", IFLA_INFO_DATA (64) {
            + "5000"
            + "1200"
            + "0900"
            + "0100"
            + "7665746800"
            + "000000"
            + "4000"
            + "0200"
            // VETH_INFO_PEER (60) { ifinfomsg all zero (created down),
            + "3c00"
            + "0100"
            + "00000000"
            + "00000000"
            + "00000000"
            + "00000000"
            // IFLA_IFNAME "eth0\0", IFLA_ADDRESS 02:42:ac:11:00:02, IFLA_MTU 1400, IFLA_NET_NS_FD 9
            + "0900"
            + "0300"
            + "6574683000"
            + "000000"
            + "0a00"
            + "0100"
            + "0242ac110002"
            + "0000"
            + "0800"
            + "0400"
            + "78050000"
            + "0800"
            + "1c00"
            + "09000000";
    byte[] actual = RouteRequests.vethPair("jcv0", 7, 1400, "eth0", MAC, 9).bytes(5);
    assertThat(HexFormat.of().formatHex(actual)).isEqualTo(expected);
  }

  @Test
  void vethPairWithoutMtuLeavesTheMtuAttributesOut() {
    byte[] actual = RouteRequests.vethPair("jcv0", 7, 0, "eth0", MAC, 9).bytes(5);
    assertThat(actual).hasSize(140 - 16);
    assertThat(HexFormat.of().formatHex(actual)).doesNotContain("080004007805");
  }

  @Test
  void addAddressIsAnIfaddrmsgWithLocalAndAddress() {
    String expected =
        "28000000"
            + "1400"
            + "0506"
            + "06000000"
            + "00000000"
            // ifaddrmsg: AF_INET, /16, flags 0, scope universe, index 3
            + "02"
            + "10"
            + "00"
            + "00"
            + "03000000"
            // IFA_LOCAL, IFA_ADDRESS 172.18.0.2 in network order
            + "0800"
            + "0200"
            + "ac120002"
            + "0800"
            + "0100"
            + "ac120002";
    byte[] actual = RouteRequests.addAddress(3, ADDRESS, 16).bytes(6);
    assertThat(HexFormat.of().formatHex(actual)).isEqualTo(expected);
  }

  @Test
  void defaultRouteGoesToTheMainTableViaTheGatewayOutOfTheIndex() {
    String expected =
        "2c000000"
            + "1800"
            + "0506"
            + "07000000"
            + "00000000"
            // rtmsg: AF_INET, dst_len 0, src_len 0, tos 0, main table, boot, universe, unicast
            + "02000000"
            + "fe030001"
            + "00000000"
            // RTA_GATEWAY 172.18.0.1, RTA_OIF 3
            + "0800"
            + "0500"
            + "ac120001"
            + "0800"
            + "0400"
            + "03000000";
    byte[] actual = RouteRequests.defaultRoute(GATEWAY, 3).bytes(7);
    assertThat(HexFormat.of().formatHex(actual)).isEqualTo(expected);
  }

  @Test
  void bridgeIsCreatedUpWithNameMtuAndKind() {
    String expected =
        // nlmsghdr: len 68, RTM_NEWLINK, REQUEST|ACK|EXCL|CREATE, seq 5, port 0
        "44000000"
            + "1000"
            + "0506"
            + "05000000"
            + "00000000"
            // ifinfomsg: AF_UNSPEC, index 0, flags IFF_UP, change IFF_UP
            + "00000000"
            + "00000000"
            + "01000000"
            + "01000000"
            // IFLA_IFNAME "jc-b0\0", padded
            + "0a00"
            + "0300"
            + "6a632d623000"
            + "0000"
            // IFLA_MTU 1400
            + "0800"
            + "0400"
            + "78050000"
            // IFLA_LINKINFO (16) { IFLA_INFO_KIND "bridge\0", padded }
            + "1000"
            + "1200"
            + "0b00"
            + "0100"
            + "62726964676500"
            + "00";
    byte[] actual = RouteRequests.bridge("jc-b0", 1400, null).bytes(5);
    assertThat(HexFormat.of().formatHex(actual)).isEqualTo(expected);
    assertThat(RouteRequests.bridge("jc-b0", 0, null).bytes(5)).hasSize(68 - 8);
    byte[] withMac =
        RouteRequests.bridge("jc-b0", 0, HexFormat.of().parseHex("0242ac110001")).bytes(5);
    // IFLA_ADDRESS (1), 6 bytes padded to 8, right after the name.
    assertThat(HexFormat.of().formatHex(withMac))
        .hasSize((68 - 8 + 12) * 2)
        .contains("0a000100" + "0242ac110001" + "0000");
  }

  @Test
  void linkUpSetsOnlyTheUpFlagOfTheIndex() {
    String expected =
        "20000000"
            + "1000"
            + "0500"
            + "01000000"
            + "00000000"
            + "00000000"
            + "01000000"
            + "01000000"
            + "01000000";
    byte[] actual = RouteRequests.linkUp(RouteRequests.LOOPBACK_INDEX).bytes(1);
    assertThat(HexFormat.of().formatHex(actual)).isEqualTo(expected);
  }

  @Test
  void deleteAndGetLinkNameTheLink() {
    String tail =
        "00000000" + "00000000" + "00000000" + "00000000" + "0900030065746830" + "00000000";
    assertThat(HexFormat.of().formatHex(RouteRequests.deleteLink("eth0").bytes(2)))
        .isEqualTo("2c000000" + "1100" + "0500" + "02000000" + "00000000" + tail);
    assertThat(HexFormat.of().formatHex(RouteRequests.getLink("eth0").bytes(3)))
        .isEqualTo("2c000000" + "1200" + "0500" + "03000000" + "00000000" + tail);
  }

  @Test
  void setGroupNamesTheLinkAndCarriesTheGroup() {
    String expected =
        // nlmsghdr: len 52, RTM_NEWLINK, REQUEST|ACK, seq 2, port 0
        "34000000"
            + "1000"
            + "0500"
            + "02000000"
            + "00000000"
            // ifinfomsg: AF_UNSPEC, index 0, no flags
            + "00000000"
            + "00000000"
            + "00000000"
            + "00000000"
            // IFLA_IFNAME "jc-0\0", padded
            + "0900"
            + "0300"
            + "6a632d3000"
            + "000000"
            // IFLA_GROUP 0x40000007
            + "0800"
            + "1b00"
            + "07000040";
    assertThat(HexFormat.of().formatHex(RouteRequests.setGroup("jc-0", 0x40000007).bytes(2)))
        .isEqualTo(expected);
  }

  @Test
  void deleteGroupCarriesOnlyTheGroup() {
    String expected =
        // nlmsghdr: len 40, RTM_DELLINK, REQUEST|ACK, seq 3, port 0
        "28000000"
            + "1100"
            + "0500"
            + "03000000"
            + "00000000"
            // ifinfomsg: AF_UNSPEC, index 0 (no single link), no flags
            + "00000000"
            + "00000000"
            + "00000000"
            + "00000000"
            // IFLA_GROUP 0x40000007
            + "0800"
            + "1b00"
            + "07000040";
    assertThat(HexFormat.of().formatHex(RouteRequests.deleteGroup(0x40000007).bytes(3)))
        .isEqualTo(expected);
  }
}
