-- Misuse raises a Lua error, never crashes: closed, collected and removed
-- objects, objects of another network, foreign values, finalizer order,
-- and the hidden metatables.
local nw = require "netzwerk"
local t = require "testing"
local test, equal = t.test, t.equal

local function small()
  local net = nw.Network("N")
  local a, b, c = net:add_actor("A"), net:add_actor("B"), net:add_actor("C")
  local tie = net:add_tie(nw.GRUPPE, {a, b, c}, "2025-01-01")
  return net, a, b, c, tie
end

test("a closed network makes everything stale", function()
  local net, a, b, _, tie = small()
  local it = net:actors()
  net:close()
  net:close()  -- again: nothing happens
  equal(net.closed, true)
  local calls = {
    function() return net.name end, function() net.name = "x" end,
    function() return net:actor_count() end, function() return net:tie_count() end,
    function() return net:topics() end, function() net:add_topic("x") end,
    function() return net:add_actor("D") end, function() return net:actor(1) end,
    function() return net:actor("A") end, function() return net:tie(1) end,
    function() return net:add_tie(nw.KONTAKT, {a, b}, "2025-01-01") end,
    function() return net:actors() end, function() return net:ties() end,
    function() return it() end,
    function() return a.name end, function() a.name = "Z" end, function() return a.kind end,
    function() return a:contacts() end, function() return a:interests() end,
    function() return a:consent() end, function() return a:attrs() end,
    function() return a:ties() end, function() return a:neighbors() end,
    function() a:remove() end,
    function() return tie.form end, function() return #tie end, function() return tie:members() end,
    function() tie:add_interaction("2025-02-01", nw.CALL) end, function() tie:remove() end,
  }
  for i, call in ipairs(calls) do
    local ok, err = pcall(call)
    assert(not ok, "call " .. i .. " succeeded")
    assert(type(err) == "table" and err.code == nw.ESTALE, "call " .. i .. ": " .. tostring(err))
  end
  equal(a.id, 1)  -- identities still work
  assert(a == a and a ~= b)
  equal(tostring(a), "netzwerk.Actor(1, stale)")
  equal(tostring(tie), "netzwerk.Tie(1, stale)")
  equal(tostring(net), "netzwerk.Network(closed)")
end)

