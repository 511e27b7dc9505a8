/*
 * checklist.i: agreement checklists (netzwerk/checklist.h). Part of netzwerk.i.
 *
 * The low-level Checklist works with item identities, as the C API does:
 * the language layers turn them into item objects, and actor identities
 * (responsible, partner) into actors of the network they hold; a checklist
 * handle cannot name its network.
 *
 * Results that the language parts convert (python/records_python.i,
 * lua/records_lua.i):
 * - `const nw_checklist_builtin *`: a catalogue entry, as a dict / table;
 * - `nwb_progress`: done, agreed, applicable;
 * - `(nw_id **IDS, size_t *COUNT)`: a list of item identities, freed with
 *   nw_free() (IDS2/COUNT2 when it follows another result);
 * - `bool *OUT`: a boolean result.
 */

%runtime %{
typedef nw_checklist nwb_checklist;

/* How far a checklist has got (nw_checklist_progress()). */
typedef struct nwb_progress {
    size_t done;
    size_t agreed;
    size_t applicable;
} nwb_progress;
%}

/* The enums (ITEM_OPEN, ...) and no C struct as a class. */
%ignore nw_checklist_builtin;
%include "netzwerk/checklist.h"

/* The code of every item a user adds. */
%constant const char *ITEM_CODE_CUSTOM = NW_ITEM_CODE_CUSTOM;

/* ---- the catalogue -------------------------------------------------------- */

%rename(checklist_builtin_count) nwb_checklist_builtin_count;
%rename(checklist_builtin) nwb_checklist_builtin;
%rename(checklist_builtin_find) nwb_checklist_builtin_find;
%rename(item_state_name) nwb_item_state_name;

%inline %{
/* The number of built-in items in a form's template. */
static size_t nwb_checklist_builtin_count(nw_form form)
{
    size_t n = 0;
    nwb_check(nw_checklist_builtin_count(&n, form));
    return n;
}

/* One built-in item of a form's template, in catalogue order. */
static const nw_checklist_builtin *nwb_checklist_builtin(nw_form form, size_t index)
{
    const nw_checklist_builtin *b = NULL;
    nwb_check(nw_checklist_builtin_get(&b, form, index));
    return b;
}

/* The built-in item with a code such as "coop.goal". */
static const nw_checklist_builtin *nwb_checklist_builtin_find(const char *code)
{
    const nw_checklist_builtin *b = NULL;
    nwb_check(nw_checklist_builtin_find(&b, code));
    return b;
}

/* The name of an item state: "offen" / "open", ... */
static const char *nwb_item_state_name(nw_item_state state, nw_lang lang)
{
    const char *s = NULL;
    nwb_check(nw_item_state_name(&s, state, lang));
    return s;
}
%}

/* ---- classes -------------------------------------------------------------- */

%rename(Checklist) nwb_checklist;
%nodefaultctor;
%nodefaultdtor;
typedef struct {} nwb_checklist;
%clearnodefaultctor;
%clearnodefaultdtor;

%newobject checklist;
%newobject create_checklist;

%extend nwb_tie {
    /* The tie's checklist, or nothing (None / nil) if it has none (an
     * encounter or contact without one). */
    nwb_checklist *checklist()
    {
        nwb_checklist *cl = NULL;
        int rc = nw_tie_checklist(&cl, $self);
        if (rc != NW_ENOTFOUND)
            nwb_check(rc);
        return cl;
    }

    /* Give an encounter or a contact a checklist from its form's template. */
    nwb_checklist *create_checklist()
    {
        nwb_checklist *cl = NULL;
        nwb_check(nw_tie_checklist_create(&cl, $self));
        return cl;
    }
}

