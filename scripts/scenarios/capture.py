# SPDX-License-Identifier: GPL-2.0
# Count the frames an interface receives, by destination and source MAC,
# without making it promiscuous (an AF_PACKET socket on one device).
#
# usage: capture.py DEV SECONDS READY_FILE
#   Runs in the caller's network namespace; touches READY_FILE once the
#   socket is bound, then prints "DST_MAC SRC_MAC COUNT" lines at the end.
#   Frames this host sent (PACKET_OUTGOING) are not counted.

import collections
import socket
import sys
import time

ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4

dev, secs, ready = sys.argv[1], float(sys.argv[2]), sys.argv[3]
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
s.bind((dev, 0))
s.settimeout(0.2)
open(ready, "w").close()
seen = collections.Counter()
end = time.monotonic() + secs
while time.monotonic() < end:
    try:
        frame, addr = s.recvfrom(64)
    except socket.timeout:
        continue
    if addr[2] == PACKET_OUTGOING:
        continue
    seen[(frame[:6].hex(":"), frame[6:12].hex(":"))] += 1
for (dst, src), n in sorted(seen.items()):
    print(dst, src, n)
