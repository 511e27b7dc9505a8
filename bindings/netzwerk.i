/*
 * netzwerk.i: the SWIG interface of libnetzwerk, shared by Python and Lua.
 *
 * Not a module by itself: bindings/python/netzwerk_python.i and
 * bindings/lua/netzwerk_lua.i declare the module, define their language's
 * typemaps (dates, strings, integers, handles, raising errors) and then
 * %include this file. Everything that does not depend on the language is
 * here, once.
 *
 * The pattern (extend it for checklists, validation, analysis, files):
 *
 * - One binding object wraps exactly one C handle and frees it in its
 *   destructor. The raw _new/_free functions are not wrapped (%delobject
 *   only disowns: a method called afterwards would use freed memory).
 *   The C core decides lifetime: handles keep their network alive, a freed
 *   network becomes a zombie, stale handles give NW_ESTALE. So Python's and
 *   Lua's collectors may free objects in any order, and no binding code
 *   rescues anything.
 * - The network is the one exception: Network.close() frees it early, so
 *   its object holds the pointer in a small struct (nwb_network) that
 *   close() empties; calls on a closed network raise a stale error.
 *   [embedding] A host that embeds Lua lends its own network with owned ==
 *   false (bindings/lua/netzwerk_lua_embed.h): close() raises NW_EBUSY and
 *   the destructor leaves the network to the host.
 * - A method calls the C function through nwb_check(). A negative code is
 *   left in nwb_err, and the %exception below raises it right after the
 *   call as the language's error, carrying the code and nw_errmsg().
 * - Results are return values; a call with several results uses the *OUT
 *   typemaps (a tuple in Python, several values in Lua). Borrowed strings
 *   are copied by the out typemaps before anything else can run.
 * - Every method that hands out a new handle is %newobject: the language
 *   owns it and its collector frees it.
 * - Indexes are the language's: 0-based in Python, 1-based in Lua (the
 *   `size_t index` typemap converts).
 * - A form selection (`unsigned form_mask`) is optional and means all forms;
 *   Python passes a bit mask, Lua a form, a list of forms or "strong"/"weak".
 *
 * Adding a class (a checklist, a report, a finding, a snapshot):
 *   1. `typedef nw_report nwb_report;` in the %runtime block below, and
 *      `typedef struct {} nwb_report;` with `%rename(Report) nwb_report;`
 *      under "classes" (the nwb_ name keeps SWIG's generated
 *      nwb_report_<method>() apart from the library's functions);
 *   2. `%extend nwb_report { ~nwb_report() { nw_report_free($self); } ... }`
 *      with methods that call the library through nwb_check();
 *   3. %newobject for each method that returns a new handle;
 *   4. Python: a class in the package that holds the low-level object in
 *      `_h` and its Network, and the names in tests/python/test_lowlevel.py;
 *      Lua: fields and tostring in lua/netzwerk.lua (object checks, keeping
 *      the network alive, __gc and hidden metatables apply to every class).
 *   Long calls (analysis) release the GIL with %thread/-threads in the
 *   Python part; they must then not touch Python objects.
 *   checklist.i, principles.i and io.i (at the end) follow these steps, one
 *   file per header: C records (a finding, a catalogue entry) come back as
 *   dicts / tables and option structs go in as dicts / tables by name
 *   (options.i), converted in python/records_python.i and lua/records_lua.i.
 */

/* The helpers every language part uses. %runtime puts them ahead of the
 * language parts' %{ %} blocks, although those come first in the interface. */
