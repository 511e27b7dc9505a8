/*
 * The analysis layer (issue 4): the snapshot behind the opaque handle and
 * the kernels the measures share. Reads the model through internal.h only;
 * nothing below the analysis layer includes this.
 *
 *   strength.c            tie strength, state, losing touch; options
 *   snapshot.c            building a snapshot (CSR adjacency), accessors
 *   measures_cohesion.c   components, triangles / clustering, k-cores
 *   measures_centrality.c degree, betweenness, closeness, reach, lists
 *   measures_holes.c      Burt's constraint, effective size, efficiency
 *   measures_bridges.c    bridges, local bridges, overlap
 *   measures_network.c    the network figures
 *   measures_change.c     comparing snapshots, timelines
 */
#ifndef NW_ANALYSIS_INTERNAL_H
#define NW_ANALYSIS_INTERNAL_H

#include "internal.h"

/* Pair flags, one byte per adjacency slot. */
#define NW_SLOT_STRONG 0x1u /* a tie of a strong form joins the pair */

/* Vertex flags. */
#define NW_VTX_ACTIVE 0x1u  /* member of an active tie */
#define NW_VTX_TIED 0x2u    /* member of any included tie */

/*
 * A snapshot: a compressed sparse row (CSR) adjacency of an undirected simple
 * graph. Row v is adj[off[v] .. off[v+1]), neighbours ascending; every pair
 * appears in both rows. Vertex numbers are uint32 (half the memory of
 * size_t, and the graphs we aim at have far fewer than 2^32 actors).
 */
struct nw_snapshot {
    nw_date as_of;
    uint64_t source;           /* the network's serial */
    uint64_t generation;       /* the network's generation when taken */
    nw_snapshot_options opts;

    size_t n;                  /* vertices */
    size_t m;                  /* pairs */
    size_t *off;               /* n + 1 */
    uint32_t *adj;             /* 2m */
    double *w;                 /* 2m pair weights, or NULL when unweighted */
    uint32_t *mult;            /* 2m: ties joining the pair; NULL: one each */
    uint8_t *flags;            /* 2m: NW_SLOT_*; NULL: all_flags for every slot */
    uint8_t all_flags;
    size_t *pair_off;          /* n + 1: pairs whose lower vertex is < v */

    nw_id *actor_ids;          /* n, ascending */
    uint8_t *actor_kind;       /* n: nw_actor_kind */
    uint8_t *actor_flags;      /* n: NW_VTX_* */

    size_t nties;
    nw_id *tie_ids;            /* ascending */
    uint8_t *tie_info;         /* form | state << 2 */

    size_t bytes;              /* memory held, for nw_snapshot_memory */
};

/* The ties joining the pair of slot i, and its NW_SLOT_* flags (read
 * through these: the arrays are left out when every slot is alike). */
static inline uint32_t nw_snap_mult(const nw_snapshot *s, size_t i)
{
    return s->mult != NULL ? s->mult[i] : 1u;
}
static inline unsigned nw_snap_flags(const nw_snapshot *s, size_t i)
{
    return s->flags != NULL ? s->flags[i] : s->all_flags;
}

/* ---- options and strength (strength.c) ----------------------------------- */

/* Resolve NULL to the defaults and validate; NW_EINVAL names the field. */
int nw_options_resolve(nw_snapshot_options *out, const nw_snapshot_options *opts);
/* Terms and strength of a tie record as of a date (validated options). */
void nw_strength_of(nw_strength_terms *out, const nw_tie_rec *tie, nw_date as_of,
                    const nw_snapshot_options *opts);

/* Whether a tie record exists on a date. (These are inline: the snapshot
 * build asks for every tie's state.) */
static inline bool nw_tie_rec_exists_on(const nw_tie_rec *tie, nw_date as_of)
{
    return tie->start <= as_of && (tie->end == NW_DATE_NONE || as_of <= tie->end);
}

/* Interactions logged on or before as_of (the log is sorted by date). */
static inline size_t nw_logged_until(const nw_tie_rec *tie, nw_date as_of)
{
    const nw_interaction *log = nw_tie_rec_log(tie);
    size_t lo = 0, hi = nw_tie_rec_nlog(tie);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (log[mid].date <= as_of)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The last contact by the first `logged` interactions: the latest of
 * them, or the start. */
static inline nw_date nw_last_contact(const nw_tie_rec *tie, size_t logged)
{
    nw_date last = tie->start;
    const nw_interaction *log = nw_tie_rec_log(tie);
    if (logged > 0 && log[logged - 1].date > last)
        last = log[logged - 1].date;
    return last;
}

/* State of a tie record as of a date. */
static inline nw_tie_state nw_state_of(const nw_tie_rec *tie, nw_date as_of,
                                       const nw_snapshot_options *opts)
{
    if (!nw_tie_rec_exists_on(tie, as_of))
        return NW_TIE_ABSENT;
    size_t logged = nw_logged_until(tie, as_of);
    if (logged == 0 && tie->form == NW_FORM_KONTAKT)
        return NW_TIE_LATENT;
    int64_t silent = (int64_t)as_of - (int64_t)nw_last_contact(tie, logged);
    return silent > opts->form[tie->form].dormant_after ? NW_TIE_DORMANT : NW_TIE_ACTIVE;
}

/* ---- the caller arrays of the measures (snapshot.c) ---------------------- */

/* Whether a measure may fill the caller array `out` of `len` elements: it
 * needs one per pair (pairs true) or per actor of snap. NW_EINVAL for snap
 * NULL, out NULL while the count is not 0 (NULL is accepted for 0, as
 * malloc(0) may return it), or len below the count (the message gives
 * both); `name` is the parameter named in the message. The one check of
 * every per-actor and per-pair measure, made before anything is written. */
int nw_measure_check(const void *out, const char *name, size_t len, const nw_snapshot *snap, bool pairs);

/* ---- kernels shared by the measures ------------------------------------- */

static inline size_t nw_snap_degree(const nw_snapshot *s, size_t v)
{
    return s->off[v + 1] - s->off[v];
}

/* Component label per vertex (numbered by lowest vertex); sizes optional
 * (NULL) or an array the callee allocates with nw_mem_* (count entries). */
int nw_kernel_components(uint32_t *label, size_t *count, size_t **sizes, const nw_snapshot *s);
/* Triangles through each vertex; returns the total in *total. */
int nw_kernel_triangles(uint64_t *tri, uint64_t *total, const nw_snapshot *s);
/* Core number of each vertex. */
int nw_kernel_cores(uint32_t *core, const nw_snapshot *s);
/* Every network figure of a snapshot into *f (measures_network.c). */
int nw_figures_compute(nw_figures *f, const nw_snapshot *s);
/* Position of the first neighbour > v in row v. */
size_t nw_snap_upper(const nw_snapshot *s, size_t v);

#endif
