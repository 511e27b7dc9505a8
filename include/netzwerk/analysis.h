/**
 * @file netzwerk/analysis.h
 * @brief Network-strength analysis: tie strength over time, structure,
 * brokers and bridges, change between dates.
 *
 * Two layers:
 *
 * - **Tie strength and tie state** work on the network itself, as of a date:
 *   nw_tie_strength(), nw_tie_strength_terms(), nw_actor_pair_strength(),
 *   nw_tie_state_get(), nw_network_losing_touch(). The formula is in
 *   docs/analysis.md and in the documentation of ::nw_strength_terms.
 * - **Structure** works on a *snapshot* (::nw_snapshot): a compact, immutable
 *   copy of the network as of one date, built once with nw_snapshot_new()
 *   and reused for every measure while the network does not change
 *   (nw_snapshot_is_current() tells). Every pair of members of a tie that
 *   exists on that date is connected (a cooperation of four is six pairs);
 *   several ties between the same two actors make one pair (multiplexity).
 *
 * @section snapshot_vertices Actors and pairs of a snapshot
 *
 * The actors of a snapshot are numbered 0 to n - 1 (n from
 * nw_snapshot_actor_count()) in ascending order of identity; a number is
 * called a *vertex*. nw_snapshot_actor_id() and nw_snapshot_vertex_of()
 * translate. The pairs (joined actors) are numbered 0 to m - 1 (m from
 * nw_snapshot_pair_count()) in order of their first vertex, then their
 * second; nw_snapshot_pair() describes one.
 *
 * @section results Who owns the results
 *
 * One rule for every analysis call:
 * - a result whose length is known before the call (one value per actor, one
 *   per pair) goes into an array the **caller** provides, of at least
 *   nw_snapshot_actor_count() or nw_snapshot_pair_count() elements, indexed
 *   by vertex or by pair; its length comes right after it (as for
 *   snprintf()), and a length too short for the snapshot is refused with
 *   ::NW_EINVAL before anything is written;
 * - a result whose length only the call knows (a list, a report, a
 *   timeline) is **allocated by the library**, handed over through a
 *   `T **out` parameter with its length, owned by the caller and freed with
 *   nw_free() as one block (pointers inside it point into the same block).
 *   An empty list is NULL with a count of 0.
 *
 * As everywhere, outputs are written only on success.
 */
#ifndef NETZWERK_ANALYSIS_H
#define NETZWERK_ANALYSIS_H

#include "netzwerk/common.h"
#include "netzwerk/form.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- options --------------------------------------------------------------- */

/** The current version of ::nw_snapshot_options; put it in the `version` field. */
#define NW_SNAPSHOT_OPTIONS_VERSION 1

/** Parameters of one relationship form for tie strength, tie state and "stay in touch". */
typedef struct nw_form_params {
    double base;           /**< Base weight of the form, 0 to 1 (the form's own strength). */
    double half_life;      /**< Days after which an interaction counts half (tending and recency); > 0. */
    int32_t dormant_after; /**< A tie without contact for more than this many days is dormant; > 0. */
    int32_t touch_ideal;   /**< Stay in touch: ideal days between contacts; 0 = no interval for this form. */
    int32_t touch_max;     /**< Stay in touch: most days between contacts; 0 = none; else >= touch_ideal. */
} nw_form_params;

/**
 * @brief Options of the analysis: which ties a snapshot sees, how strong a
 * tie is, and thresholds of the derived lists.
 *
 * Start from ::NW_SNAPSHOT_OPTIONS_INIT or nw_snapshot_options_init() and
 * change what you need. Every call that takes options accepts NULL for the
 * defaults and copies what it needs (a snapshot keeps its own copy).
 */
typedef struct nw_snapshot_options {
    unsigned int version;       /**< ::NW_SNAPSHOT_OPTIONS_VERSION. */
    bool weighted;              /**< true: a pair's weight is its strength (nw_actor_pair_strength()); false: 1. */
    unsigned form_mask;         /**< Forms of the ties to include (::NW_FORM_MASK_ALL, or NW_FORM_BIT() values). */
    nw_form_params form[NW_FORM_COUNT]; /**< Per form, indexed by ::nw_form. */
    double weight_base;         /**< Weight of the base term in the strength; >= 0. */
    double weight_age;          /**< Weight of the age term; >= 0. */
    double weight_tending;      /**< Weight of the tending term; >= 0. */
    double weight_recency;      /**< Weight of the recency term; >= 0. The four weights must not all be 0. */
    double maturity_half_life;  /**< Days: a tie of this age has an age term of 1/2; > 0. */
    double tending_saturation;  /**< Decayed interactions at which the tending term is 1/2; > 0. */
    size_t path_sources;        /**< Path figures (mean path, diameter): 0 = exact; k = estimate from k sources. */
    double broker_min_betweenness; /**< Brokers: normalised betweenness at least this, 0 to 1. */
    double broker_max_constraint;  /**< Brokers: Burt's constraint at most this, >= 0. */
} nw_snapshot_options;

