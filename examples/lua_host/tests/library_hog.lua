-- A hog of libnetzwerk's memory: a network of the script's own grows until
-- the library's allocations hit the cap. The library refuses with nw.ENOMEM
-- (a failed call changes nothing); the script passes the error on.
local nw = require "netzwerk"
local mine = nw.Network("Eigenes Netzwerk")
local padding = ("x"):rep(200)
local ok, err = pcall(function()
  local i = 0
  while true do
    i = i + 1
    mine:add_topic(("Thema %d %s"):format(i, padding))
  end
end)
assert(not ok)
assert(type(err) == "table" and err.code == nw.ENOMEM, "not the library's ENOMEM: " .. tostring(err))
mine:close()  -- gives the memory back: the library works again
assert(nw.Network("Neu"):add_actor("Anna Schmidt").id == 1)
error(err, 0)
