-- testing.lua: helpers for the Lua binding tests (plain lua5.4 and assert).
--
--   local t = require "testing"
--   t.test("name", function() ... end)
--   t.raises(nw.ENOTFOUND, function() ... end)
--   t.run()   -- exits 1 if a test failed
local M = {}
local tests = {}
local dirs = {}

-- A new private directory for a test file's files, removed by M.run().
function M.tempdir()
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -m 700 " .. dir))
  dirs[#dirs + 1] = dir
  return dir
end

-- The whole content of a file, as bytes.
function M.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

function M.test(name, fn)
  tests[#tests + 1] = {name = name, fn = fn}
end

-- Call fn(...) and check that it raises the netzwerk error `code`; returns it.
function M.raises(code, fn, ...)
  local ok, err = pcall(fn, ...)
  assert(not ok, "expected an error, the call succeeded")
  assert(type(err) == "table", "expected an error table, got: " .. tostring(err))
  assert(err.code == code, ("expected code %d, got %s (%s)"):format(code, tostring(err.code),
    tostring(err)))
  assert(type(err.message) == "string" and #err.message > 0, "error without message")
  return err
end

function M.equal(actual, expected, what)
  if actual ~= expected then
    error(("%s: expected %s, got %s"):format(what or "value", tostring(expected),
      tostring(actual)), 2)
  end
end

-- Compare two lists element by element.
function M.same(actual, expected, what)
  M.equal(#actual, #expected, (what or "list") .. " length")
  for i = 1, #expected do
    M.equal(actual[i], expected[i], ("%s[%d]"):format(what or "list", i))
  end
end

function M.run()
  local failed = 0
  for _, t in ipairs(tests) do
    local ok, err = xpcall(t.fn, function(e) return debug.traceback(tostring(e), 2) end)
    collectgarbage()
    if ok then
      print("ok   " .. t.name)
    else
      failed = failed + 1
      print("FAIL " .. t.name .. "\n" .. err)
    end
  end
  print(("%d tests, %d failed"):format(#tests, failed))
  for _, dir in ipairs(dirs) do
    assert(os.execute("rm -rf " .. dir))
  end
  -- Close the state, so that every object is finalized (in any order) too.
  os.exit(failed == 0, true)
end

return M
