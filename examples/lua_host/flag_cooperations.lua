-- flag_cooperations.lua: flag the cooperations that are not well agreed
-- (gut vereinbart) and call a meeting for the first of them.
--
-- Run by the host application: lua_host ../data/nordstadt.json flag_cooperations.lua
-- In its sandbox, `network` is the host's own network, lent to this script
-- (it can read and change it but not close it), and `today` the date to
-- judge by. The script returns a report, which the host prints and checks.
local nw = require "netzwerk"

local flagged = {}
for tie in network:ties(nw.KOOPERATION) do
  local well_agreed, unsettled = tie:checklist():well_agreed(today)
  if not well_agreed then
    -- Why not: the unsettled items of the checklist.
    local reasons = {}
    for i, item in ipairs(unsettled) do
      local reason = item.label
      if item.partner then
        reason = reason .. ": " .. item.partner.name
      end
      if item:overdue(today) then
        reason = reason .. " (überfällig)"
      end
      reasons[i] = reason
    end
    flagged[#flagged + 1] = {tie = tie.id, label = tie.label, reasons = reasons}
  end
end

-- The coordinator follows up the first one with a meeting today.
local followed_up
if #flagged > 0 then
  local first = flagged[1]
  local note = ("Klärungsgespräch zur Vereinbarung: %d offene Punkte"):format(#first.reasons)
  network:tie(first.tie):add_interaction(today, nw.MEETING, note)
  followed_up = {tie = first.tie, note = note}
end

return {flagged = flagged, followed_up = followed_up}
