/*
 * GraphML export and import, for Gephi, yEd, NetworkX and igraph.
 *
 * Export: actors are nodes "a<id>", ties are edges; a tie of more than two
 * members becomes one edge per pair, each carrying the tie's identity in
 * the "tie" attribute, so that the import can put the tie together again.
 * Typed attributes: form (letter), form_name, strong (boolean), start, end,
 * imposed (boolean), last_interaction, interactions (int) ... (see
 * docs/format.md). Contacts and interaction notes stay out: GraphML is for
 * analysis tools, and those are the most personal fields.
 *
 * Import (expat, chosen over libxml2 because it takes a per-parser
 * allocator, so nw_set_allocator covers it, and because it never loads
 * anything from outside): any GraphML; document type declarations are
 * refused, which rules out entity expansion attacks and external entities
 * (XXE) at once. The whole file is collected first (edges may come before
 * their nodes), then the network is built.
 */
#define _POSIX_C_SOURCE 200809L

#include "io_internal.h"

#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>

/* ====================================================================== */
/* Writing                                                                */
/* ====================================================================== */

/* Text in element content or attribute values. */
static void put_xml(nw_buf *b, const char *s)
{
    const char *run = s;
    for (;; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\n': rep = "&#10;"; break;
        case '\r': rep = "&#13;"; break;
        case '\t': rep = "&#9;"; break;
        case '\0': break;
        default: continue;
        }
        nw_buf_put(b, run, (size_t)(s - run));
        if (*s == '\0')
            break;
        nw_buf_puts(b, rep);
        run = s + 1;
    }
}

static void data_open(nw_buf *b, const char *key)
{
    nw_buf_puts(b, "      <data key=\"");
    nw_buf_puts(b, key);
    nw_buf_puts(b, "\">");
}

static void data_text(nw_buf *b, const char *key, const char *text)
{
    data_open(b, key);
    put_xml(b, text);
    nw_buf_puts(b, "</data>\n");
}

static void data_date(nw_buf *b, const char *key, nw_date d)
{
    data_open(b, key);
    nw_buf_put_date(b, d);
    nw_buf_puts(b, "</data>\n");
}

static void data_u64(nw_buf *b, const char *key, uint64_t v)
{
    data_open(b, key);
    nw_buf_put_u64(b, v);
    nw_buf_puts(b, "</data>\n");
}

static void data_list(nw_buf *b, const char *key, const nw_strset *set)
{
    data_open(b, key);
    nw_buf tmp;
    nw_buf_init(&tmp);
    nw_list_put(&tmp, (const char *const *)set->items, set->len);
    if (tmp.failed)
        b->failed = true;
    else if (tmp.len > 0) {
        tmp.data[tmp.len] = '\0';
        put_xml(b, tmp.data);
    }
    nw_buf_free(&tmp);
    nw_buf_puts(b, "</data>\n");
}

/* The fixed node attributes; an actor attribute of one of these names (or
 * starting with "attr.") is exported as "attr.<key>", so that the import
 * can tell them apart. */
static const char *const node_fields[] = {
    "name", "kind", "joined", "consent_given", "consent_withdrawn", "interests", NULL
};

static bool needs_prefix(const char *key)
{
    for (const char *const *f = node_fields; *f; f++)
        if (strcmp(*f, key) == 0)
            return true;
    return strncmp(key, "attr.", 5) == 0;
}

static int compare_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The sorted, distinct attribute keys of all actors. */
static int attr_keys(const nw_network *net, const char ***out, size_t *n)
{
    size_t total = 0;
    for (uint64_t id = 1; id < net->next_actor_id; id++)
        if (net->actors[id] != NULL)
            total += nw_actor_rec_extra(net->actors[id])->nattrs;
    const char **keys = nw_mem_calloc(total ? total : 1, sizeof *keys);
    if (keys == NULL)
        return NW_ENOMEM;
    size_t k = 0;
    for (uint64_t id = 1; id < net->next_actor_id; id++) {
        if (net->actors[id] == NULL)
            continue;
        const struct nw_actor_extra *ax = nw_actor_rec_extra(net->actors[id]);
        for (size_t i = 0; i < ax->nattrs; i++)
            keys[k++] = ax->attrs[i].key;
    }
    qsort(keys, k, sizeof *keys, compare_str);
    size_t m = 0;
    for (size_t i = 0; i < k; i++)
        if (m == 0 || strcmp(keys[m - 1], keys[i]) != 0)
            keys[m++] = keys[i];
    *out = keys;
    *n = m;
    return NW_OK;
}

static void put_key(nw_buf *b, const char *id, const char *for_, const char *name,
                    const char *type)
{
    nw_buf_puts(b, "  <key id=\"");
    put_xml(b, id);
    nw_buf_printf(b, "\" for=\"%s\" attr.name=\"", for_);
    put_xml(b, name);
    nw_buf_printf(b, "\" attr.type=\"%s\"/>\n", type);
}

static void save_node(nw_buf *b, const nw_actor_rec *a, const char **keys, size_t nkeys)
{
    const struct nw_actor_extra *ax = nw_actor_rec_extra(a);
    nw_buf_puts(b, "    <node id=\"a");
    nw_buf_put_u64(b, a->id);
    nw_buf_puts(b, "\">\n");
    data_text(b, "n_name", a->name);
    data_text(b, "n_kind", nw_io_kind_names[a->kind]);
    if (a->joined != NW_DATE_NONE)
        data_date(b, "n_joined", a->joined);
    /* The current general consent; the history is the native format's. */
    const nw_consent_rec *c = nw_consent_general(a);
    if (c != NULL)
        data_date(b, "n_consent_given", c->given);
    if (c != NULL && c->withdrawn != NW_DATE_NONE)
        data_date(b, "n_consent_withdrawn", c->withdrawn);
    if (ax->interests.len > 0)
        data_list(b, "n_interests", &ax->interests);
    /* Both lists are sorted by key: merge. */
    size_t k = 0;
    for (size_t i = 0; i < ax->nattrs; i++) {
        while (k < nkeys && strcmp(keys[k], ax->attrs[i].key) < 0)
            k++;
        char id[32];
        snprintf(id, sizeof id, "n_attr%zu", k);
        data_text(b, id, ax->attrs[i].value);
    }
    nw_buf_puts(b, "    </node>\n");
}

