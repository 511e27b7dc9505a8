-- Loading and saving from Lua: native JSON, GraphML and CSV, files and
-- strings, options as tables, and errors with the position of a failed load
-- (counted by hand).
local nw = require "netzwerk"
local t = require "testing"
local test, equal, same, raises = t.test, t.equal, t.same, t.raises

local dir = t.tempdir()
local read = t.read

local function write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

-- Actors with several fields, ties of all forms, a log and a checklist;
-- actor 2 removed, so that identities have a gap.
local function rich()
  local net = nw.Network("Sichere Schulwege Nordstadt")
  net:add_topic("Schulweg")
  net:add_goal("sichere Wege")
  local juz = net:add_actor("Jugendzentrum Nordstadt", nw.ORGANISATION)
  juz:add_contact(nw.EMAIL, "juz@example.org")
  juz:set_attr("Träger", "Stadt")
  net:add_actor("Weggezogen"):remove()
  local schule = net:add_actor("Grundschule", nw.ORGANISATION)
  local anna = net:add_actor('Anna; "Elternrat"')
  anna:give_consent("2025-01-10")
  anna:add_interest("Spiel|platz")
  local eltern = net:add_actor("Elterninitiative", nw.GROUP)
  local laufbus = net:add_tie(nw.KOOPERATION, {juz, schule, anna}, "2025-02-01")
  laufbus.label = "Laufbus"
  laufbus:add_interaction("2025-03-04", nw.MEETING, "Planung")
  local cl = laufbus:checklist()
  cl:find("coop.goal").state = nw.ITEM_DONE
  local c = cl:add("Presse")
  c.responsible = eltern
  c.due = "2025-09-01"
  local contact = net:add_tie(nw.KONTAKT, {anna, juz}, "2025-01-15")
  contact.end_date = "2025-12-31"
  local fest = net:add_tie(nw.BEGEGNUNG, {eltern, schule}, "2025-05-01")
  fest.imposed = true
  net:add_tie(nw.GRUPPE, {eltern, anna}, "2025-06-01")
  return net
end

