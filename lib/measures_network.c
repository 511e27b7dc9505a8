/*
 * The network figures: counts, density, components, degree distribution,
 * clustering, paths in the largest component, k-cores and the E-I index,
 * in one call; and a table that names every figure, for printing timelines
 * and deltas without naming fields.
 */
#include "analysis_internal.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

/* Mean distance and diameter of the component with label `comp` (size L),
 * from every vertex of it or, with path_sources = k < L, from k of them
 * spread evenly over its vertex order. */
static int path_figures(nw_figures *f, const nw_snapshot *s, const uint32_t *label, uint32_t comp, size_t L)
{
    f->path_mean = 0.0;
    f->diameter = 0;
    f->paths_exact = true;
    if (L < 2)
        return NW_OK;
    uint32_t *members = nw_mem_alloc(L * sizeof *members);
    uint32_t *queue = nw_mem_alloc(L * sizeof *queue);
    int32_t *dist = nw_mem_alloc(s->n * sizeof *dist);
    if (!members || !queue || !dist) {
        nw_mem_free(members);
        nw_mem_free(queue);
        nw_mem_free(dist);
        return NW_ENOMEM;
    }
    size_t k = 0;
    for (size_t v = 0; v < s->n; v++) {
        dist[v] = -1;
        if (label[v] == comp)
            members[k++] = (uint32_t)v;
    }
    size_t sources = s->opts.path_sources;
    if (sources == 0 || sources >= L)
        sources = L;
    else
        f->paths_exact = false;
    double sum = 0.0;
    size_t diameter = 0;
    for (size_t i = 0; i < sources; i++) {
        uint32_t src = members[sources == L ? i : (size_t)((double)i * (double)L / (double)sources)];
        size_t head = 0, tail = 0;
        uint64_t local = 0;
        dist[src] = 0;
        queue[tail++] = src;
        while (head < tail) {
            uint32_t v = queue[head++];
            local += (uint64_t)dist[v];
            for (size_t j = s->off[v]; j < s->off[v + 1]; j++) {
                uint32_t w = s->adj[j];
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    queue[tail++] = w;
                }
            }
        }
        if ((size_t)dist[queue[tail - 1]] > diameter)
            diameter = (size_t)dist[queue[tail - 1]];
        sum += (double)local;
        for (size_t j = 0; j < tail; j++)
            dist[queue[j]] = -1;
    }
    f->path_mean = sum / ((double)sources * (double)(L - 1));
    f->diameter = diameter;
    nw_mem_free(members);
    nw_mem_free(queue);
    nw_mem_free(dist);
    return NW_OK;
}

static void count_figures(nw_figures *f, const nw_snapshot *s)
{
    size_t n = s->n;
    f->as_of = s->as_of;
    f->actors = n;
    for (size_t v = 0; v < n; v++) {
        f->size += (s->actor_flags[v] & NW_VTX_ACTIVE) != 0;
        f->size_activatable += (s->actor_flags[v] & NW_VTX_TIED) != 0;
        if (s->actor_kind[v] < 3)
            f->actors_by_kind[s->actor_kind[v]]++;
    }
    f->ties = s->nties;
    for (size_t t = 0; t < s->nties; t++) {
        unsigned form = s->tie_info[t] & 3u, state = s->tie_info[t] >> 2;
        f->ties_by_form[form]++;
        if (form == NW_FORM_KOOPERATION || form == NW_FORM_GRUPPE)
            f->ties_strong++;
        else
            f->ties_weak++;
        f->ties_active += state == NW_TIE_ACTIVE;
        f->ties_dormant += state == NW_TIE_DORMANT;
        f->ties_latent += state == NW_TIE_LATENT;
    }
    f->pairs = s->m;
    double wsum = 0.0, dsum2 = 0.0;
    size_t across = 0;
    for (size_t v = 0; v < n; v++) {
        size_t d = nw_snap_degree(s, v);
        dsum2 += (double)d * (double)d;
        if (d > f->degree_max)
            f->degree_max = d;
        if (d == 0)
            f->isolates++;
        for (size_t i = nw_snap_upper(s, v); i < s->off[v + 1]; i++) {
            f->pairs_multiplex += nw_snap_mult(s, i) >= 2;
            f->pairs_strong += (nw_snap_flags(s, i) & NW_SLOT_STRONG) != 0;
            wsum += s->w ? s->w[i] : 1.0;
            across += s->actor_kind[v] != s->actor_kind[s->adj[i]];
        }
    }
    double possible = (double)n * ((double)n - 1.0) / 2.0;
    f->density = n >= 2 ? (double)s->m / possible : 0.0;
    f->density_weighted = n >= 2 ? wsum / possible : 0.0;
    f->strength_mean = s->m ? wsum / (double)s->m : 0.0;
    f->degree_mean = n ? 2.0 * (double)s->m / (double)n : 0.0;
    double var = n ? dsum2 / (double)n - f->degree_mean * f->degree_mean : 0.0;
    f->degree_sd = var > 0.0 ? sqrt(var) : 0.0;
    f->ei_index = s->m ? ((double)across - (double)(s->m - across)) / (double)s->m : 0.0;
}

