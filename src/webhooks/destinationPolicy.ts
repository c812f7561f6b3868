import { BlockList, isIP } from 'node:net';

// Addresses a webhook must never reach: this host, private networks, link-local (cloud metadata
// services live at 169.254.169.254 and fd00:ec2::254), carrier-grade NAT, multicast, reserved.
const refused4 = new BlockList();
for (const [net, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3]] as const) {
  refused4.addSubnet(net, bits, 'ipv4');
}
// IPv4-mapped and NAT64 addresses could name any of the above; unique-local, link-local, multicast.
// A list of its own: a BlockList checks an IPv4 address against IPv6 rules as its mapped form.
const refused6 = new BlockList();
for (const [net, bits] of [['::', 127], ['::ffff:0:0', 96], ['64:ff9b::', 96], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) {
  refused6.addSubnet(net, bits, 'ipv6');
}

/** Whether a resolved address is one a webhook may be sent to. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return family === 4 ? !refused4.check(address, 'ipv4') : !refused6.check(address, 'ipv6');
}