/**
 * @brief Default options: unweighted, every form, and these form parameters:
 *
 * | form | base | half-life | dormant after | stay in touch ideal / max |
 * |---|---|---|---|---|
 * | A Begegnung | 0.3 | 30 d | 90 d | 90 / 365 d |
 * | B Kooperation | 0.8 | 60 d | 60 d | 14 / 42 d |
 * | C Kontakt | 0.2 | 180 d | 365 d | 180 / 365 d |
 * | D Gruppe | 0.7 | 90 d | 90 d | 30 / 90 d |
 *
 * Term weights base 0.4, age 0.15, tending 0.3, recency 0.15; maturity
 * half-life 365 days; tending saturation 1; exact path figures; brokers at
 * normalised betweenness >= 0.1 and constraint <= 0.5.
 */
#define NW_SNAPSHOT_OPTIONS_INIT                                                            \
    {                                                                                       \
        NW_SNAPSHOT_OPTIONS_VERSION, false, NW_FORM_MASK_ALL,                               \
            {{0.3, 30.0, 90, 90, 365},                                                      \
             {0.8, 60.0, 60, 14, 42},                                                       \
             {0.2, 180.0, 365, 180, 365},                                                   \
             {0.7, 90.0, 90, 30, 90}},                                                      \
            0.4, 0.15, 0.3, 0.15, 365.0, 1.0, 0, 0.1, 0.5                                   \
    }

/**
 * @brief Fill an options struct with the defaults of ::NW_SNAPSHOT_OPTIONS_INIT
 * (for bindings, which cannot use the macro).
 * @param[out] opts  The options.
 * @param version    ::NW_SNAPSHOT_OPTIONS_VERSION.
 * @return ::NW_OK; ::NW_EINVAL for NULL or an unknown version.
 */
NW_API int nw_snapshot_options_init(nw_snapshot_options *opts, unsigned int version);

/* ---- tie strength and state ------------------------------------------------ */

/**
 * @brief The terms of a tie's strength as of a date, and the strength.
 *
 * For a tie of form f that exists on date d (start <= d, no end or d <= end),
 * with interactions on dates d_i <= d (later ones are ignored) and
 * `h = form[f].half_life`:
 *
 * - base     B = form[f].base
 * - age      A = 1 - 2^(-(d - start) / maturity_half_life)
 * - tending  T = I / (I + tending_saturation), I = sum over i of 2^(-(d - d_i) / h)
 * - recency  R = 2^(-(d - last_contact) / h), last_contact = the latest of
 *            the start and the interactions on or before d
 * - strength S = (wB B + wA A + wT T + wR R) / (wB + wA + wT + wR), with the
 *            four `weight_*` options; each term and S lie in [0, 1].
 *
 * Multiplexity joins the strengths of several ties between two actors, see
 * nw_actor_pair_strength(). A tie that does not exist on d has every term 0.
 */
typedef struct nw_strength_terms {
    double base;           /**< B, the form's base weight. */
    double age;            /**< A, how long the tie has existed. */
    double tending;        /**< T, how often and how recently it was tended. */
    double recency;        /**< R, how recent the last contact is. */
    double strength;       /**< S, the weighted mean of the four terms. */
    nw_date last_contact;  /**< The latest of the start and the interactions on or before the date; ::NW_DATE_NONE if the tie does not exist then. */
    size_t interactions;   /**< Interactions logged on or before the date. */
} nw_strength_terms;

/**
 * @brief The strength of a tie as of a date, in [0, 1] (see ::nw_strength_terms).
 * @param[out] out  The strength; 0 if the tie does not exist on @p as_of.
 * @param tie       A handle.
 * @param as_of     A valid date.
 * @param opts      Options, or NULL for the defaults.
 * @return ::NW_OK; ::NW_EINVAL for NULL, an invalid date or invalid options;
 *         ::NW_ESTALE.
 */
NW_API int nw_tie_strength(double *out, const nw_tie *tie, nw_date as_of, const nw_snapshot_options *opts);

/**
 * @brief The strength of a tie as of a date with each of its terms.
 * @param[out] out  The terms (see ::nw_strength_terms).
 * @param tie       A handle.
 * @param as_of     A valid date.
 * @param opts      Options, or NULL for the defaults.
 * @return ::NW_OK; ::NW_EINVAL for NULL, an invalid date or invalid options;
 *         ::NW_ESTALE.
 */
