-- netzwerk.lua: the idiomatic Lua layer of the netzwerk module.
--
-- Compiled into the module and run once by luaopen_netzwerk with the module
-- table and the class metatables SWIG made for the shared interface. It adds
-- what Lua users expect on top of it: fields (actor.name), lists as tables,
-- iterators for the generic for, tostring, ==, #tie, <close>, and the forms
-- catalogue. It only calls wrapped methods; it never reaches C memory.
local nw, classes = ...

local Network, Actor, Tie = classes.Network, classes.Actor, classes.Tie
local ActorIter, TieIter = classes.ActorIter, classes.TieIter

-- Raise an error table like the C code's (nw._fail records it, the
-- wrapper raises it).
local raise = nw._fail

-- obj.<field> reads obj:<getter>(); obj.<field> = v calls obj:<setter>(v).
-- (SWIG calls only C functions from .get/.set, which the methods are.)
local function fields(mt, list)
  local fn, get, set = mt[".fn"], mt[".get"], mt[".set"]
  for field, accessors in pairs(list) do
    get[field] = assert(fn[accessors[1]], accessors[1])
    if accessors[2] then
      set[field] = assert(fn[accessors[2]], accessors[2])
    end
  end
end

fields(Network, {
  name = {"get_name", "set_name"},
  closed = {"is_closed"},
  borrowed = {"is_borrowed"},  -- [embedding] lent by a host: cannot be closed
})
fields(Actor, {
  id = {"get_id"},
  name = {"get_name", "set_name"},
  kind = {"get_kind", "set_kind"},
  joined = {"get_joined", "set_joined"},
})
-- `end` is a keyword in Lua, hence start_date / end_date.
fields(Tie, {
  id = {"get_id"},
  form = {"get_form"},
  label = {"get_label", "set_label"},
  imposed = {"get_imposed", "set_imposed"},
  start_date = {"get_start", "set_start"},
  end_date = {"get_end", "set_end"},
})

-- A method that returns the items count()..item(i) as a list.
local function list(count, item)
  return function(self)
    local t = {}
    for i = 1, self[count](self) do
      t[i] = self[item](self, i)
    end
    return t
  end
end

local network, actor, tie = Network[".fn"], Actor[".fn"], Tie[".fn"]

network.topics = list("topic_count", "topic")
network.goals = list("goal_count", "goal")

-- net:actor(7) by identity, net:actor("Name") by name.
function network.actor(self, key)
  if type(key) == "number" then
    return self:actor_by_id(key)
  end
  return self:actor_by_name(key)
end

function network.tie(self, id)
  return self:tie_by_id(id)
end

-- net:add_actors(names [, kind]): the bulk load of actors (bindings/bulk.i);
-- the C method wants the kind, a person unless given.
local c_add_actors = network.add_actors
function network.add_actors(self, names, kind)
  if kind == nil then kind = nw.PERSON end
  return c_add_actors(self, names, kind)
end

actor.interests = list("interest_count", "interest")

-- {{channel = nw.EMAIL, value = "..."}, ...}
function actor.contacts(self)
  local t = {}
  for i = 1, self:contact_count() do
    local channel, value = self:contact(i)
    t[i] = {channel = channel, value = value}
  end
  return t
end

-- {key = value, ...}
function actor.attrs(self)
  local t = {}
  for i = 1, self:attr_count() do
    local key, value = self:attr_at(i)
    t[key] = value
  end
  return t
end

tie.members = list("member_count", "member")
tie.topics = list("topic_count", "topic")
tie.goals = list("goal_count", "goal")

-- {{date = "YYYY-MM-DD", kind = nw.MEETING, note = "..."}, ...}
function tie.interactions(self)
  local t = {}
  for i = 1, self:interaction_count() do
    local date, kind, note = self:interaction(i)
    t[i] = {date = date, kind = kind, note = note}
  end
  return t
end

-- for actor in net:actors() do ... end: the iterator object is the function.
ActorIter.__call = function(it) return it:next() end
TieIter.__call = function(it) return it:next() end

-- local net <close> = nw.Network("...") closes the network at scope end.
Network.__close = function(net) net:close() end

Tie.__len = function(t) return t:member_count() end

-- a == b: the same actor (tie) of the same network, also through two objects.
local function same(a, b)
  local ok, result = pcall(function() return a:equals(b) end)
  return ok and result
end
Actor.__eq = same
Tie.__eq = same

-- tostring never raises: a stale object says so.
local function safe(describe, fallback)
  return function(obj)
    local ok, s = pcall(describe, obj)
    if ok then return s end
    local okid, id = pcall(function() return obj.id end)
    return okid and fallback:format(id) or fallback:format("?")
  end
end