/* Compute every figure into f (zeroed here). */
int nw_figures_compute(nw_figures *f, const nw_snapshot *s)
{
    memset(f, 0, sizeof *f);
    count_figures(f, s);
    size_t n = s->n ? s->n : 1;
    uint32_t *label = nw_mem_alloc(n * sizeof *label);
    uint32_t *core = nw_mem_alloc(n * sizeof *core);
    uint64_t *tri = nw_mem_alloc(n * sizeof *tri);
    size_t *sizes = NULL, ncomp = 0;
    int rc = NW_ENOMEM;
    if (!label || !core || !tri)
        goto done;
    if ((rc = nw_kernel_components(label, &ncomp, &sizes, s)) != NW_OK)
        goto done;
    f->components = ncomp;
    uint32_t largest = 0;
    for (size_t c = 0; c < ncomp; c++)
        if (sizes[c] > sizes[largest])
            largest = (uint32_t)c;
    f->largest_component = ncomp ? sizes[largest] : 0;
    f->largest_share = s->n ? (double)f->largest_component / (double)s->n : 0.0;

    uint64_t triangles;
    if ((rc = nw_kernel_triangles(tri, &triangles, s)) != NW_OK)
        goto done;
    double triples = 0.0, local = 0.0;
    for (size_t v = 0; v < s->n; v++) {
        double d = (double)nw_snap_degree(s, v);
        if (d >= 2) {
            triples += d * (d - 1.0) / 2.0;
            local += 2.0 * (double)tri[v] / (d * (d - 1.0));
        }
    }
    f->triangles = (size_t)triangles;
    f->transitivity = triples > 0.0 ? 3.0 * (double)triangles / triples : 0.0;
    f->clustering_mean = s->n ? local / (double)s->n : 0.0;

    if ((rc = nw_kernel_cores(core, s)) != NW_OK)
        goto done;
    for (size_t v = 0; v < s->n; v++)
        if (core[v] > f->max_core)
            f->max_core = core[v];
    for (size_t v = 0; v < s->n; v++)
        f->max_core_size += core[v] == f->max_core;

    rc = ncomp ? path_figures(f, s, label, largest, f->largest_component) : NW_OK;
    if (ncomp == 0)
        f->paths_exact = true;
done:
    nw_mem_free(label);
    nw_mem_free(core);
    nw_mem_free(tri);
    nw_mem_free(sizes);
    return rc;
}