NW_API int nw_tie_strength_terms(nw_strength_terms *out, const nw_tie *tie, nw_date as_of,
                                 const nw_snapshot_options *opts);

/**
 * @brief How strongly two actors are joined as of a date: multiplexity.
 *
 * Several ties between the same two actors (a contact, a cooperation and a
 * group, say) reinforce each other: with S_1 ... S_k the strengths of the
 * ties of the selected forms (`opts->form_mask`) that join both actors and
 * exist on the date, the pair's strength is 1 - (1 - S_1) ... (1 - S_k):
 * at least the strongest of them, below 1 unless one of them is 1, and 0
 * when no tie joins them. This is the weight of the pair in a weighted
 * snapshot.
 *
 * @param[out] out   The pair's strength in [0, 1].
 * @param[out] ties  Optional (may be NULL): the number k of ties joining them.
 * @param a          A handle on an actor.
 * @param b          A handle on another actor of the same network.
 * @param as_of      A valid date.
 * @param opts       Options, or NULL for the defaults.
 * @return ::NW_OK; ::NW_EINVAL for NULL, actors of different networks, the
 *         same actor twice, an invalid date or invalid options; ::NW_ESTALE.
 */
NW_API int nw_actor_pair_strength(double *out, size_t *ties, const nw_actor *a, const nw_actor *b,
                                  nw_date as_of, const nw_snapshot_options *opts);

/** The state of a tie on a date. */
typedef enum nw_tie_state {
    NW_TIE_ABSENT = 0,  /**< The tie does not exist on the date (not started yet, or ended). */
    NW_TIE_ACTIVE = 1,  /**< Exists, and its last contact is at most `dormant_after` days old. */
    NW_TIE_DORMANT = 2, /**< Exists, but no contact for more than `dormant_after` days. */
    NW_TIE_LATENT = 3   /**< A C Kontakt with no interaction on or before the date: a silent contact with activation potential. */
} nw_tie_state;

/**
 * @brief The state of a tie on a date (see ::nw_tie_state).
 *
 * The last contact is the latest of the start and the interactions on or
 * before the date. Only C Kontakt ties can be latent: the other forms are
 * activated by what they are (an encounter, a project, a group).
 *
 * @param[out] out  The state.
 * @param tie       A handle.
 * @param as_of     A valid date.
 * @param opts      Options, or NULL for the defaults (`dormant_after`).
 * @return ::NW_OK; ::NW_EINVAL for NULL, an invalid date or invalid options;
 *         ::NW_ESTALE.
 */
NW_API int nw_tie_state_get(nw_tie_state *out, const nw_tie *tie, nw_date as_of,
                            const nw_snapshot_options *opts);

/** A tie that is losing touch (see nw_network_losing_touch()). */
typedef struct nw_touch {
    nw_id tie;             /**< The tie's identity. */
    nw_form form;          /**< Its form. */
    nw_date last_contact;  /**< The latest of its start and its interactions on or before the date. */
    int32_t days;          /**< Days since the last contact; more than the form's `touch_ideal`. */
    bool overdue;          /**< true if @c days is also more than the form's `touch_max` (when set). */
} nw_touch;

/**
 * @brief The ties that are losing touch on a date, oldest contact first.
 *
 * A tie of a selected form (`opts->form_mask`) that exists on @p as_of is
 * losing touch when its last contact is more than its form's `touch_ideal`
 * days old (forms with `touch_ideal` 0 are never listed); it is overdue past
 * `touch_max`. The list is sorted by last contact, oldest first, then by
 * tie identity.
 *
 * @param[out] out    The list, allocated by the library: free it with
 *                    nw_free(); NULL when @p count is 0.
 * @param[out] count  Its length.
 * @param net         The network.
 * @param as_of       A valid date.
 * @param opts        Options, or NULL for the defaults.
 * @return ::NW_OK; ::NW_EINVAL for NULL, an invalid date or invalid options;
 *         ::NW_ESTALE if the network was freed; ::NW_ENOMEM.
 */
NW_API int nw_network_losing_touch(nw_touch **out, size_t *count, const nw_network *net, nw_date as_of,
                                   const nw_snapshot_options *opts);

/* ---- snapshots --------------------------------------------------------------- */

/** A compact, immutable view of a network as of one date. Opaque. */
typedef struct nw_snapshot nw_snapshot;

