-- A runaway that tries to outlive the instruction limit: it catches every
-- error, in pcall, in xpcall's handler and in coroutines, and goes on.
local function spin()
  while true do end
end
while true do
  pcall(spin)
  xpcall(spin, function(e) spin() return e end)
  coroutine.resume(coroutine.create(spin))
  pcall(pcall, pcall, spin)
end