int nw_snapshot_figures(nw_figures **out, const nw_snapshot *snap)
{
    if (out == NULL || snap == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", out == NULL ? "out" : "snap");
    nw_figures *f = nw_mem_alloc(sizeof *f);
    if (f == NULL)
        return NW_ENOMEM;
    int rc = nw_figures_compute(f, snap);
    if (rc != NW_OK) {
        nw_mem_free(f);
        return rc;
    }
    *out = f;
    return NW_OK;
}

/* ---- the table of figures ------------------------------------------------------ */

enum field_type { F_SIZE, F_DOUBLE, F_BOOL, F_DATE };

static const struct field {
    const char *name;
    size_t offset;
    enum field_type type;
} fields[] = {
#define SIZE_FIELD(name, member) {name, offsetof(nw_figures, member), F_SIZE}
#define DOUBLE_FIELD(name, member) {name, offsetof(nw_figures, member), F_DOUBLE}
    {"as_of", offsetof(nw_figures, as_of), F_DATE},
    SIZE_FIELD("actors", actors),
    SIZE_FIELD("size", size),
    SIZE_FIELD("size_activatable", size_activatable),
    SIZE_FIELD("actors_person", actors_by_kind[NW_ACTOR_PERSON]),
    SIZE_FIELD("actors_group", actors_by_kind[NW_ACTOR_GROUP]),
    SIZE_FIELD("actors_organisation", actors_by_kind[NW_ACTOR_ORGANISATION]),
    SIZE_FIELD("ties", ties),
    SIZE_FIELD("ties_begegnung", ties_by_form[NW_FORM_BEGEGNUNG]),
    SIZE_FIELD("ties_kooperation", ties_by_form[NW_FORM_KOOPERATION]),
    SIZE_FIELD("ties_kontakt", ties_by_form[NW_FORM_KONTAKT]),
    SIZE_FIELD("ties_gruppe", ties_by_form[NW_FORM_GRUPPE]),
    SIZE_FIELD("ties_strong", ties_strong),
    SIZE_FIELD("ties_weak", ties_weak),
    SIZE_FIELD("ties_active", ties_active),
    SIZE_FIELD("ties_dormant", ties_dormant),
    SIZE_FIELD("ties_latent", ties_latent),
    SIZE_FIELD("pairs", pairs),
    SIZE_FIELD("pairs_multiplex", pairs_multiplex),
    SIZE_FIELD("pairs_strong", pairs_strong),
    DOUBLE_FIELD("density", density),
    DOUBLE_FIELD("density_weighted", density_weighted),
    DOUBLE_FIELD("strength_mean", strength_mean),
    SIZE_FIELD("components", components),
    SIZE_FIELD("largest_component", largest_component),
    DOUBLE_FIELD("largest_share", largest_share),
    SIZE_FIELD("isolates", isolates),
    DOUBLE_FIELD("degree_mean", degree_mean),
    DOUBLE_FIELD("degree_sd", degree_sd),
    SIZE_FIELD("degree_max", degree_max),
    DOUBLE_FIELD("transitivity", transitivity),
    DOUBLE_FIELD("clustering_mean", clustering_mean),
    SIZE_FIELD("triangles", triangles),
    DOUBLE_FIELD("path_mean", path_mean),
    SIZE_FIELD("diameter", diameter),
    {"paths_exact", offsetof(nw_figures, paths_exact), F_BOOL},
    SIZE_FIELD("max_core", max_core),
    SIZE_FIELD("max_core_size", max_core_size),
    DOUBLE_FIELD("ei_index", ei_index),
#undef SIZE_FIELD
#undef DOUBLE_FIELD
};

size_t nw_figures_field_count(void)
{
    return sizeof fields / sizeof fields[0];
}

int nw_figures_field(const char **name, double *value, const nw_figures *figures, size_t index)
{
    if (name == NULL || value == NULL || figures == NULL)
        return nw_fail(NW_EINVAL, "%s is NULL", name == NULL ? "name" : value == NULL ? "value" : "figures");
    if (index >= nw_figures_field_count())
        return nw_fail(NW_ENOTFOUND, "figure %zu is out of range (there are %zu)", index,
                       nw_figures_field_count());
    const struct field *f = &fields[index];
    const char *base = (const char *)figures + f->offset;
    switch (f->type) {
    case F_SIZE: {
        size_t v;
        memcpy(&v, base, sizeof v);
        *value = (double)v;
        break;
    }
    case F_DOUBLE:
        memcpy(value, base, sizeof *value);
        break;
    case F_BOOL: {
        bool v;
        memcpy(&v, base, sizeof v);
        *value = v ? 1.0 : 0.0;
        break;
    }
    case F_DATE: {
        nw_date v;
        memcpy(&v, base, sizeof v);
        *value = (double)v;
        break;
    }
    }
    *name = f->name;
    return NW_OK;
}
