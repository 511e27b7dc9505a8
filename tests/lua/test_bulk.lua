-- The bulk load from Lua: net:reserve, net:add_actors, net:add_ties. A bulk
-- load gives the same network as adding one by one (the native files are
-- byte-equal); every failure raises its error table and leaves the network
-- as it was (counts, and the identities the next call gets).
local nw = require "netzwerk"
local t = require "testing"
local test, equal, same = t.test, t.equal, t.same

local START = "2025-03-01"

-- Names, kinds and {form, a, b, start} ties over actor identities 1..n, from
-- a small linear congruential generator (the same plan on every run).
local function plan(n, m)
  local seed = 7
  local function rand(k)
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % k
  end
  local names, kinds, ties = {}, {}, {}
  for i = 1, n do
    names[i] = "Akteur " .. i
    kinds[i] = rand(3)
  end
  for i = 1, m do
    local a = rand(n) + 1
    local b = (a + rand(n - 1)) % n + 1  -- never a
    ties[i] = {rand(4), a, b, nw.date_from_days(nw.days("2024-01-01") + rand(400))}
  end
  return names, kinds, ties
end

test("the same network as one by one", function()
  local names, kinds, ties = plan(30, 90)
  local one = nw.Network("Plan")
  for i, name in ipairs(names) do one:add_actor(name, kinds[i]) end
  for _, tie in ipairs(ties) do one:add_tie(tie[1], {one:actor(tie[2]), one:actor(tie[3])}, tie[4]) end

  local bulk = nw.Network("Plan")
  bulk:reserve(#names, #ties)
  -- Runs of one kind, and of one form and start date, in one call each;
  -- pairs nested and flat by turns.
  local ids, i = {}, 1
  while i <= #names do
    local j, run = i, {}
    while j <= #names and kinds[j] == kinds[i] do
      run[#run + 1] = names[j]
      j = j + 1
    end
    for _, id in ipairs(bulk:add_actors(run, kinds[i])) do ids[#ids + 1] = id end
    i = j
  end
  equal(#ids, #names)
  for k = 1, #ids do equal(ids[k], k, "actor id") end
  local got, calls = {}, 0
  i = 1
  while i <= #ties do
    local j, nested, flat = i, {}, {}
    while j <= #ties and ties[j][1] == ties[i][1] and ties[j][4] == ties[i][4] do
      nested[#nested + 1] = {ties[j][2], ties[j][3]}
      flat[#flat + 1] = ties[j][2]
      flat[#flat + 1] = ties[j][3]
      j = j + 1
    end
    calls = calls + 1
    local new = bulk:add_ties(ties[i][1], calls % 2 == 0 and nested or flat, ties[i][4])
    for _, id in ipairs(new) do got[#got + 1] = id end
    i = j
  end
  for k = 1, #ties do equal(got[k], k, "tie id") end
  equal(#got, #ties)
  equal(bulk:save_buffer(), one:save_buffer())
end)

test("identities, Actors, kinds", function()
  local net = nw.Network("N")
  same(net:add_actors({}), {})
  same(net:add_actors({"A", "B"}), {1, 2})
  same(net:add_actors({"C", "Ü"}, nw.GROUP), {3, 4})
  equal(net:actor(2).kind, nw.PERSON)
  equal(net:actor(4).kind, nw.GROUP)
  equal(net:actor(4).name, "Ü")
  for _, id in ipairs(net:add_actors({"O"}, nw.ORGANISATION)) do equal(id, 5) end
  net:add_tie(nw.GRUPPE, {net:actor(1), net:actor(2), net:actor(3)}, START)  -- tie 1
  same(net:add_ties(nw.KOOPERATION, {}, START), {})
  local a, c = net:actor(1), net:actor("C")
  local ids = net:add_ties(nw.KOOPERATION, {{1, 2}, {a, c}, {c, 4}, {4, 1}}, START)
  same(ids, {2, 3, 4, 5})
  local members = {}
  for k, id in ipairs(ids) do
    local tie = net:tie(id)
    equal(tie.form, nw.KOOPERATION)
    equal(tie.start_date, START)
    local m = tie:members()
    members[k] = m[1].id .. "-" .. m[2].id
  end
  same(members, {"1-2", "1-3", "3-4", "1-4"})
  -- a flat list, with Actors; the same pair twice is two ties
  same(net:add_ties(nw.BEGEGNUNG, {a, 2, 1, net:actor(2)}, START), {6, 7})
  equal(net:actor(1):tie_count(), 6)
  equal(net:tie_count(nw.KOOPERATION), 4)
  net:reserve()
  net:reserve(10)
  net:reserve(nil, 10)
  net:reserve(10, 10)
end)

-- Each failure: the error code (and text), nothing changed, no identity used.
test("errors change nothing", function()
  local other = nw.Network("O")
  local stranger = other:add_actor("X")
  local function fresh()
    local net = nw.Network("N")
    net:add_actors({"A", "B", "C", "D"})
    net:actor(4):remove()                            -- actor 4 is gone
    net:add_tie(nw.KONTAKT, {net:actor(1), net:actor(2)}, START)  -- tie 1
    return net
  end
  local function check(code, text, method, ...)
    local net = fresh()
    local err = t.raises(code, net[method], net, ...)
    if text then
      assert(err.message:find(text, 1, true), ("%q not in %q"):format(text, err.message))
    end
    equal(net:actor_count(), 3, "actors after " .. err.message)
    equal(net:tie_count(), 1, "ties after " .. err.message)
    same(net:add_actors({"E"}), {5})
    same(net:add_ties(nw.KONTAKT, {{1, 5}}, START), {2})
  end
  local B = nw.KOOPERATION
  check(nw.ENOTFOUND, "pairs[3][2]: no actor 9", "add_ties", B, {{1, 2}, {2, 3}, {3, 9}}, START)
  check(nw.ENOTFOUND, "pairs[6]: no actor 9", "add_ties", B, {1, 2, 2, 3, 3, 9}, START)
  check(nw.ENOTFOUND, "pairs[1][1]: actor 4 was removed", "add_ties", B, {{4, 1}}, START)
  check(nw.ENOTFOUND, "pairs[2]: no actor 0", "add_ties", B, {1, 0}, START)
  check(nw.EINVAL, "pairs[2]: actor 3 is given twice", "add_ties", B, {{1, 2}, {3, 3}}, START)
  check(nw.EINVAL, "pairs[3] and pairs[4]: actor 3 is given twice", "add_ties", B,
    {1, 2, 3, 3}, START)
  check(nw.EINVAL, "pairs[2][1]: the actor is of another network", "add_ties", B,
    {{1, 2}, {stranger, 2}}, START)
  check(nw.EINVAL, "pairs[1]: a pair has 2 actors, not 3", "add_ties", B, {{1, 2, 3}}, START)
  check(nw.EINVAL, "pairs[2]: expected a pair {a, b}, got number", "add_ties", B, {{1, 2}, 3},
    START)
  check(nw.EINVAL, "a flat list of pairs has an even length, not 3", "add_ties", B, {1, 2, 3},
    START)
  check(nw.EINVAL, "pairs[1][2]: not an actor identity", "add_ties", B, {{1, -1}}, START)
  check(nw.EINVAL, "pairs[1]: not an actor identity", "add_ties", B, {2^32 // 1, 1}, START)
  check(nw.EINVAL, "pairs[2]: expected an integer, got a fraction", "add_ties", B, {1, 2.5},
    START)
  check(nw.EINVAL, "pairs[1][2]: expected an actor identity or an Actor, got string",
    "add_ties", B, {{1, "B"}}, START)
  check(nw.EINVAL, "pairs[1]: expected an actor identity or an Actor, got boolean",
    "add_ties", B, {true, 1}, START)
  check(nw.EINVAL, "expected a list of pairs, got string", "add_ties", B, "12", START)
  check(nw.EINVAL, nil, "add_ties", B, {{1, 2}}, "2025-02-30")
  check(nw.EINVAL, nil, "add_ties", 7, {{1, 2}}, START)
  check(nw.EINVAL, "expected Actor", "add_ties", B, {{1, io.stdout}}, START)

  check(nw.EEXISTS, "names[2]: 'B' is taken by actor 2", "add_actors", {"X", "B"})
  check(nw.EEXISTS, "names[1] and names[3] are the same name 'X'", "add_actors", {"X", "Y", "X"})
  check(nw.EINVAL, "names[2]", "add_actors", {"X", ""})
  check(nw.EINVAL, "names[1]: text contains a NUL byte", "add_actors", {"X\0"})
  check(nw.EINVAL, "names[2]: expected a string, got number", "add_actors", {"X", 2})
  check(nw.EINVAL, "expected a list of names, got string", "add_actors", "XY")
  check(nw.EINVAL, nil, "add_actors", {"X"}, 9)

  check(nw.EINVAL, "out of range", "reserve", -1)
  check(nw.EINVAL, "out of range", "reserve", 0, -5)
  check(nw.EINVAL, "expected an integer", "reserve", "5")
  check(nw.ELIMIT, nil, "reserve", 2^33 // 1)
  check(nw.ELIMIT, nil, "reserve", 0, 2^33 // 1)

  -- an Actor of a closed network is still of another network
  other:close()
  check(nw.EINVAL, "of another network", "add_ties", B, {{stranger, 2}}, START)
  -- a closed network
  local closed = nw.Network("C")
  closed:close()
  t.raises(nw.ESTALE, closed.add_ties, closed, B, {{1, 2}}, START)
  t.raises(nw.ESTALE, closed.add_actors, closed, {"X"})
  t.raises(nw.ESTALE, closed.reserve, closed, 1, 1)
end)

t.run()
