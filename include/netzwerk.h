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
#endif