%extend nwb_checklist {
    ~nwb_checklist() { nw_checklist_free($self); }

    /* The identity of the checklist's tie (also when stale). */
    nw_id get_tie_id()
    {
        nw_id id = NW_ID_NONE;
        nwb_check(nw_checklist_tie_id(&id, $self));
        return id;
    }

    size_t item_count()
    {
        size_t n = 0;
        nwb_check(nw_checklist_item_count(&n, $self));
        return n;
    }

    /* The identity of the item at a position. */
    nw_id item_at(size_t index)
    {
        nw_id id = NW_ID_NONE;
        nwb_check(nw_checklist_item_at(&id, $self, index));
        return id;
    }

    /* The built-in item with a code (and for a per-partner item the
     * partner's actor identity). */
    nw_id find(const char *code, nw_id partner = NW_ID_NONE)
    {
        nw_id id = NW_ID_NONE;
        nwb_check(nw_checklist_find(&id, $self, code, partner));
        return id;
    }

    /* Add an item of the user's own; its identity. */
    nw_id add_item(const char *label)
    {
        nw_id id = NW_ID_NONE;
        nwb_check(nw_checklist_item_add(&id, $self, label));
        return id;
    }

    void remove_item(nw_id item) { nwb_check(nw_checklist_item_remove($self, item)); }

    const char *item_code(nw_id item) { NWB_STRING(nw_checklist_item_code(&s, $self, item)) }

    const char *item_label(nw_id item, nw_lang lang = NW_LANG_DE)
    {
        NWB_STRING(nw_checklist_item_label(&s, $self, item, lang))
    }

    void set_item_label(nw_id item, const char *label)
    {
        nwb_check(nw_checklist_item_set_label($self, item, label));
    }

    /* The partner of a per-partner item: an actor identity, 0 for none. */
    nw_id item_partner(nw_id item)
    {
        nw_id id = NW_ID_NONE;
        nwb_check(nw_checklist_item_partner(&id, $self, item));
        return id;
    }

    nw_item_state item_state(nw_id item)
    {
        nw_item_state state = NW_ITEM_OPEN;
        nwb_check(nw_checklist_item_state(&state, $self, item));
        return state;
    }

    void set_item_state(nw_id item, nw_item_state state)
    {
        nwb_check(nw_checklist_item_set_state($self, item, state));
    }

    /* The responsible actor's identity, 0 for none. */
    nw_id item_responsible(nw_id item)
    {
        nw_id id = NW_ID_NONE;
        nwb_check(nw_checklist_item_responsible(&id, $self, item));
        return id;
    }

    void set_item_responsible(nw_id item, nwb_actor *actor)
    {
        nwb_check(nw_checklist_item_set_responsible($self, item, actor));
    }

    void clear_item_responsible(nw_id item)
    {
        nwb_check(nw_checklist_item_set_responsible($self, item, NULL));
    }

    /* The due date (of a review item: the next review), or nothing. */
    nw_date item_due(nw_id item)
    {
        nw_date d = NW_DATE_NONE;
        nwb_check(nw_checklist_item_due(&d, $self, item));
        return d;
    }

    void set_item_due(nw_id item, nw_date due)
    {
        nwb_check(nw_checklist_item_set_due($self, item, due));
    }

    const char *item_note(nw_id item) { NWB_STRING(nw_checklist_item_note(&s, $self, item)) }

    void set_item_note(nw_id item, const char *note)
    {
        nwb_check(nw_checklist_item_set_note($self, item, note));
    }

    bool item_overdue(nw_id item, nw_date as_of)
    {
        bool b = false;
        nwb_check(nw_checklist_item_overdue(&b, $self, item, as_of));
        return b;
    }

    bool item_settled(nw_id item, nw_date as_of)
    {
        bool b = false;
        nwb_check(nw_checklist_item_settled(&b, $self, item, as_of));
        return b;
    }

    /* Items done, agreed (not yet done) and applicable. */
    nwb_progress progress()
    {
        nwb_progress p = { 0, 0, 0 };
        nwb_check(nw_checklist_progress(&p.done, &p.agreed, &p.applicable, $self));
        return p;
    }

    /* The identities of the items open or overdue on a date. */
    void pending(nw_id **IDS, size_t *COUNT, nw_date as_of)
    {
        nwb_check(nw_checklist_pending(IDS, COUNT, $self, as_of));
    }

    /* Whether the checklist is well agreed on a date, and the identities
     * of the unsettled items. */
    void well_agreed(bool *OUT, nw_id **IDS2, size_t *COUNT2, nw_date as_of)
    {
        nwb_check(nw_checklist_well_agreed(OUT, IDS2, COUNT2, $self, as_of));
    }
}
