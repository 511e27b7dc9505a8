-- The Lua examples in README.md and bindings/lua/README.md run as printed
-- and print what the READMEs say they print.
local t = require "testing"

local here = arg[0]:match("^(.*)/") or "."
-- Each README and how many examples it has at least.
local readmes = {
  {path = here .. "/../../README.md", least = 1},
  {path = here .. "/../../bindings/lua/README.md", least = 2},
}

local function run(code, expected)
  local out = {}
  local env = setmetatable({
    print = function(...)
      local parts = table.pack(...)
      for i = 1, parts.n do parts[i] = tostring(parts[i]) end
      out[#out + 1] = table.concat(parts, "\t", 1, parts.n) .. "\n"
    end,
  }, {__index = _G})
  assert(load(code, "=README.md", "t", env))()
  t.equal(table.concat(out), expected, "output")
end

for _, readme in ipairs(readmes) do
  local text = assert(io.open(readme.path)):read("a")
  local examples = {}
  for code, expected in text:gmatch("```lua\n(.-)```%s*prints\n\n```\n(.-)```") do
    examples[#examples + 1] = {code = code, expected = expected}
  end
  assert(#examples >= readme.least, readme.path .. ": too few examples")
  for i, example in ipairs(examples) do
    t.test(readme.path:match("[^/]*/[^/]*$") .. " example " .. i,
      function() run(example.code, example.expected) end)
  end
end

t.run()