static void save_edge_data(nw_buf *b, const nw_tie_rec *t)
{
    char letter = 'A';
    const char *form_name = "";
    bool strong = false;
    nw_form_letter(&letter, t->form);
    nw_form_name(&form_name, t->form, NW_LANG_DE);
    nw_form_is_strong(&strong, t->form);
    char form[2] = { letter, '\0' };
    data_u64(b, "e_tie", t->id);
    data_text(b, "e_form", form);
    data_text(b, "e_form_name", form_name);
    data_text(b, "e_strong", strong ? "true" : "false");
    data_date(b, "e_start", t->start);
    if (t->end != NW_DATE_NONE)
        data_date(b, "e_end", t->end);
    data_text(b, "e_imposed", t->imposed ? "true" : "false");
    if (nw_tie_rec_label(t)[0] != '\0')
        data_text(b, "e_label", nw_tie_rec_label(t));
    if (nw_tie_rec_topics(t)->len > 0)
        data_list(b, "e_topics", nw_tie_rec_topics(t));
    if (nw_tie_rec_goals(t)->len > 0)
        data_list(b, "e_goals", nw_tie_rec_goals(t));
    data_u64(b, "e_members", t->nmembers);
    size_t nlog = nw_tie_rec_nlog(t);
    data_u64(b, "e_interactions", nlog);
    if (nlog > 0)
        data_date(b, "e_last_interaction", nw_tie_rec_log(t)[nlog - 1].date);
}

static void save_tie(nw_buf *b, const nw_tie_rec *t)
{
    size_t k = 0;
    for (size_t i = 0; i < t->nmembers; i++) {
        for (size_t j = i + 1; j < t->nmembers; j++) {
            nw_buf_puts(b, "    <edge id=\"t");
            nw_buf_put_u64(b, t->id);
            if (t->nmembers > 2) {
                nw_buf_putc(b, '.');
                nw_buf_put_u64(b, ++k);
            }
            nw_buf_puts(b, "\" source=\"a");
            nw_buf_put_u64(b, t->members[i]);
            nw_buf_puts(b, "\" target=\"a");
            nw_buf_put_u64(b, t->members[j]);
            nw_buf_puts(b, "\">\n");
            save_edge_data(b, t);
            nw_buf_puts(b, "    </edge>\n");
        }
    }
}