%runtime %{
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "netzwerk.h"

/* The failure of the wrapped call: set by nwb_check()/nwb_fail() and turned
 * into the language's error by %exception. Thread-local like nw_errmsg(). */
typedef struct nwb_error {
    int code;      /* negative nw_error, 0 while nothing failed */
    bool own;      /* msg holds the binding's message instead of nw_errmsg() */
    char msg[256];
} nwb_error;

static _Thread_local nwb_error nwb_err;

/* Record a failed library call; returns rc unchanged. */
static int nwb_check(int rc)
{
    if (rc < 0) {
        nwb_err.code = rc;
        nwb_err.own = false;
    }
    return rc;
}

/* Record a failure detected by the binding itself. */
static void nwb_fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(nwb_err.msg, sizeof nwb_err.msg, fmt, ap);
    va_end(ap);
    nwb_err.code = code;
    nwb_err.own = true;
}

/* The message of the recorded failure. */
static const char *nwb_errmsg(void)
{
    return nwb_err.own ? nwb_err.msg : nw_errmsg();
}

/* The classes as SWIG names them (see "classes" below). */
typedef nw_actor nwb_actor;
typedef nw_tie nwb_tie;
typedef nw_actor_iter nwb_actor_iter;
typedef nw_tie_iter nwb_tie_iter;

/* The binding's network object: the owner's reference, NULL once closed.
 * [embedding] owned is false for a network that a host application lends to
 * a script (bindings/lua/netzwerk_lua_embed.h): close() refuses and the
 * destructor leaves it to the host. */
typedef struct nwb_network {
    nw_network *net;
    bool owned;
} nwb_network;

/* The open network of a binding object, or NULL with a stale error. */
static nw_network *nwb_net(nwb_network *self)
{
    if (!self) {
        nwb_fail(NW_EINVAL, "network is NULL");
        return NULL;
    }
    if (!self->net)
        nwb_fail(NW_ESTALE, self->owned ? "network was closed"
                                        : "the host application has taken the network back");
    return self->net;
}
%}

/* Raise the recorded failure after every wrapped call. NWB_RAISE() is the
 * language's: it leaves the error where SWIG_fail picks it up. */
%exception {
    nwb_err.code = 0;
    $action
    if (nwb_err.code < 0) {
        NWB_RAISE();
        SWIG_fail;
    }
}

/* ---- constants: the enums of the headers, functions left out -------------- */

#define NW_API
%include <stdint.i>

/* The C functions are wrapped as methods below, never directly; the macros
 * (versions, masks, date limits) are C details. */
%rename("$ignore", %$isfunction, regexmatch$name="^nw_") "";
%rename("$ignore", %$isconstant, regexmatch$name="^NW_") "";
/* NW_FORM_KOOPERATION -> KOOPERATION, NW_ACTOR_PERSON -> PERSON,
 * NW_CHANNEL_EMAIL -> EMAIL, NW_INTERACTION_MEETING -> MEETING,
 * NW_LANG_DE -> DE, NW_ENOTFOUND -> ENOTFOUND. */
%rename("%(regex:/^NW_(FORM_|ACTOR_|CHANNEL_|INTERACTION_|LANG_)?(.*)$/\\2/)s", %$isenumitem) "";

%include "netzwerk/common.h"
%include "netzwerk/errors.h"
%include "netzwerk/date.h"
%include "netzwerk/form.h"
%include "netzwerk/network.h"
%include "netzwerk/actor.h"
%include "netzwerk/tie.h"
%include "netzwerk/iter.h"

/* The longest text the library accepts, in bytes. */
%constant int TEXT_MAX = NW_TEXT_MAX;

/* ---- module functions ------------------------------------------------------- */

/* Optional argument of the catalogue functions: German. (Methods below use
 * C++-style default arguments instead: SWIG ignores typemap(default) there.) */
%typemap(default) nw_lang lang "$1 = NW_LANG_DE;"

