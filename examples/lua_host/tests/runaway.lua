-- A runaway script: the instruction limit stops it.
while true do end
