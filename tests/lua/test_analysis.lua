-- The analysis from Lua: snapshots, measures keyed by actor identity, tie
-- strength and state, losing touch, figures, change, timeline, and misuse.
-- Expected values are worked out by hand from the definitions in
-- docs/analysis.md (the structural ones agree with NetworkX 2.8.8 on the
-- same small graphs), never taken from the library's output.
local nw = require "netzwerk"
local t = require "testing"
local test, equal, same, raises = t.test, t.equal, t.same, t.raises

local function approx(actual, expected, what)
  if type(actual) ~= "number" or math.abs(actual - expected) > 1e-12 * math.max(1, math.abs(expected)) then
    error(("%s: expected %.15g, got %s"):format(what or "value", expected, tostring(actual)), 2)
  end
end

local function isnan(x) return x ~= x end

-- A path of three: A - B - C (two contacts).
local function path3()
  local net = nw.Network("Pfad")
  local a, b, c = net:add_actor("A"), net:add_actor("B"), net:add_actor("C")
  net:add_tie(nw.KONTAKT, {a, b}, "2025-01-01")
  net:add_tie(nw.KONTAKT, {b, c}, "2025-01-01")
  return net, a, b, c
end

-- A triangle A, B, C (one group of three: three pairs, one tie) with D
-- hanging off C by a contact. A is an organisation, the others persons.
local function kite()
  local net = nw.Network("Drachen")
  local a = net:add_actor("A", nw.ORGANISATION)
  local b, c, d = net:add_actor("B"), net:add_actor("C"), net:add_actor("D")
  net:add_tie(nw.GRUPPE, {a, b, c}, "2025-01-01")
  net:add_tie(nw.KONTAKT, {c, d}, "2025-01-01")
  return net, a, b, c, d
end

test("constants", function()
  same({nw.TIE_ABSENT, nw.TIE_ACTIVE, nw.TIE_DORMANT, nw.TIE_LATENT}, {0, 1, 2, 3})
  equal(nw.SPAN_INFINITE, 4294967295)
  equal(nw.TIMELINE_MAX, 100000)
  same({nw.tie_state_name(nw.TIE_ABSENT), nw.tie_state_name(nw.TIE_ACTIVE),
        nw.tie_state_name(nw.TIE_DORMANT), nw.tie_state_name(nw.TIE_LATENT)},
       {"absent", "active", "dormant", "latent"})
  raises(nw.EINVAL, nw.tie_state_name, 4)
  raises(nw.EINVAL, nw.tie_state_name, "active")
end)

test("options and their defaults", function()
  local n = nw.snapshot_option_count()
  equal(n, 31)  -- weighted, form_mask, 5 per form, 4 term weights, 5 more
  equal(nw.snapshot_option_name(1), "weighted")
  equal(nw.snapshot_option_type("weighted"), "bool")
  equal(nw.snapshot_option_type("dormant_after_kontakt"), "int")
  equal(nw.snapshot_option_type("half_life_gruppe"), "float")
  approx(nw.snapshot_option_default("base_kooperation"), 0.8)
  local d = nw.snapshot_defaults()
  local count = 0
  for _ in pairs(d) do count = count + 1 end
  equal(count, n)
  -- the table of include/netzwerk/analysis.h
  equal(d.weighted, false)
  equal(d.form_mask, 15)
  same({d.base_begegnung, d.base_kooperation, d.base_kontakt, d.base_gruppe}, {0.3, 0.8, 0.2, 0.7})
  same({d.half_life_begegnung, d.half_life_kooperation, d.half_life_kontakt, d.half_life_gruppe},
       {30, 60, 180, 90})
  same({d.dormant_after_begegnung, d.dormant_after_kooperation, d.dormant_after_kontakt,
        d.dormant_after_gruppe}, {90, 60, 365, 90})
  same({d.touch_ideal_kooperation, d.touch_max_kooperation, d.touch_ideal_kontakt,
        d.touch_max_kontakt}, {14, 42, 180, 365})
  same({d.weight_base, d.weight_age, d.weight_tending, d.weight_recency}, {0.4, 0.15, 0.3, 0.15})
  same({d.maturity_half_life, d.tending_saturation, d.path_sources, d.broker_min_betweenness,
        d.broker_max_constraint}, {365, 1, 0, 0.1, 0.5})
  equal(math.type(d.path_sources), "integer")
  raises(nw.ENOTFOUND, nw.snapshot_option_name, n + 1)
  raises(nw.ENOTFOUND, nw.snapshot_option_name, 0)
  raises(nw.EINVAL, nw.snapshot_option_type, "weight")
  raises(nw.EINVAL, nw.snapshot_option_default, "gewichtet")
end)