%rename(version) nwb_version;
%rename(strerror) nwb_strerror;
%rename(date) nwb_date;
%rename(date_parts) nwb_date_parts;
%rename(days) nwb_days;
%rename(date_from_days) nwb_date_from_days;
%rename(form_from_letter) nwb_form_from_letter;
%rename(form_letter) nwb_form_letter;
%rename(form_name) nwb_form_name;
%rename(form_description) nwb_form_description;
%rename(form_is_strong) nwb_form_is_strong;
%rename(form_is_affiliation) nwb_form_is_affiliation;
%rename(form_goal_count) nwb_form_goal_count;
%rename(form_goal) nwb_form_goal;
%rename(form_challenge_count) nwb_form_challenge_count;
%rename(form_challenge) nwb_form_challenge;
%rename(kind_name) nwb_actor_kind_name;
%rename(channel_name) nwb_channel_name;
%rename(interaction_name) nwb_interaction_kind_name;
%rename(_fail) nwb_fail_for_test;

%inline %{
/* For the bindings' own tests: fail with any code and message, to check
 * that each code becomes the right error in each language. */
static void nwb_fail_for_test(int code, const char *message)
{
    nwb_fail(code, "%s", message ? message : "");
}

/* The version of the linked library, "MAJOR.MINOR.PATCH". */
static const char *nwb_version(void) { return nw_version(); }

/* A short description of an error code. */
static const char *nwb_strerror(int code) { return nw_strerror(code); }

/* The date of a year, month and day. */
static nw_date nwb_date(int year, int month, int day)
{
    nw_date d = NW_DATE_NONE;
    nwb_check(nw_date_from_ymd(&d, year, month, day));
    return d;
}

/* Year, month and day of a date. */
static void nwb_date_parts(int *OUT, int *OUT2, int *OUT3, nw_date date)
{
    nwb_check(nw_date_to_ymd(OUT, OUT2, OUT3, date));
}

/* The number of days from 1970-01-01 to a date (negative before it). */
static long nwb_days(nw_date date)
{
    if (!nw_date_is_valid(date)) {
        nwb_fail(NW_EINVAL, "no date given");
        return 0;
    }
    return (long)date;
}

/* The date a number of days after 1970-01-01. */
static nw_date nwb_date_from_days(long days)
{
    if (days < NW_DATE_MIN || days > NW_DATE_MAX || !nw_date_is_valid((nw_date)days)) {
        nwb_fail(NW_EINVAL, "day %ld is outside 0001-01-01 to 9999-12-31", days);
        return NW_DATE_NONE;
    }
    return (nw_date)days;
}

/* The form with a letter "A" to "D" (lower case accepted). */
static nw_form nwb_form_from_letter(const char *letter)
{
    nw_form form = NW_FORM_BEGEGNUNG;
    if (!letter || !letter[0] || letter[1]) {
        nwb_fail(NW_EINVAL, "a form letter is one of A, B, C, D");
        return form;
    }
    nwb_check(nw_form_from_letter(&form, letter[0]));
    return form;
}

/* The letter of a form, "A" to "D". */
static const char *nwb_form_letter(nw_form form)
{
    static const char letters[] = "A\0B\0C\0D";
    char letter;
    if (nwb_check(nw_form_letter(&letter, form)) < 0)
        return NULL;
    return &letters[2 * (letter - 'A')];
}

/* The name of a form: "Kooperation" / "Cooperation". */
static const char *nwb_form_name(nw_form form, nw_lang lang)
{
    const char *s = NULL;
    nwb_check(nw_form_name(&s, form, lang));
    return s;
}

/* The names of actor kinds, contact channels and interaction kinds:
 * "Organisation" / "organisation" (English: the file formats' words). */
static const char *nwb_actor_kind_name(nw_actor_kind kind, nw_lang lang)
{
    const char *s = NULL;
    nwb_check(nw_actor_kind_name(&s, kind, lang));
    return s;
}

static const char *nwb_channel_name(nw_channel channel, nw_lang lang)
{
    const char *s = NULL;
    nwb_check(nw_channel_name(&s, channel, lang));
    return s;
}

static const char *nwb_interaction_kind_name(nw_interaction_kind kind, nw_lang lang)
{
    const char *s = NULL;
    nwb_check(nw_interaction_kind_name(&s, kind, lang));
    return s;
}

/* One sentence that says what the form is. */
static const char *nwb_form_description(nw_form form, nw_lang lang)
{
    const char *s = NULL;
    nwb_check(nw_form_description(&s, form, lang));
    return s;
}

/* Whether the form makes a strong tie (B Kooperation, D Gruppe). */
static bool nwb_form_is_strong(nw_form form)
{
    bool b = false;
    nwb_check(nw_form_is_strong(&b, form));
    return b;
}

/* Whether the form is a standing affiliation (C Kontakt, D Gruppe). */
static bool nwb_form_is_affiliation(nw_form form)
{
    bool b = false;
    nwb_check(nw_form_is_affiliation(&b, form));
    return b;
}

/* The number of goals (Ziele) of a form. */
static size_t nwb_form_goal_count(nw_form form)
{
    size_t n = 0;
    nwb_check(nw_form_goal_count(&n, form));
    return n;
}

/* One goal (Ziel) of a form. */
static const char *nwb_form_goal(nw_form form, size_t index, nw_lang lang)
{
    const char *s = NULL;
    nwb_check(nw_form_goal(&s, form, index, lang));
    return s;
}

/* The number of challenges (Herausforderungen) of a form. */
static size_t nwb_form_challenge_count(nw_form form)
{
    size_t n = 0;
    nwb_check(nw_form_challenge_count(&n, form));
    return n;
}

/* One challenge (Herausforderung) of a form. */
static const char *nwb_form_challenge(nw_form form, size_t index, nw_lang lang)
{
    const char *s = NULL;
    nwb_check(nw_form_challenge(&s, form, index, lang));
    return s;
}
%}