-- "id name" of the actors and "id form members start end imposed label" of the ties.
local function shape(net)
  local t = {}
  for a in net:actors() do t[#t + 1] = ("%d %s %d"):format(a.id, a.name, a.kind) end
  for tie in net:ties() do
    local ids = {}
    for i, m in ipairs(tie:members()) do ids[i] = m.id end
    t[#t + 1] = ("%d %d %s %s %s %s %s"):format(tie.id, tie.form, table.concat(ids, ","),
      tie.start_date, tostring(tie.end_date), tostring(tie.imposed), tie.label)
  end
  return t
end

test("native round trip", function()
  local net = rich()
  local path = dir .. "/netz.json"
  net:save(path)
  local text = read(path)
  assert(text:find('"format": "netzwerk"', 1, true), "format name")
  assert(text:find('"version": 1', 1, true), "format version")
  equal(nw.FORMAT_VERSION, 1)
  local loaded = nw.load(path)
  equal(tostring(loaded), 'netzwerk.Network("Sichere Schulwege Nordstadt": 4 actors, 4 ties)')
  same(shape(loaded), shape(net))
  equal(loaded:save_buffer(), text)  -- the same bytes again
  equal(net:save_buffer(), text)
  equal(loaded:actor(1):contacts()[1].value, "juz@example.org")
  equal(loaded:actor(1):attr("Träger"), "Stadt")
  equal(loaded:tie(1):interactions()[1].note, "Planung")
  local cl = loaded:tie(1):checklist()
  equal(cl:find("coop.goal").state, nw.ITEM_DONE)
  local items = cl:items()
  local presse = items[#items]
  equal(presse.label, "Presse")
  equal(presse.due, "2025-09-01")
  equal(presse.responsible, loaded:actor("Elterninitiative"))
  equal(loaded:add_actor("Neu").id, 6)  -- the counters came along
  loaded:close()
end)

test("strings and formats", function()
  local net = rich()
  local text = net:save_buffer()
  equal(nw.load_buffer(text):save_buffer(), text)
  equal(nw.load_buffer(text, {format = "native"}):save_buffer(), text)
  local graphml = net:save_buffer({format = nw.FORMAT_GRAPHML})
  equal(graphml:sub(1, 5), "<?xml")
  equal(net:save_buffer({format = "graphml"}), graphml)
  local g = nw.load_buffer(graphml)  -- found from the first character
  same(shape(g), shape(net))
  equal(#g:actor(1):contacts(), 0)  -- not exported to GraphML
  net:save(dir .. "/netz.graphml")
  equal(read(dir .. "/netz.graphml"), graphml)
  net:save(dir .. "/g.json", {format = "graphml", no_sync = true})
  local ok, err = pcall(nw.load, dir .. "/g.json")  -- by its name: native
  equal(ok, false)
  equal(err.code, nw.EFORMAT)
  same(shape(nw.load(dir .. "/g.json", {format = nw.FORMAT_GRAPHML})), shape(net))
  raises(nw.EFORMAT, nw.load, dir .. "/g.json", {format = "native"})
end)

test("GraphML options", function()
  local text = '<graphml>\n<key id="n" for="node" attr.name="name" attr.type="string"/>\n'
    .. '<graph>\n<node id="x"/>\n<node id="y"><data key="n">Y</data></node>\n'
    .. '<edge source="x" target="y"/>\n</graph>\n</graphml>'
  local err = raises(nw.EFORMAT, nw.load_buffer, text)
  equal(err.line, 6)  -- the edge without a start
  equal(err.column, nil)
  equal(err.where, "edge '(no id)'")
  local net = nw.load_buffer(text, {default_start = "2025-01-01", name = "Importiert"})
  equal(net.name, "Importiert")
  same(shape(net), {"1 x 0", "2 Y 0", "1 2 1,2 2025-01-01 nil false "})
  net = nw.load_buffer(text, {default_start = "2025-02-01", default_form = nw.BEGEGNUNG})
  equal(net.name, "Netzwerk")
  equal(net:tie(1).form, nw.BEGEGNUNG)
end)

test("CSV", function()
  local net = rich()
  local a, ti = dir .. "/actors.csv", dir .. "/ties.csv"
  net:save_csv(a, ti)
  local actors, ties = net:save_csv_buffer()
  equal(read(a), actors)
  equal(read(ti), ties)
  equal(actors:sub(1, 13), "id,kind,name,")
  assert(actors:find('\r\n4,person,"Anna; ""Elternrat""",', 1, true), actors)
  assert(ties:find("\r\n2,C,", 1, true), ties)
  local loaded = nw.load_csv(a, ti)
  same(shape(loaded), shape(net))
  same(shape(nw.load_csv_buffer(actors, ties)), shape(net))
  equal(nw.load_csv_buffer(actors):tie_count(), 0)
  equal(nw.load_csv(a):tie_count(), 0)
  net:save_csv(dir .. "/x.csv", dir .. "/y.csv", {csv_separator = ";", csv_bom = true})
  equal(read(dir .. "/x.csv"):sub(1, 16), "\xEF\xBB\xBFid;kind;name;")
  equal(read(dir .. "/y.csv"):sub(1, 19), "\xEF\xBB\xBFid;form;members;")
  same(shape(nw.load_csv(dir .. "/x.csv", dir .. "/y.csv")), shape(net))
  local excel = nw.load_csv(dir .. "/x.csv", nil, {csv_separator = ";", name = "Aus Excel"})
  equal(excel.name, "Aus Excel")
  net:save_csv(dir .. "/only.csv")
  equal(exists(dir .. "/only.csv"), true)
  local err = raises(nw.EFORMAT, nw.load_csv_buffer, "id,name\n1,A\n",
    "id,form,members,start\n1,B,A|Zoe,2025-01-01\n")
  equal(err.line, 2)
  equal(err.where, "ties.csv line 2, column members")
end)

test("errors carry the position", function()
  local path = dir .. "/kaputt.json"
  write(path, '{\n  "format": "netzwerk",\n  "version": 1,\n  "name": "N",\n  "actors": [,]\n}\n')
  local err = raises(nw.EFORMAT, nw.load, path)
  equal(err.line, 5)     -- '  "actors": [,]'
  equal(err.column, 14)  -- the comma
  equal(err.where, nil)
  equal(tostring(err), "netzwerk: malformed input: " .. err.message)
  equal(err.message:sub(1, 19), "line 5, column 14: ")
  err = raises(nw.EFORMAT, nw.load_buffer, '{"format": "netzwerk", "version": 1, "name": 5}')
  equal(err.where, "$.name")
  equal(err.line, nil)
  err = raises(nw.EIO, nw.load, dir .. "/fehlt.json")
  equal(err.line, nil)
  assert(err.message:find("fehlt.json", 1, true))
  raises(nw.EIO, nw.load_csv, dir .. "/fehlt.csv")
  local text = rich():save_buffer()
  raises(nw.ELIMIT, nw.load_buffer, text, {max_bytes = 100})
  raises(nw.ELIMIT, nw.load_buffer, text, {max_items = 10})  -- 8 + 3 partners + 1 items
  equal(nw.load_buffer(text, {max_items = 12, max_actors = 5, max_ties = 4}):actor_count(), 4)
  err = raises(nw.ELIMIT, nw.load_buffer, text, {max_depth = 2})
  assert(err.line ~= nil)
end)

test("saving can fail", function()
  local net = rich()
  raises(nw.EIO, net.save, net, dir .. "/kein/netz.json")
  raises(nw.EIO, net.save_csv, net, dir .. "/kein/a.csv")
  raises(nw.EIO, net.save, net, dir)  -- a folder
  equal(exists(dir .. "/kein"), false)
  net:close()
  raises(nw.ESTALE, net.save, net, dir .. "/n.json")
  raises(nw.ESTALE, net.save_buffer, net)
  raises(nw.ESTALE, net.save_csv, net, dir .. "/n.csv")
  raises(nw.ESTALE, net.save_csv_buffer, net)
  equal(exists(dir .. "/n.json"), false)
end)

test("bad arguments", function()
  local net = rich()
  local text = net:save_buffer()
  local calls = {
    function() return nw.load_buffer(text, {csv_separator = "x"}) end,
    function() return nw.load_buffer(text, {format = "docx"}) end,
    function() return nw.load_buffer(text, {format = 9}) end,
    function() return nw.load_buffer(text, {max_depth = -1}) end,
    function() return nw.load_buffer(text, {max_bytes = "1"}) end,
    function() return nw.load_buffer(text, {default_form = 4}) end,
    function() return nw.load_buffer(text, {default_start = "2025-02-30"}) end,
    function() return nw.load_buffer(text, {name = ""}) end,
    function() return nw.load_buffer(text, {maxactors = 3}) end,
    function() return nw.load_buffer(text, {[1] = 3}) end,
    function() return nw.load_buffer(text, "graphml") end,
    function() return nw.load_buffer(nil) end,
    function() return nw.load_buffer({}) end,
    function() return nw.load(42) end,
    function() return nw.load(nil) end,
    function() return net:save_buffer({no_sync = 1}) end,
    function() return net:save_buffer({sync = false}) end,
    function() return net:save_buffer({csv_separator = "|"}) end,
    function() return net:save_csv(dir .. "/a.csv", 5) end,
  }
  for i, call in ipairs(calls) do
    local ok, err = pcall(call)
    assert(not ok, "call " .. i .. " succeeded")
    assert(type(err) == "table" and err.code == nw.EINVAL, "call " .. i .. ": " .. tostring(err))
  end
end)

t.run()
