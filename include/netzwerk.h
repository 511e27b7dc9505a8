/**
 * @file netzwerk.h
 * @brief libnetzwerk: organised social networks in community social work
 * (Netzwerkarbeit im Sozialraum).
 *
 * Include this one header. It brings in:
 * - netzwerk/common.h: version, ::nw_id, ::nw_date, conventions, thread safety
 * - netzwerk/errors.h: error codes and messages
 * - netzwerk/alloc.h: the pluggable allocator
 * - netzwerk/date.h: calendar dates
 * - netzwerk/form.h: the four relationship forms and their catalogue
 * - netzwerk/network.h: the network and its lifetime
 * - netzwerk/actor.h: persons, groups, organisations
 * - netzwerk/tie.h: ties and their interactions
 * - netzwerk/iter.h: iterators
 * - netzwerk/checklist.h: agreement checklists of ties
 * - netzwerk/consent.h: consent records (Einwilligungen)
 * - netzwerk/principles.h: the five principles and validation
 * - netzwerk/analysis.h: tie strength, snapshots, network measures
 * - netzwerk/io.h: files: native JSON, GraphML, CSV
 * - netzwerk/privacy.h: data protection: erasure, access export, pseudonymised copies
 */
#ifndef NETZWERK_H
#define NETZWERK_H

#include "netzwerk/common.h"
#include "netzwerk/errors.h"
#include "netzwerk/alloc.h"
#include "netzwerk/date.h"
#include "netzwerk/form.h"
#include "netzwerk/network.h"
#include "netzwerk/actor.h"
#include "netzwerk/tie.h"
#include "netzwerk/iter.h"
#include "netzwerk/checklist.h"
#include "netzwerk/consent.h"
#include "netzwerk/principles.h"
#include "netzwerk/analysis.h"
#include "netzwerk/io.h"
#include "netzwerk/privacy.h"

#endif