/* ---- classes ------------------------------------------------------------------ */

/* SWIG's view of the opaque handles: empty structs to hang methods on; the C
 * code only ever sees pointers to them. The nwb_ names (typedefs of the
 * nw_ types, see below) keep SWIG's generated nwb_actor_remove() & co. apart
 * from the library's nw_actor_remove(). No default constructor (objects come
 * from the network) and no default destructor (each has its own below). */
%rename(Network) nwb_network;
%rename(Actor) nwb_actor;
%rename(Tie) nwb_tie;
%rename(ActorIter) nwb_actor_iter;
%rename(TieIter) nwb_tie_iter;
%nodefaultctor;
%nodefaultdtor;
typedef struct {} nwb_network;
typedef struct {} nwb_actor;
typedef struct {} nwb_tie;
typedef struct {} nwb_actor_iter;
typedef struct {} nwb_tie_iter;
%clearnodefaultctor;
%clearnodefaultdtor;

/* Methods that hand out a new handle: the language owns it. */
%newobject add_actor;
%newobject actor_by_id;
%newobject actor_by_name;
%newobject add_tie;
%newobject tie_by_id;
%newobject actors;
%newobject ties;
%newobject neighbors;
%newobject member;
%newobject dup;
%newobject next;


/* A getter of a borrowed string: the out typemap copies it at once. */
%define NWB_STRING(call)
    const char *s = NULL;
    nwb_check(call);
    return s;
%enddef

/* ---- Network -------------------------------------------------------------------- */

