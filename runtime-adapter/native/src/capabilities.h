/* Capability sets: names, the bounding set, and the sets the process keeps across exec. */
#ifndef SHIM_CAPABILITIES_H
#define SHIM_CAPABILITIES_H

#include "spec.h"

/* CAP_NET_ADMIN -> 12; -1 when unknown. */
int cap_from_name(const char *name);

/* Drops every capability outside the bounding set (needs CAP_SETPCAP: call while still root). */
int caps_drop_bounding(const struct spec_caps *caps);

/* Sets effective/permitted/inheritable, then raises the ambient ones. Call after the user switch. */
int caps_apply(const struct spec_caps *caps);

#endif
