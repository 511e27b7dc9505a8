-- A script that tries what the sandbox forbids and misuses the lent network
-- and handles. Every attempt must fail with an error (never a crash), and
-- the host's network must stay as it was (the host checks --unchanged).
local nw = require "netzwerk"

local function fails(what, f, ...)
  local ok, err = pcall(f, ...)
  assert(not ok, what .. ": did not fail")
  return err
end

local function code(what, expected, f, ...)
  local err = fails(what, f, ...)
  assert(type(err) == "table" and err.code == expected,
    what .. ": expected code " .. expected .. ", got " .. tostring(err))
  return err
end

-- The environment: no way out to the system or to the real globals.
for _, name in ipairs{"os", "io", "package", "debug", "dofile", "loadfile", "collectgarbage",
                      "warn"} do
  assert(_G[name] == nil, name .. " is reachable")
end
assert(_G == _ENV)
for _, name in ipairs{"os", "io", "debug", "package", "lpeg"} do
  fails("require " .. name, require, name)
end
assert(string.dump == nil)
assert(getmetatable("") == "string", "the string metatable is visible")
fails("__gc", setmetatable, {}, {__gc = function() while true do end end})
assert(getmetatable(setmetatable({}, {__index = {}})) ~= nil)  -- other metatables are fine

-- Text only: a binary chunk is refused, also when made through ("").dump.
local binary = ("").dump(function() return 1 end)
local f, msg = load(binary)
assert(f == nil and msg:find("binary"), "a binary chunk was loaded")
assert(load("return network.name")() == network.name)  -- text is fine, with the same globals
fails("load of a function", load, function() return nil end)

-- The lent network cannot be closed or freed.
assert(network.borrowed == true and network.closed == false)
local err = code("close", nw.EBUSY, network.close, network)
assert(err.message:find("host application", 1, true))
code("<close>", nw.EBUSY, function() local n <close> = network end)
pcall(function() network.close = function() end end)
code("close after replacing it", nw.EBUSY, network.close, network)
assert(getmetatable(network) == "netzwerk.Network")
fails("__gc by hand", function() getmetatable(network).__gc(network) end)
code("the test host's free", nw.EINVAL, nw._host_free, network)
assert(network.closed == false and network:actor_count() > 0)

-- Misused handles and arguments raise errors and change nothing.
local before_actors, before_ties = network:actor_count(), network:tie_count()
local first = network:actor(1)
code("unknown actor", nw.ENOTFOUND, network.actor, network, 999)
code("unknown name", nw.ENOTFOUND, network.actor, network, "Niemand")
code("a name used twice", nw.EEXISTS, network.add_actor, network, first.name)
code("a string as member", nw.EINVAL, network.add_tie, network, nw.KONTAKT, {first, "x"}, today)
code("a bad date", nw.EINVAL, network.add_tie, network, nw.KONTAKT, {first, network:actor(2)}, "2025-13-01")
code("a float id", nw.EINVAL, network.actor, network, 1.5)
code("a file handle as actor", nw.EINVAL, network.add_tie, network, nw.KONTAKT, {first, {}}, today)
local own = nw.Network("Eigenes Netzwerk")
local stranger = own:add_actor("Fremde Person")
code("an actor of another network", nw.EINVAL, network.add_tie, network, nw.KONTAKT,
  {first, stranger}, today)
own:close()
code("an actor of a closed network", nw.ESTALE, function() return stranger.name end)
code("calling a method on the wrong class", nw.EINVAL, first.get_name, network)
fails("a method without self", first.get_name)
local it = network:actors()
while it() do end
assert(it() == nil)  -- an exhausted iterator stays exhausted
assert(network:actor_count() == before_actors and network:tie_count() == before_ties)
print("misuse.lua: every misuse raised an error")
