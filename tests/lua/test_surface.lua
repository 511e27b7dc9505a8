-- The whole surface of the module, found by walking it (so that a newly
-- wrapped function cannot slip through):
-- 1. every function and field is exercised by another test file here;
-- 2. every C method given something that is not its object raises an
--    nw.EINVAL error table, and every function given a value of a wrong
--    type in any argument raises a catchable error: never a crash.
local nw = require "netzwerk"
local t = require "testing"
local test, equal = t.test, t.equal

local here = arg[0]:match("^(.*)/") or "."
local SWIG = debug.getregistry().SWIG  -- the class metatables (hidden from scripts)

-- The classes a script gets objects of; the analysis result classes
-- (Values, Ids, Bridges, ...) only ever reach the Lua layer, which turns
-- them into tables (test_analysis.lua checks those).
local VISIBLE = {"Network", "Actor", "Tie", "ActorIter", "TieIter", "Checklist", "Report",
                 "Snapshot"}
local INTERNAL = {Values = true, Ids = true, Bridges = true, Touches = true, Timeline = true,
                  Bridge = true, Touch = true, Figures = true, StrengthTerms = true, Pair = true,
                  Change = true}

-- The text of the other test files.
local corpus
do
  local parts = {}
  local list = assert(io.popen('ls "' .. here .. '"'))
  for name in list:lines() do
    if name:match("^test_.*%.lua$") and name ~= "test_surface.lua" then
      local f = assert(io.open(here .. "/" .. name))
      parts[#parts + 1] = f:read("a")
      f:close()
    end
  end
  list:close()
  corpus = table.concat(parts, "\n")
end

local function mentioned(name)
  -- obj:name(, obj.name, nw.name, net.name, ...: a call or a field access
  return corpus:find("[.:]" .. name .. "[^%w_]") ~= nil
end

local function sorted_keys(tbl, only_functions)
  local keys = {}
  for k, v in pairs(tbl) do
    if type(k) == "string" and (not only_functions or type(v) == "function") then
      keys[#keys + 1] = k
    end
  end
  table.sort(keys)
  return keys
end

test("every class is known to this test", function()
  for _, name in ipairs(sorted_keys(SWIG)) do
    if name ~= ".library" then
      local known = INTERNAL[name]
      for _, v in ipairs(VISIBLE) do known = known or v == name end
      assert(known, "new class " .. name .. ": add it to VISIBLE or INTERNAL")
    end
  end
end)

test("every function and field is exercised by a test", function()
  local missing = {}
  for _, name in ipairs(sorted_keys(nw, true)) do
    if not mentioned(name) then missing[#missing + 1] = "nw." .. name end
  end
  for _, class in ipairs(VISIBLE) do
    local mt = SWIG[class]
    for _, name in ipairs(sorted_keys(mt[".fn"], true)) do
      if not mentioned(name) then missing[#missing + 1] = class .. ":" .. name end
    end
    for _, name in ipairs(sorted_keys(mt[".get"], true)) do
      if not mentioned(name) then missing[#missing + 1] = class .. "." .. name end
    end
  end
  assert(#missing == 0, "not exercised: " .. table.concat(missing, ", "))
end)

-- One object of each visible class.
local function objects()
  local net = nw.Network("N")
  local a, b = net:add_actor("A"), net:add_actor("B")
  local tie = net:add_tie(nw.KOOPERATION, {a, b}, "2025-01-01")
  return {
    Network = net, Actor = a, Tie = tie, ActorIter = net:actors(), TieIter = net:ties(),
    Checklist = tie:checklist(), Report = net:validate("2025-06-01"),
    Snapshot = net:snapshot("2025-06-01"),
  }
end

-- The numbers of arguments a C function takes: SWIG checks them first and
-- says so in a string error, before it looks at any argument.
local function arity(fn)
  if debug.getinfo(fn, "S").what ~= "C" then
    local info = debug.getinfo(fn, "u")
    return info.nparams, info.nparams, false
  end
  local ok, err = pcall(fn, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
  assert(not ok and type(err) == "string", "no argument count check: " .. tostring(err))
  local lo, hi = err:match("expected (%d+)%.%.(%d+) args")
  return tonumber(lo), tonumber(hi), true
end

-- Call fn with `value` at position k and nil elsewhere (n arguments).
local function call_with(fn, n, k, value, self)
  local args = {self}
  args[k] = value
  return pcall(fn, table.unpack(args, 1, n))
end

test("a method called on something else raises nw.EINVAL", function()
  local obj = objects()
  local strangers = {{}, io.stdout, "Network", 42, true, coroutine.create(print)}
  for _, class in ipairs(VISIBLE) do
    -- an object of another class is a stranger too
    local other = class == "Actor" and obj.Tie or obj.Actor
    for _, name in ipairs(sorted_keys(SWIG[class][".fn"], true)) do
      local fn = SWIG[class][".fn"][name]
      local lo, _, is_c = arity(fn)
      for _, stranger in ipairs{other, table.unpack(strangers)} do
        local ok, err = call_with(fn, math.max(lo, 1), 1, stranger)
        assert(not ok, ("%s:%s accepted a %s as its object"):format(class, name, type(stranger)))
        if is_c then
          assert(type(err) == "table" and err.code == nw.EINVAL,
            ("%s:%s: %s"):format(class, name, tostring(err)))
        end
      end
    end
  end
end)

test("a wrong type in any argument raises a catchable error", function()
  local obj = objects()
  local co = coroutine.create(print)  -- no function takes a coroutine
  local function sweep(label, fn, self)
    local lo, hi, is_c = arity(fn)
    local first = self and 2 or 1
    for k = first, hi do
      local ok, err = call_with(fn, math.max(lo, k), k, co, self)
      assert(not ok, ("%s accepted a coroutine as argument %d"):format(label, k))
      if is_c then
        assert(type(err) == "table" and err.code == nw.EINVAL and #err.message > 0,
          ("%s argument %d: %s"):format(label, k, tostring(err)))
      else
        assert(type(err) == "table" or type(err) == "string", label)
      end
    end
  end
  for _, name in ipairs(sorted_keys(nw, true)) do
    if name:sub(1, 1) ~= "_" then sweep("nw." .. name, nw[name]) end
  end
  for _, class in ipairs(VISIBLE) do
    for _, name in ipairs(sorted_keys(SWIG[class][".fn"], true)) do
      sweep(class .. ":" .. name, SWIG[class][".fn"][name], obj[class])
    end
  end
  -- nothing was changed by the failed calls
  equal(obj.Network:actor_count(), 2)
  equal(obj.Network:tie_count(), 1)
  equal(obj.Network.closed, false)
end)

t.run()
