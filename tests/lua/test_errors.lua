-- Errors: every library code becomes an error table {code, message} with a
-- __tostring; catchable with pcall; bad arguments raise, never crash.
local nw = require "netzwerk"
local t = require "testing"
local test, equal = t.test, t.equal

test("every code is an error table", function()
  local codes = {nw.ERROR, nw.EINVAL, nw.ENOTFOUND, nw.EEXISTS, nw.ESTALE, nw.EFORMAT, nw.EIO,
                 nw.ENOMEM, nw.ELIMIT, nw.EBUSY, -99}
  for _, code in ipairs(codes) do
    local err = t.raises(code, nw._fail, code, "message " .. code)
    equal(err.message, "message " .. code)
    equal(math.type(err.code), "integer")
    equal(tostring(err), ("netzwerk: %s: message %d"):format(nw.strerror(code), code))
    equal(getmetatable(err), "netzwerk.Error")  -- protected
  end
  equal(select("#", nw._fail(0, "no error")), 0)
end)

test("errors from the library", function()
  local net <close> = nw.Network("N")
  local anna = net:add_actor("Anna")
  local err = t.raises(nw.EEXISTS, net.add_actor, net, "Anna")
  assert(err.message:find("actor 1"), err.message)  -- identities, not names
  err = t.raises(nw.ENOTFOUND, net.actor, net, "Niemand")
  assert(err.message:find("Niemand"))
  t.raises(nw.ENOTFOUND, net.actor, net, 99)
  t.raises(nw.ENOTFOUND, net.tie, net, 1)
  t.raises(nw.EINVAL, net.add_actor, net, "")
  t.raises(nw.EINVAL, net.add_actor, net, "zwei\nZeilen")
  t.raises(nw.EINVAL, net.add_actor, net, ("x"):rep(nw.TEXT_MAX + 1))
  t.raises(nw.EINVAL, anna.add_contact, anna, nw.EMAIL, "keine Adresse")
  t.raises(nw.EINVAL, anna.withdraw_consent, anna, "2025-01-01")
  t.raises(nw.ENOTFOUND, anna.remove_interest, anna, "Verkehr")
  t.raises(nw.EINVAL, nw.Network, "")
  -- a failed call changes nothing
  equal(net:actor_count(), 1)
  equal(anna:contact_count(), 0)
end)

test("pcall and error propagate the table", function()
  local ok, err = pcall(function()
    local net <close> = nw.Network("N")
    net:actor("Niemand")
  end)
  equal(ok, false)
  equal(err.code, nw.ENOTFOUND)
  -- rethrowing keeps it
  ok, err = pcall(function()
    local inner_ok, inner = pcall(nw._fail, nw.EIO, "disk")
    assert(not inner_ok)
    error(inner)
  end)
  equal(err.code, nw.EIO)
end)

test("argument checking", function()
  local net <close> = nw.Network("N")
  local anna = net:add_actor("Anna")
  -- types
  t.raises(nw.EINVAL, net.add_actor, net, 42)
  t.raises(nw.EINVAL, net.add_actor, net, "B", "person")
  t.raises(nw.EINVAL, net.actor_by_id, net, "1")
  t.raises(nw.EINVAL, function() anna.joined = 20250101 end)
  t.raises(nw.EINVAL, function() net:add_tie(nw.KONTAKT, anna, "2025-01-01") end)
  t.raises(nw.EINVAL, function() net:add_tie(nw.KONTAKT, {anna, "Anna"}, "2025-01-01") end)
  local tie = net:add_tie(nw.KONTAKT, {anna, net:add_actor("B")}, "2025-01-01")
  t.raises(nw.EINVAL, tie.set_imposed, tie, 1)
  t.raises(nw.EINVAL, function() tie.imposed = "yes" end)
  equal(tie.imposed, false)
  -- integers: strict and in range
  t.raises(nw.EINVAL, net.actor_by_id, net, 1.5)
  equal(net:actor_by_id(1.0).name, "Anna")  -- an integral float is fine
  t.raises(nw.EINVAL, net.actor_by_id, net, -1)
  t.raises(nw.EINVAL, net.actor_by_id, net, 2^32)
  t.raises(nw.EINVAL, net.add_actor, net, "C", 1e10)
  t.raises(nw.EINVAL, net.add_actor, net, "C", 7)  -- not a kind (from the library)
  -- indexes start at 1
  anna:add_interest("Verkehr")
  local err = t.raises(nw.ENOTFOUND, anna.interest, anna, 0)
  assert(err.message:find("from 1"), err.message)
  t.raises(nw.ENOTFOUND, anna.interest, anna, 2)
  t.raises(nw.ENOTFOUND, anna.interest, anna, -1)
  -- text with a NUL byte is refused, not cut
  t.raises(nw.EINVAL, net.add_actor, net, "Anna\0Berta")
  equal(net:actor_count(), 2)
  -- dates
  t.raises(nw.EINVAL, function() anna.joined = "2026-02-30" end)
  t.raises(nw.EINVAL, function() anna.joined = "2026-2-3" end)
  t.raises(nw.EINVAL, function() anna.joined = {} end)
  equal(anna.joined, nil)
  -- the wrong number of arguments is SWIG's own check: a string error
  local ok, msg = pcall(net.add_actor, net)
  equal(ok, false)
  equal(type(msg), "string")
  -- unknown and read-only fields: the module's error, naming the field
  err = t.raises(nw.EINVAL, function() tie.lable = "x" end)
  equal(err.message, "a netzwerk.Tie has no field 'lable' to set")
  equal(tostring(err), "netzwerk: invalid argument: a netzwerk.Tie has no field 'lable' to set")
  equal(tie.label, "")
  err = t.raises(nw.EINVAL, function() return tie.lable end)
  equal(err.message, "a netzwerk.Tie has no field or method 'lable'")
  err = t.raises(nw.EINVAL, function() return anna.nickname end)
  equal(err.message, "a netzwerk.Actor has no field or method 'nickname'")
  err = t.raises(nw.EINVAL, function() anna.id = 5 end)
  equal(err.message, "the field 'id' of a netzwerk.Actor is read-only")
  equal(anna.id, 1)
  err = t.raises(nw.EINVAL, function() anna.tie_count = 5 end)  -- a method, no field
  equal(err.message, "a netzwerk.Actor has no field 'tie_count' to set")
  err = t.raises(nw.EINVAL, function() return anna[1] end)
  equal(err.message, "a netzwerk.Actor has no fields keyed by a number")
  t.raises(nw.EINVAL, function() net.nmae = "x" end)
  t.raises(nw.EINVAL, function() return net:actors().count end)
  local report = net:validate("2025-06-01")
  err = t.raises(nw.EINVAL, function() return report.asof end)
  equal(err.message, "a netzwerk.Report has no field or method 'asof'")
  local snap = net:snapshot("2025-06-01")
  t.raises(nw.EINVAL, function() return snap.date end)
  local figures = snap:figures()
  equal(figures.actors, 2)
  -- checklist items likewise
  local coop = net:add_tie(nw.KOOPERATION, {anna, net:actor("B")}, "2025-01-01")
  local item = coop:checklist():items()[1]
  err = t.raises(nw.EINVAL, function() return item.stat end)
  equal(err.message, "a checklist item has no field or method 'stat'")
  t.raises(nw.EINVAL, function() item.stat = nw.ITEM_DONE end)
  equal(item.state, nw.ITEM_OPEN)
  -- existing fields and methods still work, nil values included
  equal(tie.end_date, nil)
  equal(type(anna.tie_count), "function")
end)

t.run()