test("normalized betweenness and closeness", function()
  -- A path of four, A - B - C - D: B lies on the shortest paths A-C and A-D,
  -- C on A-D and B-D, so betweenness {0, 2, 2, 0}; over the (4-1)(4-2)/2 = 3
  -- pairs of other actors {0, 2/3, 2/3, 0} (NetworkX's normalized=True).
  -- Harmonic closeness of A: 1 + 1/2 + 1/3 = 11/6, of B: 1 + 1 + 1/2 = 5/2;
  -- over the 3 other actors 11/18 and 5/6.
  local net = nw.Network("Pfad vier")
  local a, b, c, d = net:add_actor("A"), net:add_actor("B"), net:add_actor("C"), net:add_actor("D")
  for _, pair in ipairs{{a, b}, {b, c}, {c, d}} do net:add_tie(nw.KONTAKT, pair, "2025-01-01") end
  local snap = net:snapshot("2025-06-01")
  local raw, bt = snap:betweenness(), snap:betweenness{normalized = true}
  same({raw[1], raw[2], raw[3], raw[4]}, {0, 2, 2, 0}, "raw betweenness")
  same({bt[a], bt[d]}, {0, 0})
  approx(bt[b], 2 / 3, "normalized betweenness of B")
  approx(bt[c], 2 / 3, "normalized betweenness of C")
  local hc = snap:harmonic_closeness{normalized = true}
  approx(hc[a], 11 / 18, "normalized closeness of A")
  approx(hc[b], 5 / 6, "normalized closeness of B")
  same(snap:betweenness{normalized = false}, raw, "normalized = false: the raw values")
  equal(tostring(bt):match("^netzwerk%.betweenness"), "netzwerk.betweenness")
  -- Two actors: no pair of others to divide by; 0, as NetworkX gives.
  local two = nw.Network("Paar")
  two:add_tie(nw.KONTAKT, {two:add_actor("X"), two:add_actor("Y")}, "2025-01-01")
  local s2 = two:snapshot("2025-06-01")
  same(s2:betweenness{normalized = true}, {[1] = 0.0, [2] = 0.0})
  same(s2:harmonic_closeness{normalized = true}, {[1] = 1.0, [2] = 1.0})
  raises(nw.EINVAL, snap.betweenness, snap, {normalised = true})
  raises(nw.EINVAL, snap.betweenness, snap, {normalized = 1})
  raises(nw.EINVAL, snap.harmonic_closeness, snap, "normalized")
end)

test("a path of three", function()
  local net, a, b, c = path3()
  local snap = net:snapshot("2025-06-01")
  equal(#snap, 3)
  same({snap:actor_count(), snap:pair_count(), snap:tie_count()}, {3, 2, 2})
  local bt = snap:betweenness()
  -- B lies on the only shortest path between A and C
  same({bt[1], bt[2], bt[3]}, {0, 1, 0}, "betweenness")
  equal(bt[b], 1)  -- an Actor works as a key
  local deg = snap:degree()
  same({deg[a.id], deg[b.id], deg[c.id]}, {1, 2, 1}, "degree")
  equal(math.type(deg[b.id]), "integer")
  local wd = snap:weighted_degree()
  same({wd[1], wd[2], wd[3]}, {1, 2, 1}, "unweighted: weights 1")
  local hc = snap:harmonic_closeness()
  same({hc[1], hc[2], hc[3]}, {1.5, 2, 1.5}, "harmonic closeness: 1 + 1/2")
  local reach = snap:two_step_reach()
  same({reach[1], reach[2], reach[3]}, {2, 2, 2})
  local eff = snap:reach_efficiency()
  same({eff[1], eff[2], eff[3]}, {1, 1, 1}, "2 / (degree of the neighbours)")
  local cons = snap:constraint()
  -- A: one contact, p = 1 -> 1; B: two unconnected, (1/2)^2 * 2
  same({cons[1], cons[2], cons[3]}, {1, 0.5, 1}, "constraint")
  local es, ef = snap:effective_size(), snap:efficiency()
  same({es[1], es[2], es[3]}, {1, 2, 1}, "effective size")
  same({ef[1], ef[2], ef[3]}, {1, 1, 1}, "efficiency")
  local cl = snap:local_clustering()
  same({cl[1], cl[2], cl[3]}, {0, 0, 0})
  local core = snap:core_number()
  same({core[1], core[2], core[3]}, {1, 1, 1})
  same(snap:stars(), {b.id})
  same(snap:isolates(), {})
  -- normalised betweenness 1 / ((3-1)(3-2)/2) = 1 >= 0.1, constraint 0.5 <= 0.5
  same(snap:brokers(), {b.id})
  local bridges = snap:bridges()
  equal(#bridges, 2)
  equal(bridges[1].span, math.huge)
  same({bridges[1].a, bridges[1].b, bridges[2].a, bridges[2].b}, {1, 2, 2, 3})
  same(snap:overlap(), {0, 0}, "no common neighbours")
  local f = snap:figures()
  approx(f.density, 2 / 3, "density")
  equal(f.diameter, 2)
  approx(f.path_mean, 4 / 3, "mean of 1, 1, 2")
  approx(f.degree_mean, 4 / 3, "degree mean")
  approx(f.degree_sd, math.sqrt(2) / 3, "population sd of 1, 2, 1")
  same({f.triangles, f.transitivity, f.components, f.isolates, f.max_core, f.max_core_size},
       {0, 0, 1, 0, 1, 3})
  net:close()
end)

test("a triangle", function()
  local net = nw.Network("Dreieck")
  local a, b, c = net:add_actor("A"), net:add_actor("B"), net:add_actor("C")
  net:add_tie(nw.KONTAKT, {a, b}, "2025-01-01")
  net:add_tie(nw.KONTAKT, {b, c}, "2025-01-01")
  net:add_tie(nw.KONTAKT, {a, c}, "2025-01-01")
  local snap = net:snapshot("2025-06-01")
  local cl = snap:local_clustering()
  same({cl[1], cl[2], cl[3]}, {1, 1, 1}, "clustering")
  local bt = snap:betweenness()
  same({bt[1], bt[2], bt[3]}, {0, 0, 0})
  local core = snap:core_number()
  same({core[1], core[2], core[3]}, {2, 2, 2})
  -- each: two contacts p = 1/2, joined: (1/2 + 1/4)^2 * 2
  approx(snap:constraint()[1], 1.125, "constraint")
  approx(snap:effective_size()[2], 1, "effective size 2 - 2*1/2")
  same(snap:overlap(), {1, 1, 1})
  equal(#snap:bridges(), 0)
  equal(#snap:bridges(true), 0)
  same(snap:stars(), {1, 2, 3})
  equal(#snap:brokers(), 0)
  local f = snap:figures()
  same({f.triangles, f.transitivity, f.clustering_mean, f.density, f.diameter}, {1, 1, 1, 1, 1})
  net:close()
end)

test("a triangle with a tail", function()
  local net, a, b, c, d = kite()
  local snap = net:snapshot("2025-03-01")
  -- pairs in order of their first vertex, then the second
  local pairs_ = snap:pairs()
  equal(#pairs_, 4)
  local p = {}
  for i, pair in ipairs(pairs_) do p[i] = ("%d-%d %d %s"):format(pair.a, pair.b, pair.ties, pair.strong) end
  same(p, {"1-2 1 true", "1-3 1 true", "2-3 1 true", "3-4 1 false"})
  equal(snap:pair(4).weight, 1)
  equal(tostring(snap:pair(4)), "netzwerk.Pair(3-4: weight 1, 1 tie, weak)")
  local bt = snap:betweenness()
  same({bt[1], bt[2], bt[3], bt[4]}, {0, 0, 2, 0}, "C is on A-D and B-D")
  local hc = snap:harmonic_closeness()
  same({hc[1], hc[2], hc[3], hc[4]}, {2.5, 2.5, 3, 2})
  local cl = snap:local_clustering()
  approx(cl[c], 1 / 3, "C: of A-B, A-D, B-D only A-B")
  equal(cl[d], 0)
  local core = snap:core_number()
  same({core[1], core[2], core[3], core[4]}, {2, 2, 2, 1})
  local eff = snap:reach_efficiency()
  approx(eff[a], 3 / 5, "A reaches 3; B and C have 2 + 3 contacts")
  equal(eff[d], 1)
  local cons = snap:constraint()
  approx(cons[a], 4 / 9 + 9 / 16, "A: (1/2 + 1/6)^2 + (1/2 + 1/4)^2")
  approx(cons[c], 1 / 4 + 1 / 4 + 1 / 9, "C")
  approx(snap:effective_size()[c], 7 / 3, "C: 2/3 + 2/3 + 1")
  approx(snap:efficiency()[c], 7 / 9)
  local ov = snap:overlap()
  same(ov, {1, 0.5, 0.5, 0}, "overlap: c / ((ki-1) + (kj-1) - c)")
  local bridges = snap:bridges()
  equal(#bridges, 1)
  local br = bridges[1]
  same({br.pair, br.a, br.b, br.span, br.strong, br.weight}, {4, 3, 4, math.huge, false, 1})
  equal(tostring(br), "netzwerk.Bridge(3-4: span inf, weak)")
  equal(#snap:bridges(true), 1)  -- every other pair has a common neighbour
  same(snap:stars(), {c.id})
  -- C: normalised betweenness 2/3, but constraint 11/18 > 0.5
  equal(#snap:brokers(), 0)
  same(net:snapshot("2025-03-01", {broker_max_constraint = 0.7}):brokers(), {c.id})
  local membership, parts = snap:components()
  same({membership[1], membership[2], membership[3], membership[4]}, {1, 1, 1, 1})
  equal(#parts, 1)
  same(parts[1], {1, 2, 3, 4})

  local f = snap:figures()
  equal(f.as_of, "2025-03-01")
  same({f.actors, f.size, f.size_activatable, f.actors_person, f.actors_organisation,
        f.actors_group},
       {4, 3, 4, 3, 1, 0}, "D's only tie is a silent contact: latent")
  same({f.ties, f.ties_gruppe, f.ties_kontakt, f.ties_kooperation, f.ties_begegnung, f.ties_strong,
        f.ties_weak, f.ties_active, f.ties_dormant, f.ties_latent},
       {2, 1, 1, 0, 0, 1, 1, 1, 0, 1})
  same({f.pairs, f.pairs_multiplex, f.pairs_strong}, {4, 0, 3})
  approx(f.density, 8 / 12, "density")
  approx(f.density_weighted, 8 / 12)
  equal(f.strength_mean, 1)
  same({f.components, f.largest_component, f.largest_share, f.isolates}, {1, 4, 1, 0})
  same({f.degree_mean, f.degree_max}, {2, 3})
  approx(f.degree_sd, math.sqrt(0.5), "degrees 2, 2, 3, 1")
  approx(f.transitivity, 0.6, "3 * 1 triangle / 5 connected triples")
  approx(f.clustering_mean, 7 / 12, "(1 + 1 + 1/3 + 0) / 4")
  same({f.triangles, f.diameter, f.paths_exact, f.max_core, f.max_core_size}, {1, 2, true, 2, 3})
  approx(f.path_mean, 8 / 6, "1, 1, 2, 1, 2, 1")
  equal(f.ei_index, 0, "A-B and A-C across kinds, B-C and C-D within")
  equal(math.type(f.actors), "integer")
  equal(math.type(f.actors_person), "integer")
  equal(tostring(f),
    "netzwerk.Figures(as of 2025-03-01: 4 actors, 2 ties, 4 pairs, density 0.666667, 1 component)")
  equal(getmetatable(f), "netzwerk.Figures")
  -- the network's own shortcut takes the same snapshot
  equal(net:figures("2025-03-01").transitivity, f.transitivity)
  equal(net:figures{as_of = "2025-03-01", forms = "strong"}.pairs, 3)
  net:close()
end)

test("an isolate and two components", function()
  local net, a, b, c, d = kite()
  local e = net:add_actor("E")
  local snap = net:snapshot{as_of = "2025-03-01", forms = {"D"}}
  -- only the group: D (its contact left out) and E are alone
  same(snap:isolates(), {d.id, e.id})
  local membership, parts = snap:components()
  same({membership[a], membership[d], membership[e]}, {1, 2, 3})
  equal(#parts, 3)
  same(parts[2], {d.id})
  assert(isnan(snap:constraint()[e]), "constraint of an isolate is NaN")
  assert(isnan(snap:effective_size()[e]))
  assert(isnan(snap:efficiency()[d]))
  equal(snap:degree()[e], 0)
  equal(tostring(snap:constraint()):match("5 = nan") ~= nil, true)
  local f = snap:figures()
  same({f.components, f.largest_component, f.isolates}, {3, 3, 2})
  approx(f.largest_share, 3 / 5)
  net:close()
end)

test("snapshots: fields, vertices, options, tostring", function()
  local net, a, b, c, d = kite()
  local snap = net:snapshot{as_of = "2025-03-01", weighted = true, forms = {"C", "D"},
                            base_kontakt = 0.5}
  equal(snap.as_of, "2025-03-01")
  equal(snap:get_date(), "2025-03-01")
  equal(snap.network, net)
  equal(snap:option("weighted"), true)
  equal(snap:option("form_mask"), 12)  -- C and D
  equal(snap:option("base_kontakt"), 0.5)
  equal(snap:options().base_kontakt, 0.5)
  equal(snap:options().weighted, true)
  equal(net:snapshot("2025-03-01", {form_mask = 2}):option("form_mask"), 2)
  raises(nw.EINVAL, snap.option, snap, "gewichtet")
  same(snap:actors(), {1, 2, 3, 4})
  equal(snap:actor_id(3), 3)
  equal(snap:vertex_of(c), 3)
  equal(snap:vertex_of(4), 4)
  raises(nw.ENOTFOUND, snap.actor_id, snap, 5)
  raises(nw.ENOTFOUND, snap.actor_id, snap, 0)
  raises(nw.ENOTFOUND, snap.vertex_of, snap, 99)
  raises(nw.ENOTFOUND, snap.pair, snap, 5)
  raises(nw.ENOTFOUND, snap.pair, snap, 0)
  assert(snap:memory() > 0)
  equal(tostring(snap), "netzwerk.Snapshot(as of 2025-03-01: 4 actors, 4 pairs, 2 ties, weighted)")
  equal(getmetatable(snap), "netzwerk.Snapshot")
  equal(tostring(snap:degree()), "netzwerk.degree{1 = 2, 2 = 2, 3 = 3, 4 = 1}")
  equal(getmetatable(snap:degree()), "netzwerk.Measure")
  -- an actor of another network is no key
  local other = nw.Network("Andere")
  local stranger = other:add_actor("A")
  local bt = snap:betweenness()
  raises(nw.EINVAL, function() return bt[stranger] end)
  raises(nw.EINVAL, snap.vertex_of, snap, stranger)
  equal(bt.name, nil)
  other:close()
  -- current while the network is unchanged
  equal(snap:is_current(), true)
  equal(snap:is_current(net), true)
  local other2 <close> = nw.Network("Andere")
  equal(snap:is_current(other2), false)
  d.name = "Dora"
  equal(snap:is_current(), false)
  net:close()
  equal(snap:is_current(), false)
  -- immutable and self-contained: still there after the network closed
  equal(snap:betweenness()[3], 2)
  equal(snap:figures().pairs, 4)
end)

test("weights: multiplexity", function()
  local net = nw.Network("N")
  local a, b, c = net:add_actor("A"), net:add_actor("B"), net:add_actor("C")
  net:add_tie(nw.KOOPERATION, {a, b}, "2025-01-01")
  net:add_tie(nw.KONTAKT, {a, b}, "2025-01-01")
  net:add_tie(nw.KONTAKT, {b, c}, "2025-01-01")
  -- base term only: a tie's strength is its form's base
  local only_base = {weight_base = 1, weight_age = 0, weight_tending = 0, weight_recency = 0}
  approx(net:tie(1):strength("2025-03-01", only_base), 0.8)
  approx(net:tie(2):strength("2025-03-01", only_base), 0.2)
  -- 1 - (1 - 0.8)(1 - 0.2)
  approx(a:pair_strength(b, "2025-03-01", only_base), 0.84, "noisy or")
  equal(a:pair_tie_count(b, "2025-03-01"), 2)
  equal(a:pair_tie_count(c, "2025-03-01"), 0)
  equal(a:pair_strength(c, "2025-03-01"), 0)
  approx(a:pair_strength(b, "2025-03-01", {weight_base = 1, weight_age = 0, weight_tending = 0,
    weight_recency = 0, forms = "C"}), 0.2, "the contact only")
  local w = {weighted = true}
  for k, v in pairs(only_base) do w[k] = v end
  local snap = net:snapshot("2025-03-01", w)
  approx(snap:pair(1).weight, 0.84)
  equal(snap:pair(1).ties, 2)
  local wd = snap:weighted_degree()
  approx(wd[b], 0.84 + 0.2, "B")
  approx(wd[c], 0.2)
  local f = snap:figures()
  equal(f.pairs_multiplex, 1)
  approx(f.strength_mean, (0.84 + 0.2) / 2)
  approx(f.density_weighted, (0.84 + 0.2) / 3)
  -- weighted paths have length 1 / weight: A-B-C is the only path anyway
  equal(snap:betweenness()[b], 1)
  raises(nw.EINVAL, a.pair_strength, a, a, "2025-03-01")
  local other <close> = nw.Network("X")
  raises(nw.EINVAL, a.pair_strength, a, other:add_actor("Y"), "2025-03-01")
  net:close()
end)

-- A cooperation from 2025-01-01 with meetings on 2025-03-01 and 2025-04-15.
local function cooperation()
  local net = nw.Network("N")
  local a, b = net:add_actor("A"), net:add_actor("B")
  local coop = net:add_tie(nw.KOOPERATION, {a, b}, "2025-01-01")
  coop:add_interaction("2025-03-01", nw.MEETING)
  coop:add_interaction("2025-04-15", nw.CALL)
  return net, coop, a, b
end

test("tie strength and its terms", function()
  local net, coop = cooperation()
  -- as of 2025-03-16: 74 days old, last contact 15 days ago; the call of
  -- 2025-04-15 is later and does not count
  local A = 1 - 2 ^ (-74 / 365)
  local I = 2 ^ (-15 / 60)
  local T, R = I / (I + 1), I
  local terms = coop:strength_terms("2025-03-16")
  approx(terms.base, 0.8, "base")
  approx(terms.age, A, "age")
  approx(terms.tending, T, "tending")
  approx(terms.recency, R, "recency")
  local S = 0.4 * 0.8 + 0.15 * A + 0.3 * T + 0.15 * R
  approx(terms.strength, S, "strength")
  equal(terms.last_contact, "2025-03-01")
  equal(terms.interactions, 1)
  equal(tostring(terms), ("netzwerk.Strength(%.6g: base 0.8, age %.6g, tending %.6g, recency %.6g; "
    .. "last contact 2025-03-01, 1 interaction)"):format(S, A, T, R))
  equal(getmetatable(terms), "netzwerk.Strength")
  approx(coop:strength("2025-03-16"), S)
  -- one term at a time
  approx(coop:strength("2025-04-11", {weight_base = 0, weight_tending = 0, weight_recency = 0,
    maturity_half_life = 50}), 1 - 2 ^ (-100 / 50), "age: 100 days, half-life 50")
  approx(coop:strength("2025-03-21", {weight_base = 0, weight_age = 0, weight_tending = 0,
    half_life_kooperation = 10}), 0.25, "recency: 20 days, half-life 10")
  -- on the day of the call, 45 days after the meeting, half-life 45:
  -- I = 1 + 1/2, T = 1.5 / (1.5 + 1)
  approx(coop:strength("2025-04-15", {weight_base = 0, weight_age = 0, weight_recency = 0,
    half_life_kooperation = 45}), 0.6, "tending")
  -- not yet begun: every term 0
  local before = coop:strength_terms("2024-12-31")
  same({before.strength, before.base, before.age, before.interactions, before.last_contact},
       {0, 0, 0, 0, nil})
  equal(coop:strength("2024-12-31"), 0)
  net:close()
end)

test("tie states", function()
  local net = nw.Network("N")
  local a, b, c = net:add_actor("A"), net:add_actor("B"), net:add_actor("C")
  local coop = net:add_tie(nw.KOOPERATION, {a, b}, "2025-01-01")
  local contact = net:add_tie(nw.KONTAKT, {a, c}, "2025-01-01")
  local ended = net:add_tie(nw.BEGEGNUNG, {b, c}, "2025-01-01")
  ended.end_date = "2025-01-31"
  equal(coop:state("2024-12-31"), nw.TIE_ABSENT)
  equal(coop:state("2025-03-02"), nw.TIE_ACTIVE, "60 days: not more than 60")
  equal(coop:state("2025-03-03"), nw.TIE_DORMANT, "61 days")
  equal(coop:state("2025-03-03", {dormant_after_kooperation = 61}), nw.TIE_ACTIVE)
  equal(contact:state("2025-06-01"), nw.TIE_LATENT, "a contact never kept up")
  contact:add_interaction("2025-05-01", nw.CALL)
  equal(contact:state("2025-06-01"), nw.TIE_ACTIVE)
  equal(contact:state("2025-04-30"), nw.TIE_LATENT, "the call is later")
  equal(ended:state("2025-01-31"), nw.TIE_ACTIVE)
  equal(ended:state("2025-02-01"), nw.TIE_ABSENT)
  net:close()
end)

test("losing touch", function()
  local net = nw.Network("N")
  local a, b, c, d = net:add_actor("A"), net:add_actor("B"), net:add_actor("C"), net:add_actor("D")
  local coop = net:add_tie(nw.KOOPERATION, {a, b}, "2025-01-01")
  coop:add_interaction("2025-03-01", nw.MEETING)
  local group = net:add_tie(nw.GRUPPE, {a, b, c}, "2025-01-01")
  local contact = net:add_tie(nw.KONTAKT, {c, d}, "2024-01-01")
  net:add_tie(nw.BEGEGNUNG, {a, d}, "2025-03-10")
  -- as of 2025-03-16: contact 440 days (> 180, > 365), group 74 (> 30,
  -- <= 90), cooperation 15 (> 14, <= 42), encounter 6 (<= 90)
  local list = net:losing_touch("2025-03-16")
  equal(#list, 3)
  local rows = {}
  for i, x in ipairs(list) do
    rows[i] = ("%d %s %s %d %s"):format(x.tie_id, nw.form_letter(x.form), x.last_contact, x.days,
      x.overdue)
  end
  same(rows, {("%d C 2024-01-01 440 true"):format(contact.id),
              ("%d D 2025-01-01 74 false"):format(group.id),
              ("%d B 2025-03-01 15 false"):format(coop.id)})
  equal(list[3].tie, coop)
  equal(tostring(list[1]), ("netzwerk.Touch(tie %d C: last contact 2024-01-01, 440 days, overdue)")
    :format(contact.id))
  equal(#net:losing_touch("2025-03-16", {touch_ideal_kontakt = 0}), 2)
  local strong = net:losing_touch("2025-03-16", {forms = "B"})
  equal(#strong, 1)
  equal(strong[1].tie_id, coop.id)
  equal(#net:losing_touch("2025-03-15"), 2, "the cooperation: 14 days is not more than 14")
  net:close()
end)

-- A (no joined date), B (joined 2025-03-01), C; a contact A-C from
-- 2025-01-01 to 2025-02-15, a cooperation A-B from 2025-03-05.
local function changing()
  local net = nw.Network("N")
  local a, b, c = net:add_actor("A"), net:add_actor("B"), net:add_actor("C")
  b.joined = "2025-03-01"
  local contact = net:add_tie(nw.KONTAKT, {a, c}, "2025-01-01")
  contact.end_date = "2025-02-15"
  local coop = net:add_tie(nw.KOOPERATION, {a, b}, "2025-03-05")
  return net, a, b, c, contact, coop
end

test("change between two dates", function()
  local net, a, b, c, contact, coop = changing()
  local ch = net:change("2025-02-01", "2025-04-01")
  same(ch.actors_joined, {b.id})
  same(ch.actors_left, {})
  same(ch.ties_began, {coop.id})
  same(ch.ties_ended, {contact.id})
  same({ch.before.actors, ch.after.actors, ch.before.ties, ch.after.ties}, {2, 3, 1, 1})
  same({ch.delta.actors, ch.delta.ties, ch.delta.pairs, ch.delta.as_of}, {1, 0, 0, 59})
  approx(ch.delta.density, 2 / 6 - 1, "1 pair of 3 actors after, 1 of 2 before")
  equal(ch.delta.paths_exact, nil)  -- a flag has no delta
  equal(tostring(ch), "netzwerk.Change(2025-02-01 to 2025-04-01: 1 actors joined, 0 left, "
    .. "1 ties began, 1 ended)")
  equal(getmetatable(ch), "netzwerk.Change")
  -- snapshots taken earlier keep what they saw: a removed tie has ended
  local before = net:snapshot("2025-04-01")
  coop:remove()
  local after = net:snapshot("2025-04-01")
  local gone = before:compare(after)
  same(gone.ties_ended, {2})
  same(gone.ties_began, {})
  same(gone.actors_left, {}, "B has joined: still there without a tie")
  net:close()
end)

test("timeline", function()
  local net = changing()
  local points = net:timeline("2025-01-01", "2025-04-01", 30)
  local rows = {}
  for i, f in ipairs(points) do rows[i] = ("%s %d %d"):format(f.as_of, f.actors, f.ties) end
  same(rows, {"2025-01-01 2 1", "2025-01-31 2 1", "2025-03-02 3 0", "2025-04-01 3 1"})
  equal(getmetatable(points[1]), "netzwerk.Figures")
  equal(#net:timeline("2025-01-01", "2025-01-01", 1), 1)
  equal(#net:timeline("2025-01-01", "2025-01-31", 31), 1)
  equal(net:timeline("2025-03-01", "2025-04-01", 30, {forms = "C"})[2].ties, 0)
  net:close()
end)

test("misuse raises errors", function()
  local net, coop, a, b = cooperation()
  local snap = net:snapshot("2025-03-16")
  -- bad dates
  raises(nw.EINVAL, net.snapshot, net, "2025-02-30")
  raises(nw.EINVAL, net.snapshot, net, nil)
  raises(nw.EINVAL, net.snapshot, net, {weighted = true})  -- no as_of
  raises(nw.EINVAL, net.snapshot, net, 20250316)
  raises(nw.EINVAL, coop.strength, coop, "2025-3-16")
  raises(nw.EINVAL, coop.state, coop, nil)
  raises(nw.EINVAL, coop.strength_terms, coop, "gestern")
  raises(nw.EINVAL, net.losing_touch, net, "2025-13-01")
  raises(nw.EINVAL, net.change, net, "2025-01-01", "2025-02-29")
  raises(nw.EINVAL, net.timeline, net, "2025-02-01", "2025-01-01", 1)  -- to before from
  raises(nw.EINVAL, net.timeline, net, "2025-01-01", "2025-02-01", 0)
  raises(nw.EINVAL, net.timeline, net, "2025-01-01", "2025-02-01", 1.5)
  raises(nw.ELIMIT, net.timeline, net, "0001-01-01", "9999-12-31", 1)
  raises(nw.EINVAL, a.pair_strength, a, b, "2025-02-30")
  -- bad options
  for _, opts in ipairs{
    {gewichtet = true}, {weighted = 1}, {weighted = "yes"}, {base_kooperation = 1.5},
    {base_kooperation = "0.5"}, {half_life_kontakt = 0}, {dormant_after_gruppe = 2.5},
    {path_sources = -1}, {form_mask = 16}, {forms = "X"}, {forms = {"B", 7}},
    {forms = "B", form_mask = 2}, {weight_base = 0, weight_age = 0, weight_tending = 0,
    weight_recency = 0}, {[1] = true}, "weighted", 42,
  } do
    raises(nw.EINVAL, net.snapshot, net, "2025-03-16", opts)
    raises(nw.EINVAL, coop.strength, coop, "2025-03-16", opts)
  end
  raises(nw.EINVAL, coop.state, coop, "2025-03-16", {touch_max_kooperation = "x"})
  raises(nw.EINVAL, net.losing_touch, net, "2025-03-16", {forms = ""})
  raises(nw.EINVAL, net.timeline, net, "2025-01-01", "2025-02-01", 7, {weighted = 0})
  raises(nw.EINVAL, a.pair_tie_count, a, b, "2025-03-16", {x = 1})
  -- not a snapshot
  raises(nw.EINVAL, snap.compare, snap, net)
  raises(nw.EINVAL, snap.compare, snap, {})
  raises(nw.EINVAL, net.change, net, snap, coop)
  raises(nw.EINVAL, snap.betweenness, net)
  raises(nw.EINVAL, snap.bridges, snap, "local")
  -- a removed tie or actor
  local other = net:add_actor("C")
  other:remove()
  raises(nw.ESTALE, a.pair_strength, a, other, "2025-03-16")
  raises(nw.ESTALE, other.pair_tie_count, other, a, "2025-03-16")
  coop:remove()
  raises(nw.ESTALE, coop.strength, coop, "2025-03-16")
  raises(nw.ESTALE, coop.strength_terms, coop, "2025-03-16")
  raises(nw.ESTALE, coop.state, coop, "2025-03-16")
  equal(snap:tie_count(), 1, "the snapshot still has it")
  -- a closed network
  net:close()
  raises(nw.ESTALE, net.snapshot, net, "2025-03-16")
  raises(nw.ESTALE, net.snapshot, net, {as_of = "2025-03-16"})
  raises(nw.ESTALE, net.figures, net, "2025-03-16")
  raises(nw.ESTALE, net.losing_touch, net, "2025-03-16")
  raises(nw.ESTALE, net.timeline, net, "2025-01-01", "2025-02-01", 7)
  raises(nw.ESTALE, net.change, net, "2025-01-01", "2025-02-01")
  raises(nw.ESTALE, a.pair_strength, a, b, "2025-03-16")
  equal(snap:is_current(net), false)
  equal(snap:betweenness()[1], 0, "the snapshot stays valid")
end)

test("a snapshot keeps working after its network was collected", function()
  local snap
  do
    local net = kite()
    snap = net:snapshot("2025-03-01")
  end
  collectgarbage()
  collectgarbage()
  equal(snap:betweenness()[3], 2)
  equal(snap.network.name, "Drachen")  -- the snapshot object keeps its Network object
  equal(snap:is_current(), true)
end)

t.run()
