-- A memory hog: a table of ever more strings. The memory cap stops it.
local t = {}
local i = 0
while true do
  i = i + 1
  t[i] = ("Netzwerkarbeit im Sozialraum "):rep(40) .. i
end