/**
 * @brief Take a snapshot of a network as of a date.
 *
 * The snapshot holds:
 * - the actors that joined on or before @p as_of (or have no joined date),
 *   and every member of a tie it includes;
 * - the ties of the selected forms that exist on @p as_of
 *   (start <= as_of and (no end or as_of <= end)), with their state;
 * - the pairs: every two members of such a tie, one pair per two actors
 *   however many ties join them, weighted by the pair's strength
 *   (nw_actor_pair_strength()) when `opts->weighted`, else by 1.
 *
 * It is self-contained: the network can change or be freed afterwards and
 * the snapshot stays valid and unchanged (nw_snapshot_is_current() tells
 * whether it still matches). It does not keep the network alive.
 *
 * @param[out] out  The snapshot, owned by the caller; free with nw_snapshot_free().
 * @param net       The network.
 * @param as_of     A valid date.
 * @param opts      Options, or NULL for the defaults; copied.
 * @return ::NW_OK; ::NW_EINVAL for NULL, an invalid date or invalid options
 *         (nw_errmsg() names the field); ::NW_ESTALE if the network was
 *         freed; ::NW_ELIMIT if the pairs would not fit the snapshot's
 *         32-bit vertex numbers; ::NW_ENOMEM.
 */
NW_API int nw_snapshot_new(nw_snapshot **out, const nw_network *net, nw_date as_of,
                           const nw_snapshot_options *opts);

/**
 * @brief Free a snapshot.
 * @param snap The snapshot, or NULL (then nothing happens).
 */
NW_API void nw_snapshot_free(nw_snapshot *snap);

/**
 * @brief The date of a snapshot.
 * @param[out] out  The date it was taken as of.
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_snapshot_date(nw_date *out, const nw_snapshot *snap);

/**
 * @brief The options a snapshot was taken with.
 * @param[out] out  A copy of its options (with the defaults filled in if
 *                  NULL was passed).
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_snapshot_options_get(nw_snapshot_options *out, const nw_snapshot *snap);

/**
 * @brief Whether a snapshot still matches a network: it was taken of this
 * network and the network has not changed since.
 *
 * The network is recognised by a serial number unique in the process (not
 * by its address, which a later network may reuse) and its change counter;
 * pass a network that is alive (the one the snapshot was taken of, or
 * another).
 *
 * @param[out] out  true if it matches.
 * @param snap      The snapshot.
 * @param net       A live network.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_snapshot_is_current(bool *out, const nw_snapshot *snap, const nw_network *net);

/**
 * @brief The number of actors (vertices) of a snapshot.
 * @param[out] out  n; per-actor results have this many elements.
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_snapshot_actor_count(size_t *out, const nw_snapshot *snap);

/**
 * @brief The number of pairs (joined actors) of a snapshot.
 * @param[out] out  m; per-pair results have this many elements.
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_snapshot_pair_count(size_t *out, const nw_snapshot *snap);

/**
 * @brief The number of ties a snapshot includes.
 * @param[out] out  The ties of the selected forms that exist on its date.
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_snapshot_tie_count(size_t *out, const nw_snapshot *snap);

/**
 * @brief The identity of the actor behind a vertex.
 * @param[out] out  The actor's identity.
 * @param snap      The snapshot.
 * @param vertex    0 to nw_snapshot_actor_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p vertex is out of range.
 */
NW_API int nw_snapshot_actor_id(nw_id *out, const nw_snapshot *snap, size_t vertex);

/**
 * @brief The vertex of an actor.
 * @param[out] out  Its vertex.
 * @param snap      The snapshot.
 * @param actor     An actor identity.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if the
 *         actor is not in the snapshot.
 */
NW_API int nw_snapshot_vertex_of(size_t *out, const nw_snapshot *snap, nw_id actor);

/** One pair of a snapshot: two actors joined by at least one tie. */
typedef struct nw_pair_info {
    nw_id a;        /**< The actor with the lower identity. */
    nw_id b;        /**< The actor with the higher identity. */
    size_t va;      /**< The vertex of @c a. */
    size_t vb;      /**< The vertex of @c b. */
    double weight;  /**< The pair's strength in a weighted snapshot, else 1. */
    size_t ties;    /**< The number of ties joining them (multiplexity). */
    bool strong;    /**< true if at least one of those ties is of a strong form (B, D). */
} nw_pair_info;

/**
 * @brief Describe one pair of a snapshot.
 * @param[out] out  The pair.
 * @param snap      The snapshot.
 * @param pair      0 to nw_snapshot_pair_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p pair is out of range.
 */
NW_API int nw_snapshot_pair(nw_pair_info *out, const nw_snapshot *snap, size_t pair);

