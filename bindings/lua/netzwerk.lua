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

-- The forms catalogue: nw.forms[nw.KOOPERATION] == nw.forms.B.
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
  forms[form] = entry
  forms[entry.letter] = entry
end
nw.forms = forms

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

-- Raise an error table like the C code's (nw._fail records it, the
-- wrapper raises it).
local raise = nw._fail

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
  return item_methods[key]
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

-- The result of each principle, in catalogue order.
function report.principles(self)
  local t = {}
  for p = nw.PRINCIPLE_FREIWILLIGKEIT, nw.PRINCIPLE_ZIEL_NUTZEN do t[#t + 1] = self:principle(p) end
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

-- The principles and rules catalogue: nw.principles[nw.PRINCIPLE_ZIEL_NUTZEN]
-- == nw.principles.ZIEL; nw.rules[1], nw.rules["FREI-002"].
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
  principles[p] = entry
  principles[entry.code] = entry
end
local rules = {}
for i = 1, nw.rule_count() do
  local r = nw.rule(i)
  rules[i] = r
  rules[r.code] = r
  local list = principles[r.principle].rules
  list[#list + 1] = r
end
nw.principles = principles
nw.rules = rules

-- Each form's checklist template: nw.forms.B.checklist[1].code == "coop.goal".
for form = nw.BEGEGNUNG, nw.GRUPPE do
  local template = {}
  for i = 1, nw.checklist_builtin_count(form) do template[i] = nw.checklist_builtin(form, i) end
  forms[form].checklist = template
end

-- nw.load_csv_buffer(actors [, ties [, opts]]): SWIG wants the ties argument.
local c_load_csv_buffer = nw.load_csv_buffer
function nw.load_csv_buffer(actors, ties, opts) return c_load_csv_buffer(actors, ties, opts) end

-- Hide the metatables: with them a script could call __gc by hand or reach
-- the raw method tables. SWIG's C code reads them raw and is not affected.
for name, mt in pairs(classes) do
  mt.__name = "netzwerk." .. name
  mt.__metatable = "netzwerk." .. name
  local static = getmetatable(nw[name])
  if type(static) == "table" then
    static.__metatable = "netzwerk." .. name
  end
end
getmetatable(nw).__metatable = "netzwerk"