test("closing in the middle of an iteration", function()
  local net = small()
  local seen = {}
  local ok, err = pcall(function()
    for actor in net:actors() do
      seen[#seen + 1] = actor.name
      net:close()
    end
  end)
  equal(ok, false)
  equal(err.code, nw.ESTALE)
  equal(#seen, 1)
end)

test("<close> closes at the end of the scope", function()
  local a
  do
    local net <close> = nw.Network("N")
    a = net:add_actor("A")
  end
  t.raises(nw.ESTALE, function() return a.name end)
end)

test("children keep their network alive", function()
  local a = nw.Network("N"):add_actor("A")
  local it
  do
    local net = nw.Network("L")
    net:add_actor("L1")
    it = net:actors()
  end
  local tie
  do
    local net = nw.Network("M")
    local x, y = net:add_actor("X"), net:add_actor("Y")
    tie = net:add_tie(nw.KONTAKT, {x, y}, "2025-01-01")
  end
  collectgarbage()
  collectgarbage()
  equal(a.name, "A")
  equal(it().name, "L1")
  equal(tie:members()[2].name, "Y")
  -- a member handed out by the tie keeps the network too
  local y = tie:member(2)
  tie = nil
  collectgarbage()
  equal(y.name, "Y")
end)

test("any order of collection", function()
  for round = 1, 30 do
    local net, a, b, c, tie = small()
    local objects = {net, a, b, c, tie, net:actors(), a:ties(), tie:member(1), a:dup()}
    if round % 2 == 0 then net:close() end
    net, a, b, c, tie = nil, nil, nil, nil, nil
    -- drop them in a shuffled order, collecting in between
    for i = #objects, 2, -1 do
      local j = (i * 7 + round) % i + 1
      objects[i], objects[j] = objects[j], objects[i]
    end
    for i = #objects, 1, -1 do
      objects[i] = nil
      collectgarbage()
    end
  end
end)

test("removed actors and ties", function()
  local net, a, b, c, tie = small()
  local again = net:actor("A")
  a:remove()
  for _, obj in ipairs{a, again} do
    t.raises(nw.ESTALE, function() return obj.name end)
    t.raises(nw.ESTALE, obj.add_interest, obj, "x")
    t.raises(nw.ESTALE, obj.remove, obj)
  end
  t.raises(nw.ESTALE, tie.add_member, tie, a)
  t.raises(nw.ESTALE, net.add_tie, net, nw.KONTAKT, {a, b}, "2025-01-01")
  equal(#tie, 2)
  equal(b.name, "B")
  tie:remove()
  t.raises(nw.ESTALE, tie.add_member, tie, c)
  t.raises(nw.ESTALE, function() tie.end_date = "2025-02-01" end)
  equal(b:tie_count(), 0)
  net:close()
end)

test("objects of another network", function()
  local net1, a1, b1, _, tie1 = small()
  local net2, a2 = small()
  t.raises(nw.EINVAL, net1.add_tie, net1, nw.KONTAKT, {a1, a2}, "2025-01-01")
  t.raises(nw.EINVAL, tie1.add_member, tie1, a2)
  t.raises(nw.EINVAL, tie1.remove_member, tie1, a2)
  t.raises(nw.EINVAL, tie1.has_member, tie1, a2)
  assert(a1 ~= a2)  -- same id, other network
  equal(a1:equals(a2), false)
  equal(#tie1, 3)
  net2:close()
  equal(b1.name, "B")
  net1:close()
end)

test("foreign values are refused", function()
  local net, a, _, _, tie = small()
  local foreign = {io.stdout, {}, "Actor", 1, true, print, coroutine.create(print)}
  for _, value in ipairs(foreign) do
    t.raises(nw.EINVAL, a.get_name, value)
    t.raises(nw.EINVAL, tie.has_member, tie, value)
    t.raises(nw.EINVAL, net.add_tie, net, nw.KONTAKT, {a, value}, "2025-01-01")
  end
  t.raises(nw.EINVAL, a.get_name, nil)
  -- actors and ties come from a network only: constructing one is refused
  local err = t.raises(nw.EINVAL, nw.Actor)
  equal(err.message, "a netzwerk.Actor cannot be constructed; use net:add_actor(name [, kind])"
    .. " or net:actor(id or name)")
  err = t.raises(nw.EINVAL, nw.Tie, net, nw.KONTAKT)
  assert(err.message:find("a netzwerk.Tie cannot be constructed; use net:add_tie(", 1, true),
    err.message)
  t.raises(nw.EINVAL, nw.Snapshot)
  t.raises(nw.EINVAL, nw.Figures)
  equal(nw.Network("constructible").name, "constructible")
  t.raises(nw.EINVAL, a.get_name, tie)    -- a tie is not an actor
  t.raises(nw.EINVAL, a.get_name, net)
  t.raises(nw.EINVAL, net.get_name, a)
  local it = net:actors()
  t.raises(nw.EINVAL, it.next, a)
  -- comparing with foreign values answers, never raises
  assert(a ~= tie and a ~= io.stdout and tie ~= a)
  net:close()
end)

test("metatables are hidden", function()
  local net, a, _, _, tie = small()
  equal(getmetatable(net), "netzwerk.Network")
  equal(getmetatable(a), "netzwerk.Actor")
  equal(getmetatable(tie), "netzwerk.Tie")
  equal(getmetatable(net:actors()), "netzwerk.ActorIter")
  equal(getmetatable(a:ties()), "netzwerk.TieIter")
  equal(getmetatable(nw.Actor), "netzwerk.Actor")
  equal(getmetatable(nw), "netzwerk")
  t.raises(nw.EINVAL, function() return a.__gc end)
  t.raises(nw.EINVAL, function() return a.__disown end)
  local ok = pcall(setmetatable, a, {})
  equal(ok, false)
  equal(swig_type, nil)      -- SWIG's globals read any userdata as its own
  equal(swig_equals, nil)
  net:close()
end)

test("a finalizer that reaches a finalized object gets a stale error", function()
  -- The holder is marked for finalization before the actor, and Lua calls
  -- finalizers in reverse order: the actor's __gc runs first.
  local result = {}
  local net = nw.Network("N")
  do
    local holder = setmetatable({}, {__gc = function(h)
      local ok, err = pcall(function() return h.actor.name end)
      result.ok, result.err = ok, err
    end})
    holder.actor = net:add_actor("A")
  end
  collectgarbage()
  collectgarbage()
  equal(result.ok, false)
  equal(result.err.code, nw.ESTALE)
  assert(result.err.message:find("finalized"), result.err.message)
  equal(net:actor(1).name, "A")  -- the actor itself is still in the network
  net:close()
end)

test("a large member list", function()
  local net <close> = nw.Network("Groß")
  local members = {}
  for i = 1, 500 do members[i] = net:add_actor("Person " .. i) end
  local group = net:add_tie(nw.GRUPPE, members, "2025-01-01")
  equal(#group, 500)
  equal(group:member(500).name, "Person 500")
end)

t.run()