/**
 * @brief The memory a snapshot holds, in bytes (its own allocations).
 * @param[out] out  The bytes.
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument.
 */
NW_API int nw_snapshot_memory(size_t *out, const nw_snapshot *snap);

/* ---- actor measures ------------------------------------------------------------
 *
 * Each fills a caller array `out` of `len` elements, indexed by vertex: the
 * first n = nw_snapshot_actor_count() of them (a longer array is fine; the
 * rest is not touched). Each returns NW_OK; NW_EINVAL for a NULL snapshot,
 * a `len` below n or a NULL `out` (NULL is accepted when n is 0, as
 * malloc(0) may return it), with nothing written; NW_ENOMEM for the work
 * space of the longer computations.
 */

/**
 * @brief Degree: the number of other actors each actor shares a tie with.
 * @param[out] out  n values: the first n of @p len elements.
 * @param len       The number of elements of @p out: at least n
 *                  (nw_snapshot_actor_count()).
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL snapshot, @p len below n or a
 *         NULL @p out (accepted when n is 0).
 */
NW_API int nw_snapshot_degree(double *out, size_t len, const nw_snapshot *snap);

/**
 * @brief Weighted degree: the sum of the weights of each actor's pairs
 * (equal to the degree in an unweighted snapshot).
 * @param[out] out  n values: the first n of @p len elements.
 * @param len       The number of elements of @p out: at least n
 *                  (nw_snapshot_actor_count()).
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL snapshot, @p len below n or a
 *         NULL @p out (accepted when n is 0).
 */
NW_API int nw_snapshot_weighted_degree(double *out, size_t len, const nw_snapshot *snap);

/**
 * @brief Betweenness centrality, exact (Brandes' algorithm).
 *
 * For each actor v, the sum over unordered pairs {s, t} of other actors of
 * the share of shortest s-t paths that pass through v. Each pair counts
 * once; not normalised (divide by (n-1)(n-2)/2 for a share). Paths count
 * steps in an unweighted snapshot; in a weighted one each pair has the
 * length 1 / weight (pairs of weight 0 are not passed) and lengths within a
 * relative 1e-10 count as equal. Equal to igraph's betweenness and to
 * NetworkX's betweenness_centrality(normalized=False).
 *
 * @param[out] out  n values: the first n of @p len elements.
 * @param len       The number of elements of @p out: at least n
 *                  (nw_snapshot_actor_count()).
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL snapshot, @p len below n or a
 *         NULL @p out (accepted when n is 0); ::NW_ENOMEM.
 */
NW_API int nw_snapshot_betweenness(double *out, size_t len, const nw_snapshot *snap);

/**
 * @brief Harmonic closeness: the sum of 1 / distance to every other actor
 * (unreachable actors add 0), so that it works on disconnected networks.
 *
 * Distances as for nw_snapshot_betweenness(). Not normalised (divide by
 * n - 1 for igraph's normalised value). Equal to NetworkX's
 * harmonic_centrality().
 *
 * @param[out] out  n values: the first n of @p len elements.
 * @param len       The number of elements of @p out: at least n
 *                  (nw_snapshot_actor_count()).
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL snapshot, @p len below n or a
 *         NULL @p out (accepted when n is 0); ::NW_ENOMEM.
 */
NW_API int nw_snapshot_harmonic_closeness(double *out, size_t len, const nw_snapshot *snap);

/**
 * @brief 2-step reach: the number of other actors within two steps.
 *
 * Divide by n - 1 for UCINET's share.
 *
 * @param[out] out  n values: the first n of @p len elements.
 * @param len       The number of elements of @p out: at least n
 *                  (nw_snapshot_actor_count()).
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL snapshot, @p len below n or a
 *         NULL @p out (accepted when n is 0); ::NW_ENOMEM.
 */
NW_API int nw_snapshot_two_step_reach(double *out, size_t len, const nw_snapshot *snap);

/**
 * @brief Reach efficiency: the 2-step reach divided by the sum of the
 * degrees of the actor's neighbours (the contacts its contacts have), in
 * (0, 1]; 0 for isolates. 1 means every second-step contact is new.
 * @param[out] out  n values: the first n of @p len elements.
 * @param len       The number of elements of @p out: at least n
 *                  (nw_snapshot_actor_count()).
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL snapshot, @p len below n or a
 *         NULL @p out (accepted when n is 0); ::NW_ENOMEM.
 */
NW_API int nw_snapshot_reach_efficiency(double *out, size_t len, const nw_snapshot *snap);