int nw_graphml_save(nw_buf *b, const nw_network *net)
{
    const char **keys = NULL;
    size_t nkeys = 0;
    int rc = attr_keys(net, &keys, &nkeys);
    if (rc != NW_OK)
        return rc;
    nw_buf_puts(b,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
                "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
                "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    put_key(b, "g_name", "graph", "name", "string");
    put_key(b, "g_topics", "graph", "topics", "string");
    put_key(b, "g_goals", "graph", "goals", "string");
    put_key(b, "n_name", "node", "name", "string");
    put_key(b, "n_kind", "node", "kind", "string");
    put_key(b, "n_joined", "node", "joined", "string");
    put_key(b, "n_consent_given", "node", "consent_given", "string");
    put_key(b, "n_consent_withdrawn", "node", "consent_withdrawn", "string");
    put_key(b, "n_interests", "node", "interests", "string");
    for (size_t i = 0; i < nkeys; i++) {
        char id[32], name[8] = "";
        snprintf(id, sizeof id, "n_attr%zu", i);
        if (needs_prefix(keys[i]))
            strcpy(name, "attr.");
        nw_buf_puts(b, "  <key id=\"");
        nw_buf_puts(b, id);
        nw_buf_puts(b, "\" for=\"node\" attr.name=\"");
        nw_buf_puts(b, name);
        put_xml(b, keys[i]);
        nw_buf_puts(b, "\" attr.type=\"string\"/>\n");
    }
    put_key(b, "e_tie", "edge", "tie", "long");
    put_key(b, "e_form", "edge", "form", "string");
    put_key(b, "e_form_name", "edge", "form_name", "string");
    put_key(b, "e_strong", "edge", "strong", "boolean");
    put_key(b, "e_start", "edge", "start", "string");
    put_key(b, "e_end", "edge", "end", "string");
    put_key(b, "e_imposed", "edge", "imposed", "boolean");
    put_key(b, "e_label", "edge", "label", "string");
    put_key(b, "e_topics", "edge", "topics", "string");
    put_key(b, "e_goals", "edge", "goals", "string");
    put_key(b, "e_members", "edge", "members", "int");
    put_key(b, "e_interactions", "edge", "interactions", "int");
    put_key(b, "e_last_interaction", "edge", "last_interaction", "string");
    nw_buf_puts(b, "  <graph id=\"G\" edgedefault=\"undirected\">\n");
    nw_buf_puts(b, "  ");
    data_text(b, "g_name", net->name);
    if (net->topics.len > 0) {
        nw_buf_puts(b, "  ");
        data_list(b, "g_topics", &net->topics);
    }
    if (net->goals.len > 0) {
        nw_buf_puts(b, "  ");
        data_list(b, "g_goals", &net->goals);
    }
    for (uint64_t id = 1; id < net->next_actor_id; id++)
        if (net->actors[id] != NULL)
            save_node(b, net->actors[id], keys, nkeys);
    for (uint64_t id = 1; id < net->next_tie_id; id++)
        if (net->ties[id] != NULL)
            save_tie(b, net->ties[id]);
    nw_buf_puts(b, "  </graph>\n</graphml>\n");
    nw_mem_free(keys);
    return NW_OK;
}

/* ====================================================================== */
/* Reading                                                                */
/* ====================================================================== */

#define MAX_KEYS 1000                  /* distinct <key> declarations */
#define MAX_VALUE (4 * NW_TEXT_MAX)    /* bytes of one <data> value */
#define NO_STR ((size_t)-1)

/* All strings of the file live in one arena and are named by offset. */
typedef struct gkey {
    size_t id, name;         /* arena offsets; name NO_STR without attr.name */
    size_t deflt;            /* default value or NO_STR */
    char domain;             /* 'n'ode, 'e'dge, 'g'raph, 'a'll, other: '?' */
} gkey;

typedef struct gdata {
    unsigned key;
    size_t value;
} gdata;

typedef struct gelem {
    size_t id, source, target; /* NO_STR when absent; nodes have no source/target */
    size_t first, count;       /* its data: datas[first .. first+count) */
    size_t line;
    nw_id nid;                 /* nodes: the actor identity they become */
    uint64_t tie;              /* edges: the tie they belong to */
} gelem;

typedef struct gparse {
    const nw_io_load *ld;
    XML_Parser parser;
    int rc;                    /* first error */
    nw_buf arena;
    gkey *keys;
    size_t nkeys, capkeys;
    gdata *datas;
    size_t ndatas, capdatas;
    gelem *nodes, *edges;
    size_t nnodes, capnodes, nedges, capedges;
    size_t graph_first, graph_count; /* graph-level data */
    unsigned depth;
    int graphs;                /* <graph> elements seen */
    /* where we are */
    enum { IN_NONE, IN_NODE, IN_EDGE, IN_GRAPH } owner;
    bool in_data, in_default;
    unsigned data_key;
    size_t text_start;         /* arena offset of the text being collected */
    unsigned text_depth;       /* element depth of the <data>/<default> */
    /* After parsing: the key of each known field (-1: none), and which keys
     * become actor attributes. */
    int field_key[32];
    bool *attr_key;
} gparse;

static const char *str(const gparse *p, size_t off)
{
    return off == NO_STR ? NULL : p->arena.data + off;
}

static int gfail(gparse *p, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Record the first error at the parser's position and stop the parser. */
static int gfail(gparse *p, int code, const char *fmt, ...)
{
    if (p->rc != NW_OK)
        return p->rc;
    char text[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    size_t line = p->parser ? (size_t)XML_GetCurrentLineNumber(p->parser) : 0;
    size_t col = p->parser ? (size_t)XML_GetCurrentColumnNumber(p->parser) + 1 : 0;
    p->rc = nw_io_fail(p->ld, code, line, col, NULL, "%s", text);
    if (p->parser)
        XML_StopParser(p->parser, XML_FALSE);
    return p->rc;
}

/* Copy s (n bytes) into the arena with a NUL; NO_STR on failure. */
static size_t intern(gparse *p, const char *s, size_t n)
{
    size_t off = p->arena.len;
    nw_buf_put(&p->arena, s, n);
    nw_buf_putc(&p->arena, '\0');
    if (p->arena.failed) {
        gfail(p, NW_ENOMEM, "out of memory");
        return NO_STR;
    }
    return off;
}

static const char *attr(const char **atts, const char *name)
{
    for (int i = 0; atts[i]; i += 2)
        if (strcmp(atts[i], name) == 0)
            return atts[i + 1];
    return NULL;
}

static size_t intern_attr(gparse *p, const char **atts, const char *name)
{
    const char *v = attr(atts, name);
    return v == NULL ? NO_STR : intern(p, v, strlen(v));
}

static int find_key(const gparse *p, const char *id)
{
    for (size_t i = 0; i < p->nkeys; i++)
        if (strcmp(str(p, p->keys[i].id), id) == 0)
            return (int)i;
    return -1;
}

static void on_key(gparse *p, const char **atts)
{
    const char *id = attr(atts, "id");
    if (id == NULL) {
        gfail(p, NW_EFORMAT, "<key> without an id");
        return;
    }
    if (find_key(p, id) >= 0) {
        char q[NW_QUOTE_SIZE];
        gfail(p, NW_EFORMAT, "key '%s' is declared twice", nw_quote(q, id));
        return;
    }
    if (p->nkeys == MAX_KEYS) {
        gfail(p, NW_ELIMIT, "more than %d <key> declarations", MAX_KEYS);
        return;
    }
    if (nw_mem_reserve((void **)&p->keys, &p->capkeys, p->nkeys + 1, sizeof *p->keys) != NW_OK) {
        gfail(p, NW_ENOMEM, "out of memory");
        return;
    }
    gkey k;
    const char *dom = attr(atts, "for");
    k.domain = dom == NULL || strcmp(dom, "all") == 0 ? 'a'
               : strcmp(dom, "node") == 0             ? 'n'
               : strcmp(dom, "edge") == 0             ? 'e'
               : strcmp(dom, "graph") == 0            ? 'g'
                                                      : '?';
    k.id = intern(p, id, strlen(id));
    k.name = intern_attr(p, atts, "attr.name");
    k.deflt = NO_STR;
    if (p->rc == NW_OK)
        p->keys[p->nkeys++] = k;
}

static gelem *new_elem(gparse *p, gelem **items, size_t *n, size_t *cap, size_t max,
                       const char *what)
{
    if (*n >= max) {
        gfail(p, NW_ELIMIT, "more than %zu %ss", max, what);
        return NULL;
    }
    if (nw_mem_reserve((void **)items, cap, *n + 1, sizeof **items) != NW_OK) {
        gfail(p, NW_ENOMEM, "out of memory");
        return NULL;
    }
    gelem *e = &(*items)[(*n)++];
    e->id = e->source = e->target = NO_STR;
    e->first = p->ndatas;
    e->count = 0;
    e->line = (size_t)XML_GetCurrentLineNumber(p->parser);
    e->nid = NW_ID_NONE;
    e->tie = 0;
    return e;
}

static void XMLCALL on_start(void *ud, const char *name, const char **atts)
{
    gparse *p = ud;
    if (p->rc != NW_OK)
        return;
    if (++p->depth > p->ld->max_depth) {
        gfail(p, NW_ELIMIT, "elements nested deeper than the limit of %u", p->ld->max_depth);
        return;
    }
    if (p->in_data || p->in_default)
        return; /* markup inside a value (yEd's graphics): ignored */
    if (p->depth == 1) {
        if (strcmp(name, "graphml") != 0)
            gfail(p, NW_EFORMAT, "not GraphML: the root element is <%.40s>", name);
        return;
    }
    if (strcmp(name, "key") == 0) {
        on_key(p, atts);
    } else if (strcmp(name, "default") == 0) {
        if (p->nkeys > 0 && p->depth == 3) {
            p->in_default = true;
            p->text_start = p->arena.len;
            p->text_depth = p->depth;
        }
    } else if (strcmp(name, "graph") == 0) {
        if (p->owner != IN_NONE || p->graphs > 0) {
            gfail(p, NW_EFORMAT, "nested or further graphs are not supported");
            return;
        }
        p->graphs++;
        p->owner = IN_GRAPH;
        p->graph_first = p->ndatas;
    } else if (strcmp(name, "node") == 0) {
        if (p->owner != IN_GRAPH) {
            gfail(p, NW_EFORMAT, "<node> outside the graph");
            return;
        }
        gelem *e = new_elem(p, &p->nodes, &p->nnodes, &p->capnodes, p->ld->max_actors, "node");
        if (e == NULL)
            return;
        e->id = intern_attr(p, atts, "id");
        if (p->rc == NW_OK && e->id == NO_STR)
            gfail(p, NW_EFORMAT, "<node> without an id");
        p->owner = IN_NODE;
    } else if (strcmp(name, "edge") == 0) {
        if (p->owner != IN_GRAPH) {
            gfail(p, NW_EFORMAT, "<edge> outside the graph");
            return;
        }
        gelem *e = new_elem(p, &p->edges, &p->nedges, &p->capedges, p->ld->max_ties, "edge");
        if (e == NULL)
            return;
        e->id = intern_attr(p, atts, "id");
        e->source = intern_attr(p, atts, "source");
        e->target = intern_attr(p, atts, "target");
        if (p->rc == NW_OK && (e->source == NO_STR || e->target == NO_STR))
            gfail(p, NW_EFORMAT, "<edge> without source or target");
        p->owner = IN_EDGE;
    } else if (strcmp(name, "hyperedge") == 0) {
        gfail(p, NW_EFORMAT, "hyperedges are not supported");
    } else if (strcmp(name, "data") == 0) {
        const char *k = attr(atts, "key");
        int i = k ? find_key(p, k) : -1;
        if (i < 0) {
            char q[NW_QUOTE_SIZE];
            gfail(p, NW_EFORMAT, "<data> for an undeclared key '%s'", nw_quote(q, k ? k : ""));
            return;
        }
        p->in_data = true;
        p->data_key = (unsigned)i;
        p->text_start = p->arena.len;
        p->text_depth = p->depth;
    }
}

static void XMLCALL on_text(void *ud, const char *s, int len)
{
    gparse *p = ud;
    if (p->rc != NW_OK || !(p->in_data || p->in_default) || p->depth != p->text_depth)
        return;
    if (p->arena.len - p->text_start + (size_t)len > MAX_VALUE) {
        gfail(p, NW_ELIMIT, "a value longer than the limit of %d bytes", MAX_VALUE);
        return;
    }
    nw_buf_put(&p->arena, s, (size_t)len);
    if (p->arena.failed)
        gfail(p, NW_ENOMEM, "out of memory");
}

static void XMLCALL on_end(void *ud, const char *name)
{
    gparse *p = ud;
    if (p->rc != NW_OK)
        return;
    unsigned depth = p->depth--;
    if ((p->in_data || p->in_default) && depth > p->text_depth)
        return;
    if (p->in_default) {
        p->in_default = false;
        nw_buf_putc(&p->arena, '\0');
        if (p->arena.failed)
            gfail(p, NW_ENOMEM, "out of memory");
        else
            p->keys[p->nkeys - 1].deflt = p->text_start;
        return;
    }
    if (p->in_data) {
        p->in_data = false;
        nw_buf_putc(&p->arena, '\0');
        if (p->arena.failed) {
            gfail(p, NW_ENOMEM, "out of memory");
            return;
        }
        if (p->ndatas >= SIZE_MAX / 2
            || nw_mem_reserve((void **)&p->datas, &p->capdatas, p->ndatas + 1, sizeof *p->datas)
                   != NW_OK) {
            gfail(p, NW_ENOMEM, "out of memory");
            return;
        }
        gdata d = { p->data_key, p->text_start };
        p->datas[p->ndatas++] = d;
        if (p->owner == IN_NODE)
            p->nodes[p->nnodes - 1].count++;
        else if (p->owner == IN_EDGE)
            p->edges[p->nedges - 1].count++;
        else if (p->owner == IN_GRAPH)
            p->graph_count++;
        return;
    }
    if (strcmp(name, "node") == 0 || strcmp(name, "edge") == 0)
        p->owner = IN_GRAPH;
    else if (strcmp(name, "graph") == 0)
        p->owner = IN_NONE;
}

static void XMLCALL on_doctype(void *ud, const char *name, const char *sysid, const char *pubid,
                               int has_internal)
{
    (void)name;
    (void)sysid;
    (void)pubid;
    (void)has_internal;
    gfail(ud, NW_EFORMAT, "document type declarations (<!DOCTYPE>) are not allowed");
}

static void XMLCALL on_entity(void *ud, const char *name, int is_param, const char *value,
                              int value_len, const char *base, const char *sysid,
                              const char *pubid, const char *notation)
{
    (void)name;
    (void)is_param;
    (void)value;
    (void)value_len;
    (void)base;
    (void)sysid;
    (void)pubid;
    (void)notation;
    gfail(ud, NW_EFORMAT, "entity declarations are not allowed");
}

static void *xml_malloc(size_t n) { return nw_mem_alloc(n); }
static void *xml_realloc(void *ptr, size_t n) { return nw_mem_realloc(ptr, n); }

static int parse(gparse *p, const char *data, size_t len)
{
    static const XML_Memory_Handling_Suite mem = { xml_malloc, xml_realloc, nw_mem_free };
    p->parser = XML_ParserCreate_MM(NULL, &mem, NULL);
    if (p->parser == NULL)
        return nw_fail(NW_ENOMEM, "out of memory (creating the XML parser)");
    XML_SetUserData(p->parser, p);
    XML_SetElementHandler(p->parser, on_start, on_end);
    XML_SetCharacterDataHandler(p->parser, on_text);
    XML_SetStartDoctypeDeclHandler(p->parser, on_doctype);
    XML_SetEntityDeclHandler(p->parser, on_entity);
    XML_SetParamEntityParsing(p->parser, XML_PARAM_ENTITY_PARSING_NEVER);

    const size_t chunk = (size_t)1 << 26;
    size_t off = 0;
    do {
        size_t n = len - off < chunk ? len - off : chunk;
        bool final = off + n == len;
        if (XML_Parse(p->parser, data + off, (int)n, final) == XML_STATUS_ERROR) {
            if (p->rc == NW_OK) {
                enum XML_Error e = XML_GetErrorCode(p->parser);
                gfail(p, e == XML_ERROR_NO_MEMORY ? NW_ENOMEM : NW_EFORMAT, "%s",
                      XML_ErrorString(e));
            }
            break;
        }
        off += n;
    } while (off < len);
    if (p->rc == NW_OK && p->graphs == 0)
        gfail(p, NW_EFORMAT, "no <graph> element");
    XML_ParserFree(p->parser);
    p->parser = NULL;
    return p->rc;
}

/* ---- building the network ------------------------------------------------ */

/* The attributes the import reads into fields, by domain. */
static const struct field {
    char domain;
    const char *name;
} fields[] = {
    { 'g', "name" },  { 'g', "topics" }, { 'g', "goals" },
    { 'n', "name" },  { 'n', "label" },  { 'n', "kind" },  { 'n', "joined" },
    { 'n', "consent_given" }, { 'n', "consent_withdrawn" }, { 'n', "interests" },
    { 'e', "tie" },   { 'e', "form" },   { 'e', "start" }, { 'e', "end" },
    { 'e', "imposed" }, { 'e', "label" }, { 'e', "topics" }, { 'e', "goals" },
};
#define NFIELDS (sizeof fields / sizeof fields[0])

static bool fits(char key_domain, char domain)
{
    return key_domain == domain || key_domain == 'a';
}

/* Resolve fields to keys once (a key for the exact domain first, then one
 * "for all"), so that reading a field costs a scan of the element's own
 * data only, however many keys the file declares. */
static int resolve_fields(gparse *p)
{
    for (size_t f = 0; f < NFIELDS; f++) {
        p->field_key[f] = -1;
        for (int pass = 0; pass < 2 && p->field_key[f] < 0; pass++)
            for (size_t i = 0; i < p->nkeys && p->field_key[f] < 0; i++) {
                const gkey *k = &p->keys[i];
                if (k->name != NO_STR && k->domain == (pass == 0 ? fields[f].domain : 'a')
                    && strcmp(str(p, k->name), fields[f].name) == 0)
                    p->field_key[f] = (int)i;
            }
    }
    p->attr_key = nw_mem_calloc(p->nkeys ? p->nkeys : 1, sizeof *p->attr_key);
    if (p->attr_key == NULL)
        return NW_ENOMEM;
    for (size_t i = 0; i < p->nkeys; i++) {
        const gkey *k = &p->keys[i];
        bool attr = k->name != NO_STR && fits(k->domain, 'n');
        for (size_t f = 0; f < NFIELDS && attr; f++)
            attr = !(fields[f].domain == 'n' && strcmp(fields[f].name, str(p, k->name)) == 0);
        p->attr_key[i] = attr;
    }
    return NW_OK;
}

/* The element's value of a field, or its key's default, or NULL. */
static const char *value_of(const gparse *p, size_t first, size_t count, char domain,
                            const char *name)
{
    int key = -1;
    for (size_t f = 0; f < NFIELDS && key < 0; f++)
        if (fields[f].domain == domain && strcmp(fields[f].name, name) == 0)
            key = p->field_key[f];
    if (key < 0)
        return NULL;
    for (size_t i = first; i < first + count; i++)
        if (p->datas[i].key == (unsigned)key)
            return str(p, p->datas[i].value);
    return str(p, p->keys[key].deflt);
}

typedef struct builder {
    gparse *p;
    nw_network *net;
    size_t *by_id;      /* node indices sorted by their id text */
    char where[NW_LOAD_WHERE_SIZE];
} builder;

static int bfail(builder *b, size_t line, int code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static int bfail(builder *b, size_t line, int code, const char *fmt, ...)
{
    char text[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    return nw_io_fail(b->p->ld, code, line, 0, b->where, "%s", text);
}

static int bfail_model(builder *b, size_t line, int rc)
{
    char text[400];
    snprintf(text, sizeof text, "%s", nw_errmsg());
    return bfail(b, line, rc == NW_ENOMEM || rc == NW_ELIMIT ? rc : NW_EFORMAT, "%s", text);
}

/* qsort has no context argument; thread-local so that loads in different
 * threads do not meet. */
static _Thread_local const gparse *sort_ctx;

static int compare_node_ids(const void *a, const void *b)
{
    const gparse *p = sort_ctx;
    return strcmp(str(p, p->nodes[*(const size_t *)a].id), str(p, p->nodes[*(const size_t *)b].id));
}

static int compare_node_nids(const void *a, const void *b)
{
    nw_id x = sort_ctx->nodes[*(const size_t *)a].nid, y = sort_ctx->nodes[*(const size_t *)b].nid;
    return x < y ? -1 : x > y;
}

static int compare_edge_ties(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    uint64_t x = sort_ctx->edges[i].tie, y = sort_ctx->edges[j].tie;
    if (x != y)
        return x < y ? -1 : 1;
    return i < j ? -1 : i > j; /* stable: document order within a tie */
}

static size_t find_node(const builder *b, const char *id)
{
    const gparse *p = b->p;
    size_t lo = 0, hi = p->nnodes;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(str(p, p->nodes[b->by_id[mid]].id), id);
        if (c == 0)
            return b->by_id[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NO_STR;
}

/* "a<N>" with N canonical (no leading zero) in 1..max. */
static nw_id own_node_id(const char *id, size_t max)
{
    if (id[0] != 'a' || id[1] < '1' || id[1] > '9')
        return NW_ID_NONE;
    uint64_t n = 0;
    for (const char *s = id + 1; *s; s++) {
        if (*s < '0' || *s > '9')
            return NW_ID_NONE;
        n = n * 10 + (uint64_t)(*s - '0');
        if (n > max)
            return NW_ID_NONE;
    }
    return (nw_id)n;
}

static int set_list(builder *b, size_t line, const char *cell, void *target,
                    int (*add)(void *, const char *))
{
    char **items = NULL;
    size_t n = 0;
    int rc = nw_list_split(&items, &n, cell, b->p->ld->max_items);
    if (rc != NW_OK)
        return bfail_model(b, line, rc);
    for (size_t i = 0; i < n && rc == NW_OK; i++)
        if ((rc = add(target, items[i])) != NW_OK)
            rc = bfail_model(b, line, rc);
    nw_list_free(items, n);
    return rc;
}

static int add_net_topic(void *net, const char *t) { return nw_network_topic_add(net, t); }
static int add_net_goal(void *net, const char *t) { return nw_network_goal_add(net, t); }
static int add_interest(void *a, const char *t) { return nw_actor_interest_add(a, t); }
static int add_tie_topic(void *t, const char *s) { return nw_tie_topic_add(t, s); }
static int add_tie_goal(void *t, const char *s) { return nw_tie_goal_add(t, s); }

static int parse_date(builder *b, size_t line, const char *text, const char *what, nw_date *out)
{
    if (nw_date_parse(out, text) == NW_OK)
        return NW_OK;
    char q[NW_QUOTE_SIZE];
    return bfail(b, line, NW_EFORMAT, "%s '%s' is not a date YYYY-MM-DD", what, nw_quote(q, text));
}

/* Set the actor attribute of key `key` ("attr.x" is the attribute "x"). */
static int set_attr(builder *b, const gelem *e, unsigned key, const char *value)
{
    const char *kn = str(b->p, b->p->keys[key].name);
    const char *attr_key = strncmp(kn, "attr.", 5) == 0 && kn[5] ? kn + 5 : kn;
    struct nw_actor a = nw_io_actor_ref(b->net, e->nid);
    int rc = nw_actor_attr_set(&a, attr_key, value);
    return rc == NW_OK ? NW_OK : bfail_model(b, e->line, rc);
}

static int build_node(builder *b, const gelem *e)
{
    gparse *p = b->p;
    char q[NW_QUOTE_SIZE];
    snprintf(b->where, sizeof b->where, "node '%s'", nw_quote(q, str(p, e->id)));
    const char *name = value_of(p, e->first, e->count, 'n', "name");
    if (name == NULL || name[0] == '\0')
        name = value_of(p, e->first, e->count, 'n', "label");
    if (name == NULL || name[0] == '\0')
        name = str(p, e->id);
    nw_actor_kind kind = NW_ACTOR_PERSON;
    const char *k = value_of(p, e->first, e->count, 'n', "kind");
    if (k != NULL && k[0] != '\0' && nw_io_parse_kind(&kind, k) != NW_OK)
        return bfail(b, e->line, NW_EFORMAT, "unknown kind '%s'", nw_quote(q, k));
    int rc = nw_io_actor_add(b->net, e->nid, kind, name);
    if (rc != NW_OK)
        return bfail_model(b, e->line, rc);
    struct nw_actor a = nw_io_actor_ref(b->net, e->nid);

    nw_date given = NW_DATE_NONE, withdrawn = NW_DATE_NONE, joined = NW_DATE_NONE;
    const char *v;
    if ((v = value_of(p, e->first, e->count, 'n', "joined")) && v[0]) {
        if ((rc = parse_date(b, e->line, v, "joined", &joined)) != NW_OK)
            return rc;
        if ((rc = nw_actor_set_joined(&a, joined)) != NW_OK)
            return bfail_model(b, e->line, rc);
    }
    if ((v = value_of(p, e->first, e->count, 'n', "consent_given")) && v[0]) {
        if ((rc = parse_date(b, e->line, v, "consent_given", &given)) != NW_OK)
            return rc;
        if ((rc = nw_actor_consent_give(&a, given)) != NW_OK)
            return bfail_model(b, e->line, rc);
    }
    if ((v = value_of(p, e->first, e->count, 'n', "consent_withdrawn")) && v[0]) {
        if ((rc = parse_date(b, e->line, v, "consent_withdrawn", &withdrawn)) != NW_OK)
            return rc;
        if ((rc = nw_actor_consent_withdraw(&a, withdrawn)) != NW_OK)
            return bfail_model(b, e->line, rc);
    }
    if ((v = value_of(p, e->first, e->count, 'n', "interests")) != NULL
        && (rc = set_list(b, e->line, v, &a, add_interest)) != NW_OK)
        return rc;

    /* Every other named node attribute becomes an actor attribute: the
     * node's own values, then the defaults of keys it has no value for. */
    for (size_t d = e->first; d < e->first + e->count; d++) {
        unsigned key = p->datas[d].key;
        if (p->attr_key[key] && (rc = set_attr(b, e, key, str(p, p->datas[d].value))) != NW_OK)
            return rc;
    }
    for (size_t i = 0; i < p->nkeys; i++) {
        if (!p->attr_key[i] || p->keys[i].deflt == NO_STR)
            continue;
        bool has = false;
        for (size_t d = e->first; d < e->first + e->count && !has; d++)
            has = p->datas[d].key == i;
        if (!has && (rc = set_attr(b, e, (unsigned)i, str(p, p->keys[i].deflt))) != NW_OK)
            return rc;
    }
    return NW_OK;
}

static int compare_ids(const void *a, const void *b)
{
    nw_id x = *(const nw_id *)a, y = *(const nw_id *)b;
    return x < y ? -1 : x > y;
}

/* Edges [from, to) of `order` form one tie; its members are the distinct
 * end points (sorted, so a tie of many edges costs n log n). */
static int build_tie(builder *b, const size_t *order, size_t from, size_t to, nw_id tie_id)
{
    gparse *p = b->p;
    const gelem *e = &p->edges[order[from]];
    char q[NW_QUOTE_SIZE];
    snprintf(b->where, sizeof b->where, "edge '%s'",
             nw_quote(q, e->id != NO_STR ? str(p, e->id) : "(no id)"));
    nw_id *members = nw_mem_calloc(2 * (to - from), sizeof *members);
    if (members == NULL)
        return NW_ENOMEM;
    int rc = NW_OK;
    size_t n = 0;
    for (size_t i = from; i < to && rc == NW_OK; i++) {
        const gelem *x = &p->edges[order[i]];
        size_t ends[2] = { find_node(b, str(p, x->source)), find_node(b, str(p, x->target)) };
        for (int k = 0; k < 2 && rc == NW_OK; k++) {
            if (ends[k] == NO_STR)
                rc = bfail(b, x->line, NW_EFORMAT, "no node '%s'",
                           nw_quote(q, str(p, k == 0 ? x->source : x->target)));
            else
                members[n++] = p->nodes[ends[k]].nid;
        }
        if (rc == NW_OK && ends[0] == ends[1])
            rc = bfail(b, x->line, NW_EFORMAT, "a loop (an edge from a node to itself)");
    }
    if (rc == NW_OK) {
        qsort(members, n, sizeof *members, compare_ids);
        size_t m = 0;
        for (size_t i = 0; i < n; i++)
            if (m == 0 || members[m - 1] != members[i])
                members[m++] = members[i];
        n = m;
        if (n > p->ld->max_items)
            rc = bfail(b, e->line, NW_ELIMIT, "a tie of %zu members, more than the limit of %zu", n,
                       p->ld->max_items);
    }
    nw_form form = p->ld->default_form;
    nw_date start = p->ld->default_start, end = NW_DATE_NONE;
    const char *v;
    if (rc == NW_OK && (v = value_of(p, e->first, e->count, 'e', "form")) && v[0]
        && nw_io_parse_form(&form, v) != NW_OK)
        rc = bfail(b, e->line, NW_EFORMAT, "unknown form '%s'", nw_quote(q, v));
    if (rc == NW_OK && (v = value_of(p, e->first, e->count, 'e', "start")) && v[0])
        rc = parse_date(b, e->line, v, "start", &start);
    if (rc == NW_OK && start == NW_DATE_NONE)
        rc = bfail(b, e->line, NW_EFORMAT,
                   "no start date (give one, or set nw_load_options.default_start)");
    if (rc == NW_OK && (v = value_of(p, e->first, e->count, 'e', "end")) && v[0])
        rc = parse_date(b, e->line, v, "end", &end);
    if (rc == NW_OK && (rc = nw_io_tie_add(b->net, tie_id, form, members, n, start)) != NW_OK)
        rc = bfail_model(b, e->line, rc);
    nw_mem_free(members);
    if (rc != NW_OK)
        return rc;

    struct nw_tie t = nw_io_tie_ref(b->net, tie_id);
    bool imposed = false;
    if (end != NW_DATE_NONE && (rc = nw_tie_set_end(&t, end)) != NW_OK)
        return bfail_model(b, e->line, rc);
    if ((v = value_of(p, e->first, e->count, 'e', "imposed")) != NULL) {
        if (nw_io_parse_bool(&imposed, v) != NW_OK)
            return bfail(b, e->line, NW_EFORMAT, "imposed '%s' is not a boolean", nw_quote(q, v));
        nw_tie_set_imposed(&t, imposed);
    }
    if ((v = value_of(p, e->first, e->count, 'e', "label")) != NULL
        && (rc = nw_tie_set_label(&t, v)) != NW_OK)
        return bfail_model(b, e->line, rc);
    if ((v = value_of(p, e->first, e->count, 'e', "topics")) != NULL
        && (rc = set_list(b, e->line, v, &t, add_tie_topic)) != NW_OK)
        return rc;
    if ((v = value_of(p, e->first, e->count, 'e', "goals")) != NULL
        && (rc = set_list(b, e->line, v, &t, add_tie_goal)) != NW_OK)
        return rc;
    return NW_OK;
}

/* The "tie" value of an edge: a positive integer (igraph writes "7" or "7.0"). */
static bool tie_value(const char *v, size_t max, uint64_t *out)
{
    char *end;
    double d = strtod(v, &end);
    if (end == v || *end != '\0' || !(d >= 1 && d <= (double)max) || d != (double)(uint64_t)d)
        return false;
    *out = (uint64_t)d;
    return true;
}

static int build(gparse *p, nw_network **out)
{
    builder b;
    memset(&b, 0, sizeof b);
    b.p = p;
    int rc = resolve_fields(p);
    if (rc != NW_OK)
        return rc;
    /* Defaults multiply: a key default reaches every node. Bound what a
     * small file can make us build. */
    size_t with_default = 0;
    size_t max_defaulted = p->ld->max_items <= SIZE_MAX / 100 ? p->ld->max_items * 100 : SIZE_MAX;
    for (size_t i = 0; i < p->nkeys; i++)
        with_default += p->attr_key[i] && p->keys[i].deflt != NO_STR;
    if (with_default > 0 && p->nnodes > max_defaulted / with_default)
        return nw_io_fail(p->ld, NW_ELIMIT, 0, 0, NULL,
                          "%zu nodes times %zu attribute defaults: more than the limit of %zu "
                          "attributes (100 times max_items)",
                          p->nnodes, with_default, max_defaulted);
    const char *name = value_of(p, p->graph_first, p->graph_count, 'g', "name");
    rc = nw_network_new(&b.net, name && name[0] ? name : p->ld->name);
    if (rc != NW_OK) {
        strcpy(b.where, "graph name");
        return bfail_model(&b, 0, rc);
    }
    const char *v;
    strcpy(b.where, "graph");
    if ((v = value_of(p, p->graph_first, p->graph_count, 'g', "topics")) != NULL)
        rc = set_list(&b, 0, v, b.net, add_net_topic);
    if (rc == NW_OK && (v = value_of(p, p->graph_first, p->graph_count, 'g', "goals")) != NULL)
        rc = set_list(&b, 0, v, b.net, add_net_goal);

    /* Nodes: look-up by id text; identities from "a<N>" ids if all have one. */
    size_t *order = NULL;
    size_t nmax = p->nnodes > p->nedges ? p->nnodes : p->nedges;
    if (rc == NW_OK) {
        b.by_id = nw_mem_calloc(p->nnodes ? p->nnodes : 1, sizeof *b.by_id);
        order = nw_mem_calloc(nmax ? nmax : 1, sizeof *order);
        if (b.by_id == NULL || order == NULL)
            rc = NW_ENOMEM;
    }
    sort_ctx = p;
    if (rc == NW_OK) {
        for (size_t i = 0; i < p->nnodes; i++)
            b.by_id[i] = i;
        qsort(b.by_id, p->nnodes, sizeof *b.by_id, compare_node_ids);
        for (size_t i = 1; i < p->nnodes && rc == NW_OK; i++) {
            if (strcmp(str(p, p->nodes[b.by_id[i]].id), str(p, p->nodes[b.by_id[i - 1]].id)) == 0) {
                char q[NW_QUOTE_SIZE];
                snprintf(b.where, sizeof b.where, "node '%s'",
                         nw_quote(q, str(p, p->nodes[b.by_id[i]].id)));
                rc = bfail(&b, p->nodes[b.by_id[i]].line, NW_EFORMAT, "the node id is used twice");
            }
        }
    }
    if (rc == NW_OK) {
        /* Node ids "a<N>" (all of them) are our own identities; one above
         * max_actors is a limit, as in the native format. */
        bool own = true;
        for (size_t i = 0; i < p->nnodes && own; i++)
            own = (p->nodes[i].nid = own_node_id(str(p, p->nodes[i].id), NW_ID_MAX))
                  != NW_ID_NONE;
        for (size_t i = 0; i < p->nnodes && rc == NW_OK; i++) {
            if (!own)
                p->nodes[i].nid = (nw_id)(i + 1);
            else if (p->nodes[i].nid > p->ld->max_actors) {
                char q[NW_QUOTE_SIZE];
                snprintf(b.where, sizeof b.where, "node '%s'",
                         nw_quote(q, str(p, p->nodes[i].id)));
                rc = bfail(&b, p->nodes[i].line, NW_ELIMIT,
                           "actor identity %lu is more than nw_load_options.max_actors allows (%zu)",
                           (unsigned long)p->nodes[i].nid, p->ld->max_actors);
            }
            order[i] = i;
        }
        if (rc == NW_OK)
            qsort(order, p->nnodes, sizeof *order, compare_node_nids);
        for (size_t i = 0; i < p->nnodes && rc == NW_OK; i++)
            rc = build_node(&b, &p->nodes[order[i]]);
    }

    /* Edges: grouped into ties by their "tie" value; edges without one are
     * ties of their own, numbered after the highest given identity. */
    if (rc == NW_OK) {
        uint64_t high = 0;
        for (size_t i = 0; i < p->nedges; i++) {
            gelem *e = &p->edges[i];
            v = value_of(p, e->first, e->count, 'e', "tie");
            bool ok = v == NULL || tie_value(v, NW_ID_MAX, &e->tie);
            if (!ok || e->tie > p->ld->max_ties) {
                char q[NW_QUOTE_SIZE];
                snprintf(b.where, sizeof b.where, "edge '%s'",
                         nw_quote(q, e->id != NO_STR ? str(p, e->id) : "(no id)"));
                rc = !ok ? bfail(&b, e->line, NW_EFORMAT,
                                 "tie '%s' is not an identity from 1 to %lu", nw_quote(q, v),
                                 (unsigned long)NW_ID_MAX)
                         : bfail(&b, e->line, NW_ELIMIT,
                                 "tie identity %s is more than nw_load_options.max_ties allows "
                                 "(%zu)", nw_quote(q, v), p->ld->max_ties);
                break;
            }
            if (e->tie > high)
                high = e->tie;
        }
        for (size_t i = 0; i < p->nedges && rc == NW_OK; i++) {
            if (p->edges[i].tie == 0) {
                if (high >= p->ld->max_ties) {
                    strcpy(b.where, "graph");
                    rc = bfail(&b, p->edges[i].line, NW_ELIMIT, "more than %zu ties",
                               p->ld->max_ties);
                    break;
                }
                p->edges[i].tie = ++high;
            }
            order[i] = i;
        }
        if (rc == NW_OK)
            qsort(order, p->nedges, sizeof *order, compare_edge_ties);
        for (size_t i = 0; i < p->nedges && rc == NW_OK;) {
            size_t j = i + 1;
            while (j < p->nedges && p->edges[order[j]].tie == p->edges[order[i]].tie)
                j++;
            rc = build_tie(&b, order, i, j, (nw_id)p->edges[order[i]].tie);
            i = j;
        }
    }
    nw_mem_free(order);
    nw_mem_free(b.by_id);
    if (rc != NW_OK) {
        nw_network_free(b.net);
        return rc;
    }
    *out = b.net;
    return NW_OK;
}

int nw_graphml_load(nw_network **out, const char *data, size_t len, const nw_io_load *ld)
{
    gparse p;
    memset(&p, 0, sizeof p);
    p.ld = ld;
    nw_buf_init(&p.arena);
    int rc = parse(&p, data, len);
    if (rc == NW_OK)
        rc = build(&p, out);
    nw_buf_free(&p.arena);
    nw_mem_free(p.keys);
    nw_mem_free(p.datas);
    nw_mem_free(p.nodes);
    nw_mem_free(p.edges);
    nw_mem_free(p.attr_key);
    return rc;
}