%extend nwb_network {
    /* A new, empty network with a name. */
    nwb_network(const char *name)
    {
        nw_network *net = NULL;
        nwb_network *self;
        if (nwb_check(nw_network_new(&net, name)) < 0)
            return NULL;
        self = malloc(sizeof *self);
        if (!self) {
            nw_network_free(net);
            nwb_fail(NW_ENOMEM, "out of memory");
            return NULL;
        }
        self->net = net;
        self->owned = true;
        return self;
    }

    ~nwb_network()
    {
        if ($self->owned)
            nw_network_free($self->net);
        free($self);
    }

    /* Give up the network now. Its actors, ties and iterators become stale;
     * calling close() again does nothing. A network lent by a host
     * application cannot be closed (NW_EBUSY). */
    void close()
    {
        if ($self && !$self->owned && $self->net) {
            nwb_fail(NW_EBUSY, "the network belongs to the host application; "
                               "only the host can close it");
        } else if ($self) {
            nw_network_free($self->net);
            $self->net = NULL;
        }
    }

    /* Whether close() was called. */
    bool is_closed() { return !$self || !$self->net; }

    const char *get_name()
    {
        nw_network *net = nwb_net($self);
        const char *s = NULL;
        if (net)
            nwb_check(nw_network_name(&s, net));
        return s;
    }

    void set_name(const char *name)
    {
        nw_network *net = nwb_net($self);
        if (net)
            nwb_check(nw_network_set_name(net, name));
    }

    void add_topic(const char *topic)
    {
        nw_network *net = nwb_net($self);
        if (net)
            nwb_check(nw_network_topic_add(net, topic));
    }

    void remove_topic(const char *topic)
    {
        nw_network *net = nwb_net($self);
        if (net)
            nwb_check(nw_network_topic_remove(net, topic));
    }

    size_t topic_count()
    {
        nw_network *net = nwb_net($self);
        size_t n = 0;
        if (net)
            nwb_check(nw_network_topic_count(&n, net));
        return n;
    }

    const char *topic(size_t index)
    {
        nw_network *net = nwb_net($self);
        const char *s = NULL;
        if (net)
            nwb_check(nw_network_topic(&s, net, index));
        return s;
    }

    void add_goal(const char *goal)
    {
        nw_network *net = nwb_net($self);
        if (net)
            nwb_check(nw_network_goal_add(net, goal));
    }

    void remove_goal(const char *goal)
    {
        nw_network *net = nwb_net($self);
        if (net)
            nwb_check(nw_network_goal_remove(net, goal));
    }

    size_t goal_count()
    {
        nw_network *net = nwb_net($self);
        size_t n = 0;
        if (net)
            nwb_check(nw_network_goal_count(&n, net));
        return n;
    }

    const char *goal(size_t index)
    {
        nw_network *net = nwb_net($self);
        const char *s = NULL;
        if (net)
            nwb_check(nw_network_goal(&s, net, index));
        return s;
    }

    size_t actor_count()
    {
        nw_network *net = nwb_net($self);
        size_t n = 0;
        if (net)
            nwb_check(nw_network_actor_count(&n, net));
        return n;
    }

    size_t tie_count(unsigned form_mask = NW_FORM_MASK_ALL)
    {
        nw_network *net = nwb_net($self);
        size_t n = 0;
        if (net)
            nwb_check(nw_network_tie_count(&n, net, form_mask));
        return n;
    }

    /* Add an actor with a unique name; a person unless kind says otherwise. */
    nwb_actor *add_actor(const char *name, nw_actor_kind kind = NW_ACTOR_PERSON)
    {
        nw_network *net = nwb_net($self);
        nwb_actor *a = NULL;
        if (net)
            nwb_check(nw_actor_add(&a, net, kind, name));
        return a;
    }

    nwb_actor *actor_by_id(nw_id id)
    {
        nw_network *net = nwb_net($self);
        nwb_actor *a = NULL;
        if (net)
            nwb_check(nw_actor_lookup(&a, net, id));
        return a;
    }

    nwb_actor *actor_by_name(const char *name)
    {
        nw_network *net = nwb_net($self);
        nwb_actor *a = NULL;
        if (net)
            nwb_check(nw_actor_lookup_name(&a, net, name));
        return a;
    }

    /* Add a tie of a form between two or more actors, from a start date. */
    nwb_tie *add_tie(nw_form form, nwb_actor *const *members, size_t count, nw_date start)
    {
        nw_network *net = nwb_net($self);
        nwb_tie *t = NULL;
        if (net)
            nwb_check(nw_tie_add(&t, net, form, members, count, start));
        return t;
    }

    nwb_tie *tie_by_id(nw_id id)
    {
        nw_network *net = nwb_net($self);
        nwb_tie *t = NULL;
        if (net)
            nwb_check(nw_tie_lookup(&t, net, id));
        return t;
    }

    /* An iterator over all actors, in order of identity. */
    nwb_actor_iter *actors()
    {
        nw_network *net = nwb_net($self);
        nwb_actor_iter *it = NULL;
        if (net)
            nwb_check(nw_actor_iter_new(&it, net));
        return it;
    }

    /* An iterator over the ties of the selected forms, in order of identity. */
    nwb_tie_iter *ties(unsigned form_mask = NW_FORM_MASK_ALL)
    {
        nw_network *net = nwb_net($self);
        nwb_tie_iter *it = NULL;
        if (net)
            nwb_check(nw_tie_iter_new(&it, net, form_mask));
        return it;
    }
}

