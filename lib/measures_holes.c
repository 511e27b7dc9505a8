/*
 * Burt's structural holes: constraint, effective size and efficiency, with
 * NetworkX's definitions (networkx.algorithms.structuralholes): for an
 * undirected graph the "mutual weight" 2 w_ij cancels in every ratio, so
 * p_ij = w_ij / sum_k w_ik and m_jq = w_jq / max_k w_jk.
 *
 * One pass per ego i: its neighbours' p_iq are scattered into a dense array
 * (marked with i), then each neighbour j's row is scanned once for both the
 * indirect constraint sum_q p_iq p_qj and the redundancy sum_q p_iq m_jq.
 * Cost: the sum of the squared degrees.
 */
#include "analysis_internal.h"

#include <math.h>

#define NONE UINT32_MAX

static double weight_at(const nw_snapshot *s, size_t slot)
{
    return s->w ? s->w[slot] : 1.0;
}

int nw_snapshot_structural_holes(double *constraint, double *effective_size, double *efficiency, size_t len,
                                 const nw_snapshot *snap)
{
    if (snap != NULL && constraint == NULL && effective_size == NULL && efficiency == NULL)
        return nw_fail(NW_EINVAL, "constraint, effective_size and efficiency are all NULL");
    /* One length for the three; any output given stands for them (the NULL
     * ones are not computed). */
    const double *any = constraint != NULL ? constraint
                        : effective_size != NULL ? effective_size
                                                 : efficiency;
    int rc = nw_measure_check(any, "len", len, snap, false);
    if (rc != NW_OK)
        return rc;
    size_t n = snap->n ? snap->n : 1;
    double *total = nw_mem_alloc(n * sizeof *total); /* sum of weights per vertex */
    double *peak = nw_mem_alloc(n * sizeof *peak);   /* largest weight per vertex */
    double *p = nw_mem_alloc(n * sizeof *p);          /* p_iq of the current ego */
    uint32_t *mark = nw_mem_alloc(n * sizeof *mark);
    if (!total || !peak || !p || !mark) {
        nw_mem_free(total);
        nw_mem_free(peak);
        nw_mem_free(p);
        nw_mem_free(mark);
        return NW_ENOMEM;
    }
    for (size_t v = 0; v < snap->n; v++) {
        double sum = 0.0, max = 0.0;
        for (size_t i = snap->off[v]; i < snap->off[v + 1]; i++) {
            double w = weight_at(snap, i);
            sum += w;
            if (w > max)
                max = w;
        }
        total[v] = sum;
        peak[v] = max;
        mark[v] = NONE;
    }

    for (size_t ego = 0; ego < snap->n; ego++) {
        size_t deg = nw_snap_degree(snap, ego);
        if (deg == 0) {
            if (constraint)
                constraint[ego] = NAN;
            if (effective_size)
                effective_size[ego] = NAN;
            if (efficiency)
                efficiency[ego] = NAN;
            continue;
        }
        /* A total of 0 (all weights 0) gives p = 0, as in NetworkX. */
        for (size_t i = snap->off[ego]; i < snap->off[ego + 1]; i++) {
            uint32_t q = snap->adj[i];
            mark[q] = (uint32_t)ego;
            p[q] = total[ego] > 0.0 ? weight_at(snap, i) / total[ego] : 0.0;
        }
        double c = 0.0, esize = 0.0;
        for (size_t i = snap->off[ego]; i < snap->off[ego + 1]; i++) {
            uint32_t j = snap->adj[i];
            double indirect = 0.0, redundancy = 0.0;
            for (size_t k = snap->off[j]; k < snap->off[j + 1]; k++) {
                uint32_t q = snap->adj[k];
                if (mark[q] != ego)
                    continue;
                double w = weight_at(snap, k);
                if (total[q] > 0.0)
                    indirect += p[q] * w / total[q];
                if (peak[j] > 0.0)
                    redundancy += p[q] * w / peak[j];
            }
            double local = p[j] + indirect;
            c += local * local;
            esize += 1.0 - redundancy;
        }
        if (constraint)
            constraint[ego] = c;
        if (effective_size)
            effective_size[ego] = esize;
        if (efficiency)
            efficiency[ego] = esize / (double)deg;
    }
    nw_mem_free(total);
    nw_mem_free(peak);
    nw_mem_free(p);
    nw_mem_free(mark);
    return NW_OK;
}
