/*
 * The quickstart's network, "Netzwerk Sichere Schulwege Nordstadt", for the
 * examples: quickstart.c prints it, validate.c validates it,
 * strength_report.c analyses it, data/make_nordstadt.c saves it.
 */
#ifndef EXAMPLE_NETWORK_H
#define EXAMPLE_NETWORK_H

#include <netzwerk.h>

/* "Today" in the examples. */
#define EXAMPLE_TODAY "2025-07-01"

/* Build the network; on success the caller owns *out (nw_network_free).
 * Returns NW_OK or the code of the first failing call (nw_errmsg() says
 * more); nothing is left allocated on failure. */
int example_network_build(nw_network **out);

#endif