/* ---- Actor ------------------------------------------------------------------------ */

%extend nwb_actor {
    ~nwb_actor() { nw_actor_free($self); }

    /* Remove the actor from its network (and the ties left with one member). */
    void remove() { nwb_check(nw_actor_remove($self)); }

    /* A second handle on the same actor. */
    nwb_actor *dup()
    {
        nwb_actor *a = NULL;
        nwb_check(nw_actor_dup(&a, $self));
        return a;
    }

    /* Whether both name the same actor of the same network. */
    bool equals(nwb_actor *other)
    {
        bool b = false;
        nwb_check(nw_actor_equal(&b, $self, other));
        return b;
    }

    nw_id get_id()
    {
        nw_id id = NW_ID_NONE;
        nwb_check(nw_actor_id(&id, $self));
        return id;
    }

    const char *get_name() { NWB_STRING(nw_actor_name(&s, $self)) }
    void set_name(const char *name) { nwb_check(nw_actor_set_name($self, name)); }

    nw_actor_kind get_kind()
    {
        nw_actor_kind k = NW_ACTOR_PERSON;
        nwb_check(nw_actor_kind_get(&k, $self));
        return k;
    }

    void set_kind(nw_actor_kind kind) { nwb_check(nw_actor_set_kind($self, kind)); }

    nw_date get_joined()
    {
        nw_date d = NW_DATE_NONE;
        nwb_check(nw_actor_joined(&d, $self));
        return d;
    }

    void set_joined(nw_date date) { nwb_check(nw_actor_set_joined($self, date)); }

    void add_contact(nw_channel channel, const char *value)
    {
        nwb_check(nw_actor_contact_add($self, channel, value));
    }

    size_t contact_count()
    {
        size_t n = 0;
        nwb_check(nw_actor_contact_count(&n, $self));
        return n;
    }

    /* One way to reach the actor: its channel and its value. */
    void contact(int *OUT, const char **OUT2, size_t index)
    {
        nw_channel channel = NW_CHANNEL_OTHER;
        if (nwb_check(nw_actor_contact(&channel, OUT2, $self, index)) == NW_OK)
            *OUT = (int)channel;
    }

    void remove_contact(size_t index) { nwb_check(nw_actor_contact_remove($self, index)); }

    void add_interest(const char *interest) { nwb_check(nw_actor_interest_add($self, interest)); }
    void remove_interest(const char *interest) { nwb_check(nw_actor_interest_remove($self, interest)); }

    size_t interest_count()
    {
        size_t n = 0;
        nwb_check(nw_actor_interest_count(&n, $self));
        return n;
    }

    const char *interest(size_t index) { NWB_STRING(nw_actor_interest(&s, $self, index)) }

    void give_consent(nw_date date) { nwb_check(nw_actor_consent_give($self, date)); }
    void withdraw_consent(nw_date date) { nwb_check(nw_actor_consent_withdraw($self, date)); }

    /* The consent record: the date given and the date withdrawn (each may be none). */
    void consent(nw_date *OUT, nw_date *OUT2)
    {
        nwb_check(nw_actor_consent(OUT, OUT2, $self));
    }

    bool has_consent(nw_date date)
    {
        bool b = false;
        nwb_check(nw_actor_has_consent(&b, $self, date));
        return b;
    }

    void set_attr(const char *key, const char *value)
    {
        nwb_check(nw_actor_attr_set($self, key, value));
    }

    /* The value of an attribute, or nothing (None / nil) if the actor has none. */
    const char *attr(const char *key)
    {
        const char *s = NULL;
        int rc = nw_actor_attr_get(&s, $self, key);
        if (rc != NW_ENOTFOUND)
            nwb_check(rc);
        return s;
    }

    void remove_attr(const char *key) { nwb_check(nw_actor_attr_remove($self, key)); }

    size_t attr_count()
    {
        size_t n = 0;
        nwb_check(nw_actor_attr_count(&n, $self));
        return n;
    }

    /* One attribute by position (keys in byte order): its key and its value. */
    void attr_at(const char **OUT, const char **OUT2, size_t index)
    {
        nwb_check(nw_actor_attr(OUT, OUT2, $self, index));
    }

    size_t tie_count(unsigned form_mask = NW_FORM_MASK_ALL)
    {
        size_t n = 0;
        nwb_check(nw_actor_tie_count(&n, $self, form_mask));
        return n;
    }

    /* An iterator over the actor's ties of the selected forms. */
    nwb_tie_iter *ties(unsigned form_mask = NW_FORM_MASK_ALL)
    {
        nwb_tie_iter *it = NULL;
        nwb_check(nw_tie_iter_new_actor(&it, $self, form_mask));
        return it;
    }

    /* An iterator over the actors that share a tie of the selected forms. */
    nwb_actor_iter *neighbors(unsigned form_mask = NW_FORM_MASK_ALL)
    {
        nwb_actor_iter *it = NULL;
        nwb_check(nw_actor_iter_new_neighbors(&it, $self, form_mask));
        return it;
    }
}