/**
 * @brief Burt's structural holes: constraint, effective size and efficiency.
 *
 * With p_ij = w_ij / sum_k w_ik (the weights are 1 in an unweighted snapshot)
 * and m_jq = w_jq / max_k w_jk:
 * - constraint c_i = sum over neighbours j of (p_ij + sum_q p_iq p_qj)^2,
 * - effective size e_i = sum over neighbours j of (1 - sum_q p_iq m_jq),
 * - efficiency e_i / degree,
 *
 * q running over the neighbours of i. These are NetworkX's constraint()
 * and effective_size(); isolates get NaN, as there. Any output may be NULL
 * (not computed), but not all three, not even when n is 0.
 *
 * @param[out] constraint      n values, or NULL.
 * @param[out] effective_size  n values, or NULL.
 * @param[out] efficiency      n values, or NULL.
 * @param len                  The number of elements of each output that is
 *                             not NULL: at least n (nw_snapshot_actor_count());
 *                             the first n are written.
 * @param snap                 The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL snapshot, three NULL outputs or
 *         @p len below n; ::NW_ENOMEM.
 */
NW_API int nw_snapshot_structural_holes(double *constraint, double *effective_size, double *efficiency,
                                        size_t len, const nw_snapshot *snap);

/**
 * @brief Local clustering: the share of pairs of an actor's neighbours that
 * are joined themselves; 0 for fewer than two neighbours (NetworkX's
 * clustering(), igraph's transitivity_local_undirected(mode="zero")).
 * @param[out] out  n values: the first n of @p len elements.
 * @param len       The number of elements of @p out: at least n
 *                  (nw_snapshot_actor_count()).
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL snapshot, @p len below n or a
 *         NULL @p out (accepted when n is 0); ::NW_ENOMEM.
 */
NW_API int nw_snapshot_local_clustering(double *out, size_t len, const nw_snapshot *snap);

/**
 * @brief Core number: the largest k such that the actor belongs to the
 * k-core (the largest part in which everybody has at least k neighbours).
 * @param[out] out  n values: the first n of @p len elements.
 * @param len       The number of elements of @p out: at least n
 *                  (nw_snapshot_actor_count()).
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL snapshot, @p len below n or a
 *         NULL @p out (accepted when n is 0); ::NW_ENOMEM.
 */
NW_API int nw_snapshot_core_number(double *out, size_t len, const nw_snapshot *snap);

/**
 * @brief Connected components: which component each actor belongs to.
 *
 * Components are numbered 0, 1, ... in order of their lowest vertex.
 *
 * @param[out] out    n component numbers: the first n of @p len elements.
 * @param len         The number of elements of @p out: at least n
 *                    (nw_snapshot_actor_count()).
 * @param[out] count  Optional (may be NULL): the number of components.
 * @param snap        The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL snapshot, @p len below n or a
 *         NULL @p out (accepted when n is 0); ::NW_ENOMEM.
 */
NW_API int nw_snapshot_components(size_t *out, size_t len, size_t *count, const nw_snapshot *snap);

/* ---- actor lists -------------------------------------------------------------- */

/**
 * @brief The stars: the actors with the most neighbours (all of them if
 * several share the highest degree; none in a network without pairs).
 * @param[out] out    Actor identities in ascending order, allocated by the
 *                    library; free with nw_free(); NULL when @p count is 0.
 * @param[out] count  Their number.
 * @param snap        The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOMEM.
 */
NW_API int nw_snapshot_stars(nw_id **out, size_t *count, const nw_snapshot *snap);

/**
 * @brief The isolates: actors of the snapshot without any pair.
 * @param[out] out    Actor identities in ascending order, allocated by the
 *                    library; free with nw_free(); NULL when @p count is 0.
 * @param[out] count  Their number.
 * @param snap        The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOMEM.
 */
NW_API int nw_snapshot_isolates(nw_id **out, size_t *count, const nw_snapshot *snap);

/**
 * @brief The brokers: actors on many shortest paths who span structural holes.
 *
 * An actor is a broker when its normalised betweenness (betweenness divided
 * by (n-1)(n-2)/2) is at least `broker_min_betweenness` and its constraint
 * is at most `broker_max_constraint` (options of the snapshot). Sorted by
 * betweenness, highest first, then by identity.
 *
 * @param[out] out    Actor identities, allocated by the library; free with
 *                    nw_free(); NULL when @p count is 0.
 * @param[out] count  Their number.
 * @param snap        The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOMEM.
 */
NW_API int nw_snapshot_brokers(nw_id **out, size_t *count, const nw_snapshot *snap);

/* ---- tie measures ---------------------------------------------------------------- */

/** The span of a bridge: no other path joins its two actors. */
#define NW_SPAN_INFINITE UINT32_MAX