Network.__tostring = function(net)
  if net.closed then return "netzwerk.Network(closed)" end
  return ("netzwerk.Network(%q: %d actors, %d ties)"):format(net.name, net:actor_count(), net:tie_count())
end
Actor.__tostring = safe(function(a)
  return ("netzwerk.Actor(%d %q)"):format(a.id, a.name)
end, "netzwerk.Actor(%s, stale)")
Tie.__tostring = safe(function(t)
  local form = t.form
  return ("netzwerk.Tie(%d %s %s, %d members)"):format(t.id, nw.form_letter(form),
    nw.form_name(form), #t)
end, "netzwerk.Tie(%s, stale)")
ActorIter.__tostring = function() return "netzwerk.ActorIter" end
TieIter.__tostring = function() return "netzwerk.TieIter" end

-- The forms catalogue: a list in catalogue order (nw.forms[2] == nw.forms.B,
-- ipairs and # walk all four) keyed by letter too; by constant nw.form(f)
-- (the constants count from 0: never index the list with one).
local function texts(form, count, item)
  local t = {de = {}, en = {}}
  for i = 1, nw[count](form) do
    t.de[i] = nw[item](form, i, nw.DE)
    t.en[i] = nw[item](form, i, nw.EN)
  end
  return t
end

local forms = {}
for _, form in ipairs{nw.BEGEGNUNG, nw.KOOPERATION, nw.KONTAKT, nw.GRUPPE} do
  local entry = {
    value = form,
    letter = nw.form_letter(form),
    strong = nw.form_is_strong(form),
    affiliation = nw.form_is_affiliation(form),
    name = {de = nw.form_name(form, nw.DE), en = nw.form_name(form, nw.EN)},
    description = {de = nw.form_description(form, nw.DE), en = nw.form_description(form, nw.EN)},
    goals = texts(form, "form_goal_count", "form_goal"),
    challenges = texts(form, "form_challenge_count", "form_challenge"),
  }
  forms[#forms + 1] = entry
  forms[entry.letter] = entry
end
nw.forms = forms

-- A catalogue entry by its constant (0-based) or key (a letter or code).
local function entry_of(list, key, what)
  if type(key) == "string" then
    local entry = list[key]
    if entry then return entry end
  elseif math.type(key) == "integer" then
    local entry = list[key + 1]
    if entry and entry.value == key then return entry end
  end
  raise(nw.EINVAL, ("%s is no %s"):format(type(key) == "string" and ("'" .. key .. "'")
    or tostring(key), what))
end

-- nw.form(nw.KOOPERATION) == nw.form("B") == nw.forms.B
function nw.form(f) return entry_of(forms, f, "relationship form (a constant or A, B, C, D)") end

-- ---- checklists, validation, files ------------------------------------------
-- (bindings/checklist.i, principles.i, io.i; nothing above depends on this.)
local Checklist, Report = classes.Checklist, classes.Report
local checklist, report = Checklist[".fn"], Report[".fn"]

-- The Network object an object keeps alive (C: records_lua.i); not left in
-- the module table.
local network_of = nw._network_of
nw._network_of = nil
Actor[".get"].network = network_of
Tie[".get"].network = network_of
Checklist[".get"].network = network_of

fields(Checklist, {tie_id = {"get_tie_id"}})
fields(Report, {as_of = {"get_as_of"}})

-- Checklist items: live objects (a private {checklist, id} per item), with
-- fields read from and written to the checklist.
local ChecklistItem = {__metatable = "netzwerk.ChecklistItem", __name = "netzwerk.ChecklistItem"}
local item_of = setmetatable({}, {__mode = "k"})

local function new_item(cl, id)
  local it = setmetatable({}, ChecklistItem)
  item_of[it] = {cl, id}
  return it
end

local function items(cl, ids)
  local t = {}
  for i, id in ipairs(ids) do t[i] = new_item(cl, id) end
  return t
end

-- An actor identity of the checklist's network as an Actor; nil for 0.
local function actor_of(cl, id)
  if id == 0 then return nil end
  return network_of(cl):actor_by_id(id)
end

local item_get = {
  id = function(_, id) return id end,
  checklist = function(cl) return cl end,
  code = function(cl, id) return cl:item_code(id) end,
  custom = function(cl, id) return cl:item_code(id) == nw.ITEM_CODE_CUSTOM end,
  label = function(cl, id) return cl:item_label(id, nw.DE) end,
  label_de = function(cl, id) return cl:item_label(id, nw.DE) end,
  label_en = function(cl, id) return cl:item_label(id, nw.EN) end,
  partner = function(cl, id) return actor_of(cl, cl:item_partner(id)) end,
  state = function(cl, id) return cl:item_state(id) end,
  responsible = function(cl, id) return actor_of(cl, cl:item_responsible(id)) end,
  due = function(cl, id) return cl:item_due(id) end,
  note = function(cl, id) return cl:item_note(id) end,
}
local item_set = {
  label = function(cl, id, v) cl:set_item_label(id, v) end,
  state = function(cl, id, v) cl:set_item_state(id, v) end,
  due = function(cl, id, v) cl:set_item_due(id, v) end,
  note = function(cl, id, v) cl:set_item_note(id, v) end,
  responsible = function(cl, id, v)
    if v == nil then cl:clear_item_responsible(id) else cl:set_item_responsible(id, v) end
  end,
}
local item_methods = {
  overdue = function(it, date) local p = item_of[it]; return p[1]:item_overdue(p[2], date) end,
  settled = function(it, date) local p = item_of[it]; return p[1]:item_settled(p[2], date) end,
  remove = function(it) local p = item_of[it]; p[1]:remove_item(p[2]) end,
}
ChecklistItem.__index = function(it, key)
  local get = item_get[key]
  if get then
    local p = item_of[it]
    return get(p[1], p[2])
  end
  local method = item_methods[key]
  if method == nil then
    raise(nw.EINVAL, ("a checklist item has no field or method '%s'"):format(tostring(key)))
  end
  return method
end
ChecklistItem.__newindex = function(it, key, value)
  local set = item_set[key]
  if not set then
    raise(nw.EINVAL, ("a checklist item has no field '%s' to set"):format(tostring(key)))
  end
  local p = item_of[it]
  set(p[1], p[2], value)
end
-- The same item of the same checklist, also through two objects.
ChecklistItem.__eq = function(a, b)
  local pa, pb = item_of[a], item_of[b]
  return pa ~= nil and pb ~= nil and pa[2] == pb[2] and network_of(pa[1]) == network_of(pb[1])
    and pa[1].tie_id == pb[1].tie_id
end
ChecklistItem.__tostring = function(it)
  local p = item_of[it]
  local ok, s = pcall(function()
    return ("netzwerk.ChecklistItem(%d %s %s)"):format(p[2], p[1]:item_code(p[2]),
      nw.item_state_name(p[1]:item_state(p[2]), nw.EN))
  end)
  return ok and s or ("netzwerk.ChecklistItem(%d, gone)"):format(p[2])
end

local c_find, c_pending, c_well_agreed, c_progress =
  checklist.find, checklist.pending, checklist.well_agreed, checklist.progress

-- A list of the items, in list order.
function checklist.items(self)
  local t = {}
  for i = 1, self:item_count() do t[i] = new_item(self, self:item_at(i)) end
  return t
end

-- The item with an identity.
function checklist.item(self, id)
  self:item_code(id) -- raises nw.ENOTFOUND if there is none
  return new_item(self, id)
end

-- cl:find("coop.goal"), cl:find("coop.partner_benefit", actor or actor id)
function checklist.find(self, code, partner)
  if partner == nil then
    partner = 0
  elseif type(partner) ~= "number" then
    if getmetatable(partner) ~= "netzwerk.Actor" or network_of(partner) ~= network_of(self) then
      raise(nw.EINVAL, "argument 2: expected an actor of the checklist's network")
    end
    partner = partner.id
  end
  return new_item(self, c_find(self, code, partner))
end

-- A new item of the user's own.
function checklist.add(self, label)
  return new_item(self, self:add_item(label))
end

-- {done =, agreed =, applicable =, open =}
function checklist.progress(self)
  local p = c_progress(self)
  p.open = p.applicable - p.done - p.agreed
  return p
end

function checklist.pending(self, date) return items(self, c_pending(self, date)) end

function checklist.overdue(self, date)
  local t = {}
  for _, it in ipairs(self:items()) do
    if it:overdue(date) then t[#t + 1] = it end
  end
  return t
end

-- ok, reasons: whether well agreed on the date, and the unsettled items.
function checklist.well_agreed(self, date)
  local ok, ids = c_well_agreed(self, date)
  return ok, items(self, ids)
end

Checklist.__len = function(cl) return cl:item_count() end
Checklist.__tostring = function(cl)
  local ok, s = pcall(function()
    local p = cl:progress()
    return ("netzwerk.Checklist(tie %d: %d items, %d done, %d agreed, %d open)"):format(
      cl.tie_id, #cl, p.done, p.agreed, p.open)
  end)
  return ok and s or ("netzwerk.Checklist(tie %d, stale)"):format(cl.tie_id)
end

-- Reports: findings are tables with the fields of nw_finding (actor_id,
-- tie_id, item_id nil when none) and a tostring.
local Finding = {__metatable = "netzwerk.Finding", __name = "netzwerk.Finding"}
Finding.__index = {
  message = function(f, lang) return lang == nw.EN and f.message_en or f.message_de end,
}
Finding.__tostring = function(f)
  return ("%s %s: %s"):format(f.rule, nw.severity_name(f.severity, nw.EN), f.message_en)
end

local c_finding = report.finding
function report.finding(self, i) return setmetatable(c_finding(self, i), Finding) end

-- for finding in report:findings() do ... end
function report.findings(self)
  local i, n = 0, self:finding_count()
  return function()
    i = i + 1
    if i <= n then return self:finding(i) end
  end
end

-- report:principle(p): the result of a principle by its constant or code
-- ("FREI"); report:principles(): a list of all five in catalogue order, keyed
-- by code too (the constants count from 0: never index the list with one).
local c_principle = report.principle
function report.principle(self, p)
  if type(p) == "string" then p = nw.principle(p).value end
  return c_principle(self, p)
end

function report.principles(self)
  local t = {}
  for p = nw.PRINCIPLE_FREIWILLIGKEIT, nw.PRINCIPLE_ZIEL_NUTZEN do
    local result = self:principle(p)
    t[#t + 1] = result
    t[nw.principle_code(p)] = result
  end
  return t
end

function report.status(self, p) return self:principle(p).status end

Report.__len = function(r) return r:finding_count() end
Report.__tostring = function(r)
  local parts = {}
  for _, result in ipairs(r:principles()) do
    parts[#parts + 1] = nw.principle_code(result.principle) .. " "
      .. nw.status_name(result.status, nw.EN)
  end
  return ("netzwerk.Report(as of %s: %d findings; %s)"):format(r.as_of, #r,
    table.concat(parts, ", "))
end

-- The principles and rules catalogue: nw.principles, a list in catalogue
-- order keyed by code too (nw.principles[5] == nw.principles.ZIEL ==
-- nw.principle(nw.PRINCIPLE_ZIEL_NUTZEN)); nw.rules[1], nw.rules["FREI-002"].
local principles = {}
for p = nw.PRINCIPLE_FREIWILLIGKEIT, nw.PRINCIPLE_ZIEL_NUTZEN do
  local entry = {
    value = p,
    code = nw.principle_code(p),
    name = {de = nw.principle_name(p, nw.DE), en = nw.principle_name(p, nw.EN)},
    description = {de = nw.principle_description(p, nw.DE),
                   en = nw.principle_description(p, nw.EN)},
    rules = {},
  }
  principles[#principles + 1] = entry
  principles[entry.code] = entry
end
local rules = {}
for i = 1, nw.rule_count() do
  local r = nw.rule(i)
  rules[i] = r
  rules[r.code] = r
  local list = principles[nw.principle_code(r.principle)].rules
  list[#list + 1] = r
end
nw.principles = principles
nw.rules = rules

-- nw.principle(nw.PRINCIPLE_FREIWILLIGKEIT) == nw.principle("FREI") == nw.principles.FREI
function nw.principle(p)
  return entry_of(principles, p, "principle (a constant or FREI, THEMA, LANG, DYN, ZIEL)")
end

-- Each form's checklist template: nw.forms.B.checklist[1].code == "coop.goal".
for form = nw.BEGEGNUNG, nw.GRUPPE do
  local template = {}
  for i = 1, nw.checklist_builtin_count(form) do template[i] = nw.checklist_builtin(form, i) end
  nw.form(form).checklist = template
end

-- nw.load_csv_buffer(actors [, ties [, opts]]): SWIG wants the ties argument.
local c_load_csv_buffer = nw.load_csv_buffer
function nw.load_csv_buffer(actors, ties, opts) return c_load_csv_buffer(actors, ties, opts) end

-- ---- analysis ---------------------------------------------------------------
-- (bindings/analysis.i.) Snapshots and their measures as plain tables:
-- per-actor results keyed by actor identity (an Actor of the snapshot's
-- network works as a key too), lists of identities, records as tables.
local Snapshot = classes.Snapshot
local snapshot = Snapshot[".fn"]

fields(Snapshot, {as_of = {"get_date"}})
Snapshot[".get"].network = network_of
Snapshot.__len = function(s) return s:actor_count() end

local c_snapshot = network.snapshot
local c_losing_touch, c_timeline = network.losing_touch, network.timeline
local c_strength_terms = tie.strength_terms
local c_pair, c_vertex_of, c_is_current, c_option =
  snapshot.pair, snapshot.vertex_of, snapshot.is_current, snapshot.option
local c_components, c_overlap, c_bridges, c_figures, c_compare =
  snapshot.components, snapshot.overlap, snapshot.bridges, snapshot.figures, snapshot.compare

-- A number as tostring shows it in results: integers plain, NaN as "nan".
local function num(x)
  if x ~= x then return "nan" end
  if math.type(x) == "integer" then return tostring(x) end
  return ("%.6g"):format(x)
end

local function is(obj, class) return getmetatable(obj) == "netzwerk." .. class end

-- net:snapshot(as_of [, opts]) or net:snapshot{as_of = ..., weighted = true, ...}
function network.snapshot(self, as_of, opts)
  if type(as_of) == "table" and opts == nil then
    opts = {}
    for k, v in pairs(as_of) do
      if k ~= "as_of" then opts[k] = v end
    end
    as_of = as_of.as_of
  end
  return c_snapshot(self, as_of, opts)
end

-- The actor identity of each vertex, 1..n (a snapshot never changes).
local vertex_ids = setmetatable({}, {__mode = "k"})
local function ids_of(snap)
  local ids = vertex_ids[snap]
  if not ids then
    ids = {}
    for v = 1, snap:actor_count() do ids[v] = snap:actor_id(v) end
    vertex_ids[snap] = ids
  end
  return ids
end

-- The identity of an actor given as an Actor (of the snapshot's network) or an identity.
local function actor_key(snap, actor)
  if is(actor, "Actor") then
    if network_of(actor) ~= network_of(snap) then
      raise(nw.EINVAL, "the actor is not of the snapshot's network")
    end
    return actor.id
  end
  return actor
end

-- Per-actor results: {[actor id] = value}; result[actor] works too.
local Measure = {__metatable = "netzwerk.Measure", __name = "netzwerk.Measure"}
local measure_of = setmetatable({}, {__mode = "k"})
Measure.__index = function(t, key)
  if is(key, "Actor") then
    return rawget(t, actor_key(measure_of[t].snapshot, key))
  end
end
Measure.__tostring = function(t)
  local keys, parts = {}, {}
  for id in pairs(t) do keys[#keys + 1] = id end
  table.sort(keys)
  for i, id in ipairs(keys) do
    if i > 10 then parts[#parts + 1] = "..." break end
    parts[#parts + 1] = ("%d = %s"):format(id, num(t[id]))
  end
  return ("netzwerk.%s{%s}"):format(measure_of[t].name, table.concat(parts, ", "))
end

local function new_measure(snap, name)
  local t = setmetatable({}, Measure)
  measure_of[t] = {snapshot = snap, name = name}
  return t
end

local function by_actor(snap, name, values, integral)
  local ids, t = ids_of(snap), new_measure(snap, name)
  for v = 1, values:count() do
    local x = values:get(v)
    t[ids[v]] = integral and math.tointeger(x) or x
  end
  return t
end

-- name = whether the values are whole numbers
for name, integral in pairs{degree = true, weighted_degree = false, betweenness = false,
    harmonic_closeness = false, two_step_reach = true, reach_efficiency = false,
    constraint = false, effective_size = false, efficiency = false, local_clustering = false,
    core_number = true} do
  local c = snapshot[name]
  snapshot[name] = function(self) return by_actor(self, name, c(self), integral) end
end

-- snap:betweenness{normalized = true} divides by (n-1)(n-2)/2 pairs of other
-- actors, snap:harmonic_closeness{normalized = true} by the n-1 other actors
-- (as NetworkX's normalized=True); without options the raw values.
for name, scale in pairs{
    betweenness = function(n) return n > 2 and (n - 1) * (n - 2) / 2 or 0 end,
    harmonic_closeness = function(n) return n > 1 and n - 1 or 0 end} do
  local raw = snapshot[name]
  snapshot[name] = function(self, opts)
    local t = raw(self)
    if opts == nil then return t end
    if type(opts) ~= "table" then
      raise(nw.EINVAL, ("argument 1: expected a table of options, got %s"):format(type(opts)))
    end
    for k, v in pairs(opts) do
      if k ~= "normalized" then
        raise(nw.EINVAL, ("%s has no option '%s' (only 'normalized')"):format(name, tostring(k)))
      end
      if type(v) ~= "boolean" then
        raise(nw.EINVAL, ("option 'normalized': expected a boolean, got %s"):format(type(v)))
      end
    end
    if opts.normalized then
      local s = scale(#self)
      for id, x in pairs(t) do t[id] = s > 0 and x / s or 0.0 end
    end
    return t
  end
end

-- membership, parts: membership[id] = k and parts[k] = {ids...}, the
-- components numbered 1, 2, ... in order of their lowest actor identity.
function snapshot.components(self)
  local values, ids = c_components(self), ids_of(self)
  local membership, parts = new_measure(self, "components"), {}
  for v = 1, values:count() do
    local k = math.tointeger(values:get(v)) + 1
    membership[ids[v]] = k
    local part = parts[k] or {}
    part[#part + 1] = ids[v]
    parts[k] = part
  end
  return membership, parts
end

-- The actors of the snapshot: their identities in ascending order.
function snapshot.actors(self) return {table.unpack(ids_of(self))} end

function snapshot.vertex_of(self, actor) return c_vertex_of(self, actor_key(self, actor)) end

-- Whether the snapshot still matches a network (by default its own; false once closed).
function snapshot.is_current(self, net)
  net = net or network_of(self)
  if net == nil or net.closed then return false end
  return c_is_current(self, net)
end

-- An option the snapshot was taken with, typed: boolean, integer or number.
local function typed_option(name, value)
  local kind = nw.snapshot_option_type(name)
  if kind == "bool" then return value ~= 0 end
  if kind == "int" then return math.tointeger(value) end
  return value
end
function snapshot.option(self, name) return typed_option(name, c_option(self, name)) end
function snapshot.options(self)
  local t = {}
  for i = 1, nw.snapshot_option_count() do
    local name = nw.snapshot_option_name(i)
    t[name] = self:option(name)
  end
  return t
end
function nw.snapshot_defaults()
  local t = {}
  for i = 1, nw.snapshot_option_count() do
    local name = nw.snapshot_option_name(i)
    t[name] = typed_option(name, nw.snapshot_option_default(name))
  end
  return t
end

-- Pairs: {a =, b =, weight =, ties =, strong =}, a < b, numbered 1..m.
local Pair = {__metatable = "netzwerk.Pair", __name = "netzwerk.Pair"}
Pair.__tostring = function(p)
  return ("netzwerk.Pair(%d-%d: weight %s, %d %s, %s)"):format(p.a, p.b, num(p.weight), p.ties,
    p.ties == 1 and "tie" or "ties", p.strong and "strong" or "weak")
end
function snapshot.pair(self, i)
  local p = c_pair(self, i)
  return setmetatable({a = p.a, b = p.b, weight = p.weight, ties = p.ties, strong = p.strong}, Pair)
end
function snapshot.pairs(self)
  local t = {}
  for i = 1, self:pair_count() do t[i] = self:pair(i) end
  return t
end

-- Tie overlap per pair: a list in the order of snap:pairs().
function snapshot.overlap(self)
  local values, t = c_overlap(self), {}
  for i = 1, values:count() do t[i] = values:get(i) end
  return t
end

-- Bridges: {pair =, a =, b =, span =, strong =, weight =}; span is
-- math.huge for a bridge proper (no other path).
local Bridge = {__metatable = "netzwerk.Bridge", __name = "netzwerk.Bridge"}
Bridge.__tostring = function(b)
  return ("netzwerk.Bridge(%d-%d: span %s, %s)"):format(b.a, b.b,
    b.span == math.huge and "inf" or tostring(b.span), b.strong and "strong" or "weak")
end
function snapshot.bridges(self, ...)
  local list, t = c_bridges(self, ...), {}
  for i = 1, list:count() do
    local b = list:get(i)
    t[i] = setmetatable({pair = b.pair + 1, a = b.a, b = b.b, strong = b.strong, weight = b.weight,
      span = b.span == nw.SPAN_INFINITE and math.huge or b.span}, Bridge)
  end
  return t
end

-- Figures: a table by the names of nw_figures_field(), typed: as_of a date,
-- counts integers, paths_exact a boolean, ratios numbers.
local Figures = {__metatable = "netzwerk.Figures", __name = "netzwerk.Figures"}
Figures.__tostring = function(f)
  return ("netzwerk.Figures(as of %s: %d actors, %d ties, %d pairs, density %s, %d %s)"):format(
    f.as_of, f.actors, f.ties, f.pairs, num(f.density), f.components,
    f.components == 1 and "component" or "components")
end
local figures_fields = classes.Figures[".get"]
local function figures_table(f)
  local t = {}
  for i = 1, f:count_fields() do
    local name = f:name_at(i)
    -- the record's field, where it has one of that name
    local typed = figures_fields[name] and f[name]
    if typed == nil then
      local value = f:value_at(i)
      typed = math.tointeger(value) or value
    end
    t[name] = typed
  end
  return setmetatable(t, Figures)
end

function snapshot.figures(self) return figures_table(c_figures(self)) end

-- net:figures(as_of [, opts]) or net:figures{as_of = ..., ...}
function network.figures(self, as_of, opts) return self:snapshot(as_of, opts):figures() end

-- The change between two snapshots: before and after (figures), delta
-- (after - before of each number; as_of in days), and the lists of
-- identities actors_joined, actors_left, ties_began, ties_ended.
local Change = {__metatable = "netzwerk.Change", __name = "netzwerk.Change"}
Change.__tostring = function(c)
  return ("netzwerk.Change(%s to %s: %d actors joined, %d left, %d ties began, %d ended)"):format(
    c.before.as_of, c.after.as_of, #c.actors_joined, #c.actors_left, #c.ties_began, #c.ties_ended)
end
local function id_list(ids)
  local t = {}
  for i = 1, ids:count() do t[i] = ids:get(i) end
  return t
end
local function change_table(c)
  local before, after = figures_table(c:before()), figures_table(c:after())
  local delta = {as_of = nw.days(after.as_of) - nw.days(before.as_of)}
  for name, value in pairs(after) do
    if type(value) == "number" then delta[name] = value - before[name] end
  end
  return setmetatable({before = before, after = after, delta = delta,
    actors_joined = id_list(c:actors_joined()), actors_left = id_list(c:actors_left()),
    ties_began = id_list(c:ties_began()), ties_ended = id_list(c:ties_ended())}, Change)
end

function snapshot.compare(self, later) return change_table(c_compare(self, later)) end

-- net:change(a, b [, opts]): a and b are dates (snapshots taken with opts) or snapshots.
function network.change(self, a, b, opts)
  local before = is(a, "Snapshot") and a or self:snapshot(a, opts)
  local after = is(b, "Snapshot") and b or self:snapshot(b, opts)
  return before:compare(after)
end

-- A list of figures tables, one per point from `from` every `step` days up to `to`.
function network.timeline(self, from, to, step, opts)
  local list, t = c_timeline(self, from, to, step, opts), {}
  for i = 1, list:count() do t[i] = figures_table(list:get(i)) end
  return t
end

-- The ties losing touch, oldest contact first: {tie =, tie_id =, form =,
-- last_contact =, days =, overdue =}.
local Touch = {__metatable = "netzwerk.Touch", __name = "netzwerk.Touch"}
Touch.__tostring = function(t)
  return ("netzwerk.Touch(tie %d %s: last contact %s, %d days%s)"):format(t.tie_id,
    nw.form_letter(t.form), t.last_contact, t.days, t.overdue and ", overdue" or "")
end
function network.losing_touch(self, as_of, opts)
  local list, t = c_losing_touch(self, as_of, opts), {}
  for i = 1, list:count() do
    local x = list:get(i)
    t[i] = setmetatable({tie = self:tie(x.tie), tie_id = x.tie, form = x.form,
      last_contact = x.last_contact, days = x.days, overdue = x.overdue}, Touch)
  end
  return t
end

-- {base =, age =, tending =, recency =, strength =, last_contact =, interactions =}
local Strength = {__metatable = "netzwerk.Strength", __name = "netzwerk.Strength"}
Strength.__tostring = function(x)
  return ("netzwerk.Strength(%s: base %s, age %s, tending %s, recency %s; last contact %s, %d %s)")
    :format(num(x.strength), num(x.base), num(x.age), num(x.tending), num(x.recency),
      tostring(x.last_contact), x.interactions, x.interactions == 1 and "interaction" or "interactions")
end
function tie.strength_terms(self, as_of, opts)
  local x = c_strength_terms(self, as_of, opts)
  return setmetatable({base = x.base, age = x.age, tending = x.tending, recency = x.recency,
    strength = x.strength, last_contact = x.last_contact, interactions = x.interactions}, Strength)
end

-- The name of a tie state: "absent", "active", "dormant", "latent".
local state_names = {[nw.TIE_ABSENT] = "absent", [nw.TIE_ACTIVE] = "active",
  [nw.TIE_DORMANT] = "dormant", [nw.TIE_LATENT] = "latent"}
function nw.tie_state_name(state)
  local name = state_names[state]
  if not name then raise(nw.EINVAL, ("%s is no tie state"):format(tostring(state))) end
  return name
end

Snapshot.__tostring = function(s)
  return ("netzwerk.Snapshot(as of %s: %d actors, %d pairs, %d ties%s)"):format(s.as_of,
    s:actor_count(), s:pair_count(), s:tie_count(), s:option("weighted") and ", weighted" or "")
end

-- ---- privacy (issue 8) ---------------------------------------------------------
-- (bindings/privacy.i: consent records, erasure, access export, pseudonymised
-- copies; saving with {consented_only = true, consent_as_of = "..."} is a save
-- option. Nothing else depends on this part.)
do
  local c_withdraw = actor.withdraw_consent

  -- actor:consents(): the records in the order added, each a table
  -- {index =, given =, type =, purpose =, source =, text =, note =,
  -- expires =, withdrawn =}; texts "" and dates nil when absent.
  function actor.consents(self)
    local t = {}
    for i = 1, self:consent_count() do
      t[i] = {
        index = i, type = self:consent_type(i),
        given = self:consent_date(i, "given"), expires = self:consent_date(i, "expires"),
        withdrawn = self:consent_date(i, "withdrawn"),
        purpose = self:consent_text(i, "purpose"), source = self:consent_text(i, "source"),
        text = self:consent_text(i, "text"), note = self:consent_text(i, "note"),
      }
    end
    return t
  end

  local record_fields = {
    purpose = true, type = true, source = true, text = true, note = true, expires = true,
    withdrawn = true,
  }

  -- actor:give_consent(date [, {purpose =, type = nw.CONSENT_OPT_OUT, source =,
  -- text =, note =, expires =, withdrawn =}]): add a record; returns its index.
  -- Without a purpose it is for the general purpose (taking part).
  function actor.give_consent(self, date, record)
    if record ~= nil and type(record) ~= "table" then
      raise(nw.EINVAL, ("argument 2: expected a table of record fields, got %s"):format(type(record)))
    end
    record = record or {}
    for key in pairs(record) do
      if not record_fields[key] then
        raise(nw.EINVAL, ("a consent record has no field '%s'"):format(tostring(key)))
      end
    end
    self:add_consent(date, record.type or nw.CONSENT_OPT_IN, record.purpose, record.source,
                     record.text, record.note, record.expires, record.withdrawn)
    return self:consent_count()
  end

  -- actor:withdraw_consent(date [, index]): the record at index (1-based), or
  -- without one the current general consent. The record stays, with the date.
  function actor.withdraw_consent(self, date, index)
    if index == nil then return c_withdraw(self, date) end
    return self:withdraw_consent_at(index, date)
  end

  -- actor:has_consent(date [, purpose]): whether consent for the purpose
  -- (nil: the general purpose) is valid on the date.
  function actor.has_consent(self, date, purpose)
    return self:consent_valid(date, purpose)
  end

  -- net:pseudonymise(key [, {keep_network_name =, keep_topics =, keep_purposes =}]):
  -- a new Network; the key is a string of at least nw.PSEUDONYM_KEY_MIN bytes.
  local c_pseudonymise = network.pseudonymise
  local keep_flags = {
    keep_network_name = nw.PSEUDONYM_KEEP_NETWORK_NAME, keep_topics = nw.PSEUDONYM_KEEP_TOPICS,
    keep_purposes = nw.PSEUDONYM_KEEP_PURPOSES,
  }
  function network.pseudonymise(self, key, opts)
    if type(key) ~= "string" then
      raise(nw.EINVAL, ("argument 1: the key must be a string, got %s"):format(type(key)))
    end
    local keep = 0
    if opts ~= nil and type(opts) ~= "table" then
      raise(nw.EINVAL, ("argument 2: expected a table of options, got %s"):format(type(opts)))
    end
    for name, on in pairs(opts or {}) do
      local flag = keep_flags[name]
      if not flag then raise(nw.EINVAL, ("pseudonymise has no option '%s'"):format(tostring(name))) end
      if on then keep = keep | flag end
    end
    return c_pseudonymise(self, key, keep)
  end
  -- actor:erase() -> the number of texts redacted; actor:export() -> JSON text:
  -- the C methods as they are.
end

-- Where the objects of a class without a constructor come from: nw.Actor()
-- raises nw.EINVAL saying so (SWIG leaves "attempt to call a table value").
local made_by = {
  Actor = "net:add_actor(name [, kind]) or net:actor(id or name)",
  Tie = "net:add_tie(form, {actors...}, start) or net:tie(id)",
  ActorIter = "net:actors()", TieIter = "net:ties([sel])",
  Checklist = "tie:checklist() or tie:create_checklist()", Report = "net:validate(date)",
  Snapshot = "net:snapshot(as_of [, opts])",
}
local function refuse(name)
  local hint = made_by[name]
  hint = hint and ("; use " .. hint) or " (the library makes them)"
  return function()
    raise(nw.EINVAL, ("a netzwerk.%s cannot be constructed%s"):format(name, hint))
  end
end

-- Hide the metatables: with them a script could call __gc by hand or reach
-- the raw method tables. SWIG's C code reads them raw and is not affected.
for name, mt in pairs(classes) do
  mt.__name = "netzwerk." .. name
  mt.__metatable = "netzwerk." .. name
  local static = getmetatable(nw[name])
  if type(static) == "table" then
    if rawget(static, "__call") == nil then static.__call = refuse(name) end
    static.__metatable = "netzwerk." .. name
  end
end
getmetatable(nw).__metatable = "netzwerk"
