-- Networks lent by a host application (netzwerk_lua_embed.h): a script can
-- read and change them but not close or free them. nw._host_network(name)
-- and nw._host_free(net) play the host (bindings/lua/netzwerk_lua.i);
-- examples/lua_host is the real one.
local nw = require "netzwerk"
local t = require "testing"
local test, equal = t.test, t.equal

test("a lent network is borrowed, a script's own network is not", function()
  local lent = nw._host_network("Netzwerk Nordstadt")
  local own <close> = nw.Network("Eigenes Netzwerk")
  equal(lent.borrowed, true, "lent.borrowed")
  equal(lent:is_borrowed(), true, "lent:is_borrowed()")
  equal(own.borrowed, false, "own.borrowed")
  equal(lent.closed, false, "lent.closed")
  equal(lent.name, "Netzwerk Nordstadt")
  nw._host_free(lent)
end)

test("the script can read and change a lent network", function()
  local net = nw._host_network("Netzwerk Nordstadt")
  net:add_topic("Sichere Schulwege")
  local juz = net:add_actor("Jugendzentrum Nordstadt", nw.ORGANISATION)
  local schule = net:add_actor("Grundschule am Lindenplatz", nw.ORGANISATION)
  local tie = net:add_tie(nw.KOOPERATION, {juz, schule}, "2025-02-01")
  tie:add_interaction("2025-03-04", nw.MEETING, "Planung")
  net.name = "Netzwerk Sichere Schulwege"
  equal(net:actor_count(), 2)
  equal(net:tie_count("strong"), 1)
  equal(net:actor("Grundschule am Lindenplatz").id, 2)
  equal(#net:tie(1):interactions(), 1)
  t.same(net:topics(), {"Sichere Schulwege"}, "topics")
  equal(net.name, "Netzwerk Sichere Schulwege")
  nw._host_free(net)
end)

test("closing a lent network raises nw.EBUSY and changes nothing", function()
  local net = nw._host_network("N")
  local a = net:add_actor("A")
  local err = t.raises(nw.EBUSY, net.close, net)
  assert(err.message:find("host application", 1, true), err.message)
  -- A to-be-closed variable closes at the end of its scope: that raises too.
  t.raises(nw.EBUSY, function()
    local n <close> = net
  end)
  equal(net.closed, false, "closed")
  equal(net:actor_count(), 1, "actor_count")
  equal(a.name, "A")
  nw._host_free(net)
end)

test("no script can reach the finalizer", function()
  local net = nw._host_network("N")
  equal(getmetatable(net), "netzwerk.Network")
  assert(not pcall(function() return getmetatable(net).__gc(net) end))
  equal(net:actor_count(), 0)
  nw._host_free(net)
end)

test("taken back: the object is stale, and so are its objects once the network is freed", function()
  local net = nw._host_network("N")
  local a, b = net:add_actor("A"), net:add_actor("B")
  local tie = net:add_tie(nw.KONTAKT, {a, b}, "2025-01-15")
  local it = net:actors()
  nw._host_free(net)
  local err = t.raises(nw.ESTALE, net.actor_count, net)
  assert(err.message:find("taken the network back", 1, true), err.message)
  t.raises(nw.ESTALE, net.add_actor, net, "C")
  t.raises(nw.ESTALE, function() return net.name end)
  t.raises(nw.ESTALE, function() return a.name end)
  t.raises(nw.ESTALE, function() return #tie end)
  t.raises(nw.ESTALE, it)
  equal(net.closed, true, "closed")
  equal(tostring(net), "netzwerk.Network(closed)")
  net:close()  -- nothing left to refuse: does nothing
  nw._host_free(net)  -- again: nothing happens
  equal(a.id, 1)
end)

test("lent objects collected in any order, before or after the host frees", function()
  for round = 1, 2 do
    local net = nw._host_network("N" .. round)
    local a, b = net:add_actor("A"), net:add_actor("B")
    local tie = net:add_tie(nw.GRUPPE, {a, b}, "2025-01-01")
    local it = tie:members()
    if round == 1 then
      nw._host_free(net)
    end
    net, a, b, tie, it = nil, nil, nil, nil, nil
    collectgarbage()
    collectgarbage()
  end
  -- Round 2's network is still the host's: freed when the state closes.
end)

test("_host_free takes only networks of the test host", function()
  local own <close> = nw.Network("Eigenes")
  t.raises(nw.EINVAL, nw._host_free, own)
  t.raises(nw.EINVAL, nw._host_free, {})
  t.raises(nw.EINVAL, nw._host_free, own:add_actor("A"))
  equal(own.closed, false)
end)

t.run()