/** A bridge or local bridge (see nw_snapshot_bridges()). */
typedef struct nw_bridge {
    size_t pair;    /**< The pair's number in the snapshot. */
    nw_id a;        /**< The actor with the lower identity. */
    nw_id b;        /**< The actor with the higher identity. */
    uint32_t span;  /**< Steps of the shortest other path between them; ::NW_SPAN_INFINITE for a bridge. */
    bool strong;    /**< true if a tie of a strong form (B, D) joins them; false for a weak bridge (Granovetter). */
    double weight;  /**< The pair's weight. */
} nw_bridge;

/**
 * @brief Bridges, or local bridges with their span.
 *
 * A bridge is a pair whose removal disconnects its two actors. A local
 * bridge is a pair whose actors have no neighbour in common; its span is
 * the length of the shortest other path between them (at least 3;
 * ::NW_SPAN_INFINITE for a bridge). With @p local false the list holds the
 * bridges only; with true every local bridge (bridges included, as in
 * NetworkX's local_bridges(with_span=True)). Sorted by pair number. Each
 * entry says whether the pair is strong or weak: Granovetter's prediction is
 * that bridges are weak ties.
 *
 * @param[out] out    The list, allocated by the library; free with
 *                    nw_free(); NULL when @p count is 0.
 * @param[out] count  Its length.
 * @param snap        The snapshot.
 * @param local       false: bridges; true: local bridges with their span.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOMEM.
 */
NW_API int nw_snapshot_bridges(nw_bridge **out, size_t *count, const nw_snapshot *snap, bool local);

/**
 * @brief Tie overlap (Onnela et al. 2007) of every pair.
 *
 * For the pair i, j with c common neighbours:
 * O_ij = c / ((k_i - 1) + (k_j - 1) - c), and 0 when the denominator is 0
 * (both have no other neighbour). 0 means the pair bridges two separate
 * neighbourhoods; 1 means both have the same neighbours.
 *
 * @param[out] out  m values (m = nw_snapshot_pair_count()), indexed by pair:
 *                  the first m of @p len elements.
 * @param len       The number of elements of @p out: at least m.
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL snapshot, @p len below m or a
 *         NULL @p out (accepted when m is 0); nothing is written then.
 */
NW_API int nw_snapshot_overlap(double *out, size_t len, const nw_snapshot *snap);

/* ---- network figures --------------------------------------------------------------- */

/**
 * @brief The key figures of a network as of a date.
 *
 * "Pairs" are the joined actors of the snapshot; path figures count steps,
 * in the largest component (the first in vertex order among equally large
 * ones). Undefined ratios are 0: density of fewer than two actors,
 * transitivity without any two-step path, E-I index without pairs.
 * Its size is part of the ABI: ::nw_change holds two of them and
 * nw_network_timeline() returns an array, so a new field comes only with a
 * new SOVERSION of the library (a program built against another size must be
 * rebuilt).
 */
typedef struct nw_figures {
    nw_date as_of;            /**< The date of the snapshot. */
    size_t actors;            /**< Actors in the snapshot (n). */
    size_t size;              /**< Network size: actors with at least one active tie. */
    size_t size_activatable;  /**< Size with activatable contacts: actors with a tie in any state (active, dormant or latent). */
    size_t actors_by_kind[3]; /**< Actors by ::nw_actor_kind. */
    size_t ties;              /**< Ties included in the snapshot. */
    size_t ties_by_form[NW_FORM_COUNT]; /**< Ties by ::nw_form. */
    size_t ties_strong;       /**< Ties of the strong forms B and D. */
    size_t ties_weak;         /**< Ties of the weak forms A and C. */
    size_t ties_active;       /**< Ties in state ::NW_TIE_ACTIVE. */
    size_t ties_dormant;      /**< Ties in state ::NW_TIE_DORMANT. */
    size_t ties_latent;       /**< Ties in state ::NW_TIE_LATENT. */
    size_t pairs;             /**< Pairs (m). */
    size_t pairs_multiplex;   /**< Pairs joined by two or more ties. */
    size_t pairs_strong;      /**< Pairs joined by at least one strong tie. */
    double density;           /**< 2m / (n (n - 1)). */
    double density_weighted;  /**< The sum of the pair weights / (n (n - 1) / 2). */
    double strength_mean;     /**< Mean pair weight (1 in an unweighted snapshot; 0 without pairs). */
    size_t components;        /**< Connected components (an isolate is one). */
    size_t largest_component; /**< Actors in the largest component. */
    double largest_share;     /**< largest_component / actors (0 without actors). */
    size_t isolates;          /**< Actors without pairs. */
    double degree_mean;       /**< Mean degree, 2m / n. */
    double degree_sd;         /**< Standard deviation of the degree (population, divisor n). */
    size_t degree_max;        /**< Highest degree. */
    double transitivity;      /**< 3 x triangles / connected triples (global clustering). */
    double clustering_mean;   /**< Mean local clustering over all actors (0 for degree < 2). */
    size_t triangles;         /**< Triangles. */
    double path_mean;         /**< Mean distance between the actors of the largest component (0 for one actor). */
    size_t diameter;          /**< Longest distance in the largest component. */
    bool paths_exact;         /**< false if path_mean and diameter are estimates (option path_sources). */
    size_t max_core;          /**< The highest core number (degeneracy). */
    size_t max_core_size;     /**< Actors in the max_core-core. */
    double ei_index;          /**< Krackhardt's E-I index of pairs across actor kinds: (E - I) / (E + I). */
} nw_figures;

