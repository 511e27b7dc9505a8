-- Agreement checklists from Lua: the catalogue, item objects and their
-- fields, progress, overdue, settled, well agreed, and misuse. Expected
-- values from include/netzwerk/checklist.h and docs/principles.md.
local nw = require "netzwerk"
local t = require "testing"
local test, equal, same, raises = t.test, t.equal, t.same, t.raises

local COOP = {"coop.goal", "coop.agreements", "coop.communication", "coop.contact_persons",
  "coop.controlling", "coop.resources", "coop.duration_exit", "coop.data_protection",
  "coop.partner_benefit", "coop.partner_benefit"}

local function cooperation()
  local net = nw.Network("Schulwege")
  local juz = net:add_actor("Jugendzentrum", nw.ORGANISATION)
  local schule = net:add_actor("Grundschule", nw.ORGANISATION)
  local anna = net:add_actor("Anna")
  local tie = net:add_tie(nw.KOOPERATION, {juz, schule}, "2025-02-01")
  return net, juz, schule, anna, tie
end

local function codes(list)
  local t = {}
  for i, item in ipairs(list) do t[i] = item.code end
  return t
end

test("catalogue", function()
  local template = nw.forms.B.checklist
  equal(#template, 9, "template size")
  for i = 1, 9 do equal(template[i].code, COOP[i], "code " .. i) end
  local essential, review = {}, {}
  for _, b in ipairs(template) do
    if b.essential then essential[#essential + 1] = b.code end
    if b.review then review[#review + 1] = b.code end
    equal(b.form, nw.KOOPERATION)
    equal(b.per_partner, b.code == "coop.partner_benefit")
  end
  same(essential, {"coop.goal", "coop.agreements", "coop.communication", "coop.contact_persons",
    "coop.controlling", "coop.resources", "coop.partner_benefit"})
  same(review, {"coop.controlling"})
  same(codes(nw.forms.A.checklist), {"encounter.situation", "encounter.message", "encounter.effect"})
  same(codes(nw.form(nw.KONTAKT).checklist), {"contact.reachable", "contact.consent", "contact.kept_up"})
  same(codes(nw.forms.D.checklist), {"group.relevance", "group.resources", "group.continuity"})
  equal(nw.checklist_builtin_count(nw.GRUPPE), 3)
  local b = nw.checklist_builtin(nw.KOOPERATION, 1)
  equal(b.label_de, "Gemeinsames Ziel formuliert")
  equal(nw.checklist_builtin_find("coop.goal").label_en, "Common goal stated")
  raises(nw.ENOTFOUND, nw.checklist_builtin_find, "custom")
  raises(nw.ENOTFOUND, nw.checklist_builtin, nw.GRUPPE, 4)
  raises(nw.ENOTFOUND, nw.checklist_builtin, nw.GRUPPE, 0)
  raises(nw.EINVAL, nw.checklist_builtin_count, 4)
  same({nw.item_state_name(nw.ITEM_OPEN), nw.item_state_name(nw.ITEM_AGREED, nw.EN),
        nw.item_state_name(nw.ITEM_DONE), nw.item_state_name(nw.ITEM_NOT_APPLICABLE, nw.EN)},
       {"offen", "agreed", "erledigt", "not applicable"})
  equal(nw.ITEM_CODE_CUSTOM, "custom")
end)

test("items follow the members", function()
  local net, juz, schule, anna, tie = cooperation()
  local cl = tie:checklist()
  equal(#cl, 10)
  equal(cl.tie_id, 1)
  equal(cl.network, net)
  equal(tie.network, net)
  equal(juz.network, net)
  same(codes(cl:items()), COOP)
  local items = cl:items()
  equal(items[9].partner, juz)
  equal(items[10].partner, schule)
  equal(items[1].partner, nil)
  tie:add_member(anna)
  equal(#cl, 11)
  equal(cl:items()[11].partner, anna)
  local gone = cl:find("coop.partner_benefit", juz)
  tie:remove_member(juz)
  raises(nw.ENOTFOUND, function() return gone.state end)
  raises(nw.ENOTFOUND, cl.find, cl, "coop.partner_benefit", juz)
  equal(cl:find("coop.partner_benefit", anna.id).partner, anna)  -- an identity works too
  local other = nw.Network("Anderes")
  other:add_actor("Erster")
  other:add_actor("Zweiter")  -- identity 2, like the Grundschule here
  raises(nw.EINVAL, cl.find, cl, "coop.partner_benefit", other:actor(2))
  raises(nw.EINVAL, cl.find, cl, "coop.partner_benefit", "Grundschule")
  raises(nw.EINVAL, cl.find, cl, "coop.partner_benefit", tie)
end)

test("weak ties get one when asked", function()
  local net, juz, schule, anna, coop = cooperation()
  local enc = net:add_tie(nw.BEGEGNUNG, {anna, juz}, "2025-03-01")
  equal(enc:checklist(), nil)
  local cl = enc:create_checklist()
  same(codes(cl:items()), {"encounter.situation", "encounter.message", "encounter.effect"})
  equal(enc:checklist().tie_id, enc.id)
  raises(nw.EEXISTS, enc.create_checklist, enc)
  raises(nw.EEXISTS, coop.create_checklist, coop)
end)

test("fields", function()
  local net, juz, schule, anna, tie = cooperation()
  local cl = tie:checklist()
  local goal = cl:find("coop.goal")
  equal(goal.id, cl:item_at(1))
  equal(goal.checklist, cl)
  equal(goal.code, "coop.goal")
  equal(goal.custom, false)
  equal(goal.label, "Gemeinsames Ziel formuliert")
  equal(goal.label_de, "Gemeinsames Ziel formuliert")
  equal(goal.label_en, "Common goal stated")
  equal(goal.state, nw.ITEM_OPEN)
  equal(goal.responsible, nil)
  equal(goal.due, nil)
  equal(goal.note, "")
  goal.state = nw.ITEM_AGREED
  goal.responsible = anna  -- any actor of the network
  goal.due = "2025-04-01"
  goal.note = "jeden Morgen\nab Mai"
  equal(goal.state, nw.ITEM_AGREED)
  equal(goal.responsible, anna)
  equal(goal.due, "2025-04-01")
  equal(goal.note, "jeden Morgen\nab Mai")
  goal.responsible = nil
  goal.due = nil
  goal.note = nil
  equal(goal.responsible, nil)
  equal(goal.due, nil)
  equal(goal.note, "")
  goal.responsible = anna
  anna:remove()
  equal(goal.responsible, nil)  -- removed: none
  raises(nw.EINVAL, function() goal.label = "Anders" end)
  raises(nw.EINVAL, function() goal.state = 7 end)
  raises(nw.EINVAL, function() goal.state = "done" end)
  raises(nw.EINVAL, function() goal.due = "2025-02-30" end)
  raises(nw.EINVAL, function() goal.colour = "red" end)
  raises(nw.EINVAL, goal.remove, goal)
  raises(nw.EINVAL, function() goal.responsible = nw.Network("X"):add_actor("Y") end)
  raises(nw.EINVAL, function() goal.responsible = "Jugendzentrum" end)
  equal(raises(nw.EINVAL, function() return goal.colour end).message,
        "a checklist item has no field or method 'colour'")
  equal(tostring(goal), ("netzwerk.ChecklistItem(%d coop.goal agreed)"):format(goal.id))
  equal(getmetatable(goal), "netzwerk.ChecklistItem")
end)

test("items of the user's own", function()
  local net, juz, schule, anna, tie = cooperation()
  local cl = tie:checklist()
  local first = cl:add("Protokoll verschicken")
  local second = cl:add("Elternbrief")
  assert(second.id > first.id)
  equal(first.code, "custom")
  equal(first.custom, true)
  equal(first.label_en, "Protokoll verschicken")
  first.label = "Protokoll an alle"
  equal(first.label, "Protokoll an alle")
  equal(cl:item(first.id), first)
  equal(#cl, 12)
  first:remove()
  equal(#cl, 11)
  raises(nw.ENOTFOUND, function() return first.label end)
  raises(nw.ENOTFOUND, cl.item, cl, first.id)
  assert(cl:add("Neu").id > second.id)  -- identities are not reused
  raises(nw.EINVAL, cl.add, cl, "")
  raises(nw.EINVAL, cl.add, cl, "a\0b")
end)

test("progress, overdue, settled", function()
  local net, juz, schule, anna, tie = cooperation()
  local cl = tie:checklist()
  local p = cl:progress()
  equal(p.done, 0) equal(p.agreed, 0) equal(p.applicable, 10) equal(p.open, 10)
  cl:find("coop.goal").state = nw.ITEM_DONE
  cl:find("coop.agreements").state = nw.ITEM_AGREED
  cl:find("coop.data_protection").state = nw.ITEM_NOT_APPLICABLE
  p = cl:progress()
  equal(p.done, 1) equal(p.agreed, 1) equal(p.applicable, 9) equal(p.open, 7)

  local agreements, controlling = cl:find("coop.agreements"), cl:find("coop.controlling")
  agreements.due = "2025-03-01"
  equal(agreements:overdue("2025-03-01"), false)
  equal(agreements:overdue("2025-03-02"), true)
  equal(agreements:settled("2025-03-01"), true)
  equal(agreements:settled("2025-03-02"), false)
  controlling.state = nw.ITEM_DONE
  equal(controlling:settled("2025-03-02"), false)  -- a review item needs its next date
  controlling.due = "2025-03-01"
  equal(controlling:overdue("2025-03-02"), true)   -- even when done
  equal(cl:find("coop.data_protection"):settled("2025-03-02"), true)
  same(cl:overdue("2025-03-02"), {agreements, controlling})
  raises(nw.EINVAL, agreements.overdue, agreements, nil)
  raises(nw.EINVAL, agreements.settled, agreements, "2025-13-01")
end)

test("pending and well agreed", function()
  local net, juz, schule, anna, tie = cooperation()
  local cl = tie:checklist()
  for _, item in ipairs(cl:items()) do item.state = nw.ITEM_AGREED end
  local controlling = cl:find("coop.controlling")
  controlling.state = nw.ITEM_DONE
  local ok, reasons = cl:well_agreed("2025-06-01")
  equal(ok, false)
  same(reasons, {controlling})
  controlling.due = "2025-07-01"
  ok, reasons = cl:well_agreed("2025-06-01")
  equal(ok, true)
  equal(#reasons, 0)
  equal(#cl:pending("2025-06-01"), 0)
  local goal = cl:find("coop.goal")
  goal.state = nw.ITEM_NOT_APPLICABLE  -- essential: does not settle
  local extra = cl:add("Pressetermin")
  ok, reasons = cl:well_agreed("2025-06-01")
  equal(ok, false)
  same(reasons, {goal, extra})
  same(cl:pending("2025-06-01"), {extra})
  same(cl:pending("2025-07-02"), {controlling, extra})
  raises(nw.EINVAL, cl.well_agreed, cl, nil)
  raises(nw.EINVAL, cl.pending, cl, 20250601)
end)

test("a checklist of a removed tie or a closed network is stale", function()
  local net, juz, schule, anna, tie = cooperation()
  local cl = tie:checklist()
  local goal = cl:find("coop.goal")
  tie:remove()
  local calls = {
    function() return #cl end, function() return cl:items() end, function() return cl:progress() end,
    function() return cl:add("x") end, function() return cl:find("coop.goal") end,
    function() return cl:pending("2025-01-01") end, function() return cl:well_agreed("2025-01-01") end,
    function() return goal.state end, function() goal.state = nw.ITEM_DONE end,
    function() return goal.code end, function() return goal.responsible end,
    function() goal.responsible = juz end, function() goal.responsible = nil end,
    function() return goal.due end, function() goal.note = "x" end, function() return goal.partner end,
    function() return goal:overdue("2025-01-01") end, function() goal:remove() end,
    function() return tie:checklist() end,
  }
  for i, call in ipairs(calls) do
    local ok, err = pcall(call)
    assert(not ok, "call " .. i .. " succeeded")
    assert(type(err) == "table" and err.code == nw.ESTALE, "call " .. i .. ": " .. tostring(err))
  end
  equal(cl.tie_id, 1)
  equal(tostring(cl), "netzwerk.Checklist(tie 1, stale)")
  equal(tostring(goal), ("netzwerk.ChecklistItem(%d, gone)"):format(goal.id))

  local net2, _, _, _, tie2 = cooperation()
  local cl2 = tie2:checklist()
  net2:close()
  raises(nw.ESTALE, function() return #cl2 end)
  equal(cl2.network, net2)
end)

test("a checklist keeps its network alive", function()
  local cl
  do
    local _, _, _, _, tie = cooperation()
    cl = tie:checklist()
  end
  collectgarbage() collectgarbage()
  cl:find("coop.goal").state = nw.ITEM_DONE
  equal(cl:progress().done, 1)
  equal(cl.network.name, "Schulwege")
  equal(tostring(cl), "netzwerk.Checklist(tie 1: 10 items, 1 done, 0 agreed, 9 open)")
  equal(getmetatable(cl), "netzwerk.Checklist")
  raises(nw.EINVAL, cl.item_count, io.stdout)  -- a foreign userdata is no checklist
  raises(nw.EINVAL, cl.item_count, cl:find("coop.goal"))
end)


test("the low-level methods, with item identities", function()
  local net, juz, schule, anna, tie = cooperation()
  local cl = tie:checklist()
  equal(cl:get_tie_id(), tie.id)
  local goal = cl:item_at(1)
  equal(cl:item_code(goal), "coop.goal")
  equal(cl:item_label(goal), "Gemeinsames Ziel formuliert")
  equal(cl:item_label(goal, nw.EN), "Common goal stated")
  equal(cl:item_partner(goal), 0)
  equal(cl:item_partner(cl:item_at(10)), schule.id)
  equal(cl:item_state(goal), nw.ITEM_OPEN)
  cl:set_item_state(goal, nw.ITEM_DONE)
  equal(cl:item_state(goal), nw.ITEM_DONE)
  equal(cl:item_responsible(goal), 0)
  cl:set_item_responsible(goal, anna)
  equal(cl:item_responsible(goal), anna.id)
  cl:clear_item_responsible(goal)
  equal(cl:item_responsible(goal), 0)
  equal(cl:item_due(goal), nil)
  cl:set_item_due(goal, "2025-03-01")
  equal(cl:item_due(goal), "2025-03-01")
  equal(cl:item_overdue(goal, "2025-03-02"), false)  -- done: a deadline no longer matters
  equal(cl:item_settled(goal, "2025-03-02"), true)
  cl:set_item_state(goal, nw.ITEM_AGREED)
  equal(cl:item_overdue(goal, "2025-03-01"), false)
  equal(cl:item_overdue(goal, "2025-03-02"), true)
  equal(cl:item_settled(goal, "2025-03-02"), false)
  equal(cl:item_note(goal), "")
  cl:set_item_note(goal, "Protokoll")
  equal(cl:item_note(goal), "Protokoll")
  local own = cl:add_item("Presse")
  equal(cl:item_code(own), nw.ITEM_CODE_CUSTOM)
  cl:set_item_label(own, "Pressetermin")
  equal(cl:item_label(own, nw.EN), "Pressetermin")
  raises(nw.EINVAL, cl.set_item_label, cl, goal, "Anders")  -- built-in labels are fixed
  cl:remove_item(own)
  equal(cl:item_count(), 10)
  -- an identity that is no item of this checklist
  for _, call in ipairs{
    function() return cl:item_code(own) end, function() return cl:item_label(own) end,
    function() cl:set_item_label(own, "x") end, function() return cl:item_partner(own) end,
    function() return cl:item_state(own) end, function() cl:set_item_state(own, nw.ITEM_DONE) end,
    function() return cl:item_responsible(own) end,
    function() cl:set_item_responsible(own, anna) end,
    function() cl:clear_item_responsible(own) end, function() return cl:item_due(own) end,
    function() cl:set_item_due(own, "2025-03-01") end, function() return cl:item_note(own) end,
    function() cl:set_item_note(own, "x") end, function() return cl:item_overdue(own, "2025-03-01") end,
    function() return cl:item_settled(own, "2025-03-01") end, function() cl:remove_item(own) end,
    function() return cl:item_at(11) end,
  } do
    raises(nw.ENOTFOUND, call)
  end
  raises(nw.EINVAL, cl.set_item_state, cl, goal, 9)
  raises(nw.EINVAL, cl.add_item, cl, "")
  equal(cl:item_count(), 10)
end)

t.run()