/* ---- Tie ----------------------------------------------------------------------------- */

%extend nwb_tie {
    ~nwb_tie() { nw_tie_free($self); }

    /* Remove the tie, with its interaction log, from its network. */
    void remove() { nwb_check(nw_tie_remove($self)); }

    nwb_tie *dup()
    {
        nwb_tie *t = NULL;
        nwb_check(nw_tie_dup(&t, $self));
        return t;
    }

    bool equals(nwb_tie *other)
    {
        bool b = false;
        nwb_check(nw_tie_equal(&b, $self, other));
        return b;
    }

    nw_id get_id()
    {
        nw_id id = NW_ID_NONE;
        nwb_check(nw_tie_id(&id, $self));
        return id;
    }

    nw_form get_form()
    {
        nw_form f = NW_FORM_BEGEGNUNG;
        nwb_check(nw_tie_form(&f, $self));
        return f;
    }

    size_t member_count()
    {
        size_t n = 0;
        nwb_check(nw_tie_member_count(&n, $self));
        return n;
    }

    /* One member, by position in order of identity. */
    nwb_actor *member(size_t index)
    {
        nwb_actor *a = NULL;
        nwb_check(nw_tie_member(&a, $self, index));
        return a;
    }

    bool has_member(nwb_actor *actor)
    {
        bool b = false;
        nwb_check(nw_tie_has_member(&b, $self, actor));
        return b;
    }

    void add_member(nwb_actor *actor) { nwb_check(nw_tie_member_add($self, actor)); }
    void remove_member(nwb_actor *actor) { nwb_check(nw_tie_member_remove($self, actor)); }

    nw_date get_start()
    {
        nw_date d = NW_DATE_NONE;
        nwb_check(nw_tie_start(&d, $self));
        return d;
    }

    void set_start(nw_date date) { nwb_check(nw_tie_set_start($self, date)); }

    /* The end date, or nothing while the tie goes on. */
    nw_date get_end()
    {
        nw_date d = NW_DATE_NONE;
        nwb_check(nw_tie_end(&d, $self));
        return d;
    }

    /* End the tie on a date, or reopen it with nothing (None / nil). */
    void set_end(nw_date date) { nwb_check(nw_tie_set_end($self, date)); }

    bool exists_on(nw_date date)
    {
        bool b = false;
        nwb_check(nw_tie_exists_on(&b, $self, date));
        return b;
    }

    bool get_imposed()
    {
        bool b = false;
        nwb_check(nw_tie_imposed(&b, $self));
        return b;
    }

    void set_imposed(bool imposed) { nwb_check(nw_tie_set_imposed($self, imposed)); }

    const char *get_label() { NWB_STRING(nw_tie_label(&s, $self)) }
    void set_label(const char *label) { nwb_check(nw_tie_set_label($self, label)); }

    void add_topic(const char *topic) { nwb_check(nw_tie_topic_add($self, topic)); }
    void remove_topic(const char *topic) { nwb_check(nw_tie_topic_remove($self, topic)); }

    size_t topic_count()
    {
        size_t n = 0;
        nwb_check(nw_tie_topic_count(&n, $self));
        return n;
    }

    const char *topic(size_t index) { NWB_STRING(nw_tie_topic(&s, $self, index)) }

    void add_goal(const char *goal) { nwb_check(nw_tie_goal_add($self, goal)); }
    void remove_goal(const char *goal) { nwb_check(nw_tie_goal_remove($self, goal)); }

    size_t goal_count()
    {
        size_t n = 0;
        nwb_check(nw_tie_goal_count(&n, $self));
        return n;
    }

    const char *goal(size_t index) { NWB_STRING(nw_tie_goal(&s, $self, index)) }

    /* Log an interaction on a date within the tie's lifetime. */
    void add_interaction(nw_date date, nw_interaction_kind kind, const char *note = NULL)
    {
        nwb_check(nw_tie_interaction_add($self, date, kind, note));
    }

    size_t interaction_count()
    {
        size_t n = 0;
        nwb_check(nw_tie_interaction_count(&n, $self));
        return n;
    }

    /* One logged interaction, in date order: its date, kind and note. */
    void interaction(nw_date *OUT, int *OUT2, const char **OUT3, size_t index)
    {
        nw_interaction_kind kind = NW_INTERACTION_MEETING;
        if (nwb_check(nw_tie_interaction(OUT, &kind, OUT3, $self, index)) == NW_OK)
            *OUT2 = (int)kind;
    }

    void remove_interaction(size_t index) { nwb_check(nw_tie_interaction_remove($self, index)); }
}

/* ---- iterators ------------------------------------------------------------------------ */

%extend nwb_actor_iter {
    ~nwb_actor_iter() { nw_actor_iter_free($self); }

    /* The next actor, or nothing (None / nil) at the end. */
    nwb_actor *next()
    {
        nwb_actor *a = NULL;
        int rc = nw_actor_iter_next(&a, $self);
        if (rc != NW_ITEROVER)
            nwb_check(rc);
        return a;
    }
}

%extend nwb_tie_iter {
    ~nwb_tie_iter() { nw_tie_iter_free($self); }

    /* The next tie, or nothing (None / nil) at the end. */
    nwb_tie *next()
    {
        nwb_tie *t = NULL;
        int rc = nw_tie_iter_next(&t, $self);
        if (rc != NW_ITEROVER)
            nwb_check(rc);
        return t;
    }
}

/* ---- checklists, validation, files ---------------------------------------------
 * One file per header, each with its classes and module functions; the
 * language parts convert their records and options (python/records_python.i,
 * lua/records_lua.i). */
%include "options.i"
%include "checklist.i"
%include "principles.i"
%include "io.i"
%include "analysis.i"
%include "privacy.i"
%include "bulk.i"