/**
 * @brief Compute the key figures of a snapshot.
 * @param[out] out  The figures, allocated by the library; free with nw_free().
 * @param snap      The snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOMEM.
 */
NW_API int nw_snapshot_figures(nw_figures **out, const nw_snapshot *snap);

/**
 * @brief The number of figures nw_figures_field() can name.
 * @return The count (a constant of this version of the library).
 */
NW_API size_t nw_figures_field_count(void);

/**
 * @brief One figure by position, with its name: for printing tables,
 * timelines and deltas without naming every field.
 * @param[out] name   A static string such as "density"; never free it.
 * @param[out] value  The figure as a double (counts are exact up to 2^53).
 * @param figures     The figures.
 * @param index       0 to nw_figures_field_count() - 1.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOTFOUND if
 *         @p index is out of range.
 */
NW_API int nw_figures_field(const char **name, double *value, const nw_figures *figures, size_t index);

/* ---- change ------------------------------------------------------------------------- */

/**
 * @brief What changed between two snapshots: the figures side by side, and
 * the actors and ties that came and went.
 *
 * One block: the id arrays point into it. Deltas are after - before of each
 * field of nw_figures_field().
 */
typedef struct nw_change {
    nw_figures before;          /**< Figures of the earlier snapshot. */
    nw_figures after;           /**< Figures of the later snapshot. */
    const nw_id *actors_joined; /**< Actors in @c after but not in @c before, ascending. */
    size_t actors_joined_count; /**< Their number. */
    const nw_id *actors_left;   /**< Actors in @c before but not in @c after, ascending. */
    size_t actors_left_count;   /**< Their number. */
    const nw_id *ties_began;    /**< Ties in @c after but not in @c before, ascending. */
    size_t ties_began_count;    /**< Their number. */
    const nw_id *ties_ended;    /**< Ties in @c before but not in @c after (ended or removed), ascending. */
    size_t ties_ended_count;    /**< Their number. */
} nw_change;

/**
 * @brief Compare two snapshots, usually of one network at two dates.
 * @param[out] out  The change, allocated by the library as one block; free
 *                  with nw_free().
 * @param before    The earlier snapshot.
 * @param after     The later snapshot.
 * @return ::NW_OK; ::NW_EINVAL for a NULL argument; ::NW_ENOMEM.
 */
NW_API int nw_snapshot_compare(nw_change **out, const nw_snapshot *before, const nw_snapshot *after);

/** The most points a timeline may have. */
#define NW_TIMELINE_MAX 100000

/**
 * @brief The figures of a network at regular intervals: the dynamic network.
 *
 * Points are at @p from, @p from + @p step_days, ... up to and including
 * the last one not after @p to. Each is the figures of a snapshot with
 * @p opts as of that date.
 *
 * @param[out] out    The figures of each point, allocated by the library as
 *                    one array; free with nw_free().
 * @param[out] count  The number of points.
 * @param net         The network.
 * @param from        A valid date.
 * @param to          A valid date, not before @p from.
 * @param step_days   Days between points, at least 1.
 * @param opts        Options, or NULL for the defaults.
 * @return ::NW_OK; ::NW_EINVAL for NULL, invalid dates, @p to before
 *         @p from, a step below 1 or invalid options; ::NW_ELIMIT for more
 *         than ::NW_TIMELINE_MAX points; ::NW_ESTALE if the network was
 *         freed; ::NW_ENOMEM.
 */
NW_API int nw_network_timeline(nw_figures **out, size_t *count, const nw_network *net, nw_date from,
                               nw_date to, int32_t step_days, const nw_snapshot_options *opts);

#ifdef __cplusplus
}
#endif

#endif
