-- Handles until Lua's memory runs out. The table is big enough first, so
-- the allocation that fails is the userdata of a new actor handle: the
-- binding must free the handle (else it would leak and keep the host's
-- network alive as a zombie; the host checks that all memory came back).
-- Run with --lua-memory-only, so that libnetzwerk's allocations never fail.
local keep = {}
for i = 1, 100000 do
  keep[i] = false
end
local i = 0
while true do
  i = i + 1
  keep[i] = network:actor(1)
end
