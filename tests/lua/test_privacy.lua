-- Data protection from Lua (bindings/privacy.i and the "privacy (issue 8)"
-- part of netzwerk.lua): consent records, erasure, access export,
-- pseudonymised copies and the consent filter of saving. Validity is worked
-- out by hand from the rule in docs/data-protection.md; the pseudonym below
-- was computed independently with Python's hmac module:
--   hmac.new(KEY, b"actor-\0" + "Maria Müller".encode(), sha256).hexdigest()[:20]
local nw = require "netzwerk"
local t = require "testing"
local test, equal, same, raises = t.test, t.equal, t.same, t.raises

local KEY = "ein geheimer Schlüssel für Tests"
local KEY2 = "another key of 16+ bytes"

local dir = t.tempdir()
local read = t.read

-- Plain-text search (ASCII letters without case).
local function has(hay, needle)
  return hay:lower():find(needle:lower(), 1, true) ~= nil
end

-- Maria (1) in a cooperation with a school (2) and a youth centre (3), in a
-- contact with Ben (4); texts elsewhere mention her.
local function world()
  local net = nw.Network("Schulweg Nordstadt")
  net:add_topic("Sichere Schulwege")
  net:add_goal("Schulwegplan mit Maria Müller")
  local maria = net:add_actor("Maria Müller")
  maria:add_contact(nw.EMAIL, "maria.mueller@example.org")
  maria:add_contact(nw.PHONE, "0511 987654")
  maria:add_interest("Sichere Schulwege")
  maria:set_attr("Hinweis", "Allergie gegen Nüsse")
  maria:give_consent("2025-01-10", {source = "Anmeldebogen", note = "Ordner 7",
                                    text = "Ich willige ein."})
  local schule = net:add_actor("Grundschule am Park", nw.ORGANISATION)
  schule:set_attr("Ansprechperson", "Maria Müller")
  local juz = net:add_actor("Jugendzentrum Ost", nw.ORGANISATION)
  local ben = net:add_actor("Ben Okafor")
  ben:add_contact(nw.OTHER, "über Maria erreichbar")
  for _, a in ipairs({schule, juz, ben}) do a:give_consent("2025-01-01") end
  local coop = net:add_tie(nw.KOOPERATION, {maria, schule, juz}, "2025-02-01")
  coop.label = "Schulwegplan"
  coop:add_interaction("2025-03-01", nw.MEETING, "Maria Müller stellt den Plan vor")
  local contact = net:add_tie(nw.KONTAKT, {maria, ben}, "2025-01-15")
  contact:add_interaction("2025-01-20", nw.MEETING, "Café Lindenblüte")
  return net, maria
end

test("consent records and validity", function()
  local net = nw.Network("Netz")
  local a = net:add_actor("Anna")
  same(a:consents(), {}, "no records")
  -- purpose "Newsletter": r1 opt-in 2025-01-01; r2 opt-out 2025-06-01;
  -- r3 opt-in 2025-09-01 expiring 2026-01-01. Of the records in force on a
  -- day, the one given last decides.
  equal(a:give_consent("2025-01-01", {purpose = "Newsletter", source = "Formular",
                                      text = "Ja, bitte.", note = "per Post"}), 1, "index")
  equal(a:give_consent("2025-06-01", {purpose = "Newsletter", type = nw.CONSENT_OPT_OUT}), 2)
  equal(a:give_consent("2025-09-01", {purpose = "Newsletter", expires = "2026-01-01"}), 3)
  local cases = {{"2024-12-31", false}, {"2025-01-01", true}, {"2025-05-31", true},
                 {"2025-06-01", false}, {"2025-09-01", true}, {"2025-12-31", true},
                 {"2026-01-01", false}}
  for _, c in ipairs(cases) do equal(a:has_consent(c[1], "Newsletter"), c[2], c[1]) end
  equal(a:has_consent("2025-02-01"), false, "no consent to take part")
  equal(a:has_consent("2025-02-01", "newsletter"), false, "purposes are exact")

  local r = a:consents()
  equal(#r, 3, "records")
  equal(r[1].index, 1)
  equal(r[1].given, "2025-01-01")
  equal(r[1].type, nw.CONSENT_OPT_IN)
  equal(r[1].purpose, "Newsletter")
  equal(r[1].source, "Formular")
  equal(r[1].text, "Ja, bitte.")
  equal(r[1].note, "per Post")
  equal(r[1].expires, nil)
  equal(r[1].withdrawn, nil)
  equal(r[2].type, nw.CONSENT_OPT_OUT)
  equal(r[2].source, "", "absent text")
  equal(r[3].expires, "2026-01-01")

  -- taking the objection back lets r1 decide again; recorded, not deleted
  a:withdraw_consent("2026-02-01", 2)
  equal(#a:consents(), 3, "still three records")
  equal(a:consents()[2].withdrawn, "2026-02-01")
  equal(a:has_consent("2026-02-01", "Newsletter"), true)
  equal(a:has_consent("2025-07-01", "Newsletter"), false, "the past stays")

  -- Positions count from 1 in Lua, in messages too: record 4 of 3.
  local err = raises(nw.ENOTFOUND, a.withdraw_consent, a, "2026-03-01", 4)
  equal(err.message:match("consent index %d+ is out of range %(there are %d+%)"),
        "consent index 4 is out of range (there are 3)")
  err = raises(nw.ENOTFOUND, a.consent_type, a, 4)
  equal(err.message:match("consent index %d+"), "consent index 4")
  equal(a:consents()[3].withdrawn, nil, "nothing withdrawn by the failed call")
end)

test("general consent shorthands", function()
  local net = nw.Network("Netz")
  local a = net:add_actor("Anna")
  equal(a:give_consent("2025-01-01"), 1)
  equal(a:has_consent("2025-01-01"), true)
  a:withdraw_consent("2025-03-01")
  local given, withdrawn = a:consent()
  equal(given, "2025-01-01")
  equal(withdrawn, "2025-03-01")
  equal(a:has_consent("2025-03-01"), false)
  equal(a:has_consent("2025-02-28"), true)
  a:give_consent("2025-05-01")
  equal(#a:consents(), 2, "the withdrawn record stays")
  equal(a:has_consent("2025-05-01"), true)
  a:give_consent("2024-01-01", {purpose = "Fotos", withdrawn = "2024-06-01"})
  equal(a:has_consent("2024-05-31", "Fotos"), true)
  equal(a:has_consent("2025-01-01", "Fotos"), false)
end)

test("consent errors", function()
  local net = nw.Network("Netz")
  local a = net:add_actor("Anna Schmidt")
  raises(nw.EINVAL, a.give_consent, a, "2025-01-01", {expires = "2025-01-01"})
  raises(nw.EINVAL, a.give_consent, a, "2025-01-01", {withdrawn = "2024-12-31"})
  local err = raises(nw.EINVAL, a.give_consent, a, "2025-01-01",
                     {purpose = "Newsletter\nan Anna Schmidt"})
  assert(not err.message:find("Anna", 1, true), err.message)
  raises(nw.EINVAL, a.give_consent, a, nil)
  raises(nw.EINVAL, a.give_consent, a, "2025-01-01", {type = 7})
  raises(nw.EINVAL, a.give_consent, a, "2025-01-01", {purpse = "typo"})
  raises(nw.EINVAL, a.give_consent, a, "2025-01-01", "Newsletter")
  raises(nw.EINVAL, a.give_consent, a, "2025-31-01")
  equal(#a:consents(), 0, "nothing was added")
  raises(nw.EINVAL, a.withdraw_consent, a, "2025-02-01") -- no general consent
  a:give_consent("2025-01-01")
  raises(nw.ENOTFOUND, a.withdraw_consent, a, "2025-02-01", 2)
  raises(nw.ENOTFOUND, a.withdraw_consent, a, "2025-02-01", 0)
  raises(nw.EINVAL, a.withdraw_consent, a, "2024-12-31", 1) -- before it was given
  a:withdraw_consent("2025-02-01", 1)
  raises(nw.EINVAL, a.withdraw_consent, a, "2025-03-01", 1) -- withdrawn already
  raises(nw.EINVAL, a.has_consent, a, nil)
  raises(nw.EINVAL, a.has_consent, a, "2025-01-01", 42)
  a:remove()
  raises(nw.ESTALE, a.consents, a)
  raises(nw.ESTALE, a.give_consent, a, "2025-01-01")
  raises(nw.ESTALE, a.has_consent, a, "2025-01-01")
  raises(nw.ESTALE, a.erase, a)
  raises(nw.ESTALE, a.export, a)
end)

test("erase, then save and search every byte", function()
  local net, maria = world()
  local needles = {"Maria", "Müller", "maria.mueller@example.org", "0511 987654", "Nüsse",
                   "Anmeldebogen", "Ordner 7", "Ich willige ein", "Café Lindenblüte"}
  local before = dir .. "/before.json"
  net:save(before)
  assert(has(read(before), "Maria Müller") and has(read(before), "Ordner 7"))
  -- By hand: the network's goal, the school's attribute, Ben's other
  -- contact, the cooperation's note.
  equal(maria:erase(), 4, "texts redacted")
  raises(nw.ESTALE, function() return maria.name end)
  for _, name in ipairs({"after.json", "after.graphml"}) do
    local path = dir .. "/" .. name
    net:save(path)
    local data = read(path)
    assert(has(data, "Grundschule am Park"), "the search works")
    for _, needle in ipairs(needles) do
      assert(not has(data, needle), name .. " still contains " .. needle)
    end
  end
  local actors, ties = net:save_csv_buffer()
  for _, needle in ipairs(needles) do assert(not has(actors .. ties, needle), needle) end
  equal(net:actor_count(), 3)
  equal(net:tie_count(), 1, "the contact of two went with her")
  local coop = net:tie(1)
  same({coop:member(1).id, coop:member(2).id}, {2, 3}, "the other two stay")
  local _, _, note = coop:interaction(1)
  equal(note, "[…] stellt den Plan vor")
  equal(net:actor("Grundschule am Park"):attr("Ansprechperson"), "[…]")
  equal(net:goal(1), "Schulwegplan mit […]")
end)

test("access export", function()
  local net, maria = world()
  local text = maria:export()
  equal(type(text), "string")
  for _, want in ipairs({'"format": "netzwerk-access-export"', '"name": "Maria Müller"',
                         '"value": "maria.mueller@example.org"', '"Hinweis": "Allergie gegen Nüsse"',
                         '"source": "Anmeldebogen"', '"note": "Ordner 7"', '"members": [1, 2, 3]',
                         '"members": [1, 4]', '"note": "Café Lindenblüte"'}) do
    assert(text:find(want, 1, true), "the export lacks " .. want)
  end
  for _, other in ipairs({"Ben Okafor", "Grundschule am Park", "Jugendzentrum Ost",
                          "über Maria erreichbar"}) do
    assert(not text:find(other, 1, true), "the export names " .. other)
  end
  net:close()
  raises(nw.ESTALE, maria.export, maria)
end)

test("pseudonymise: stable with a key, different with another", function()
  local net = world()
  local p1, p2, p3 = net:pseudonymise(KEY), net:pseudonymise(KEY), net:pseudonymise(KEY2)
  equal(p1:actor(1).name, "actor-d2d832f0cfdc27bdc8bf", "known pseudonym")
  equal(p1:save_buffer(), p2:save_buffer(), "the same copy byte for byte")
  for id = 1, 4 do
    equal(p1:actor(id).name, p2:actor(id).name)
    assert(p1:actor(id).name ~= p3:actor(id).name, "another key, another pseudonym")
  end
  local text = p1:save_buffer()
  for _, needle in ipairs({"Maria", "Müller", "example.org", "Schulweg", "Ordner", "Café"}) do
    assert(not text:find(needle, 1, true), "the copy contains " .. needle)
  end
  -- the structure stays: members, dates, consent
  for id = 1, 2 do
    local a, b = net:tie(id), p1:tie(id)
    equal(a.form, b.form)
    equal(a.start_date, b.start_date)
    equal(#a, #b)
  end
  for id = 1, 4 do
    equal(net:actor(id):has_consent("2025-06-30"), p1:actor(id):has_consent("2025-06-30"))
  end
  -- the original is unchanged; the copy outlives it
  equal(net:actor(1).name, "Maria Müller")
  net:close()
  equal(p1:actor(1).name, "actor-d2d832f0cfdc27bdc8bf")
end)

test("pseudonymise: options and errors", function()
  local net = world()
  local p = net:pseudonymise(KEY, {keep_network_name = true, keep_topics = true})
  equal(p.name, "Schulweg Nordstadt")
  same(p:topics(), {"Sichere Schulwege"})
  p = net:pseudonymise(KEY, {keep_purposes = true, keep_topics = false})
  assert(p.name:find("^network%-"), p.name)
  local err = raises(nw.EINVAL, net.pseudonymise, net, "geheim-kurz")
  assert(not err.message:find("geheim", 1, true), err.message)
  raises(nw.EINVAL, net.pseudonymise, net, nil)
  raises(nw.EINVAL, net.pseudonymise, net, 12345678901234567890)
  raises(nw.EINVAL, net.pseudonymise, net, KEY, {keep_everything = true})
  raises(nw.EINVAL, net.pseudonymise, net, KEY, "keep_topics")
  net:close()
  raises(nw.ESTALE, net.pseudonymise, net, KEY)
end)

test("save only actors with valid consent", function()
  local net = world()
  net:actor("Ben Okafor"):withdraw_consent("2025-05-01")
  net:actor(1):give_consent("2025-01-01", {purpose = "Fotos"})
  local text = net:save_buffer({consented_only = true, consent_as_of = "2025-06-01"})
  assert(not text:find("Ben Okafor", 1, true) and text:find("Maria Müller", 1, true))
  assert(not text:find('"members": [1, 4]', 1, true), "the contact with Ben goes")
  text = net:save_buffer({consented_only = true, consent_as_of = "2025-04-30"})
  assert(text:find("Ben Okafor", 1, true), "before the withdrawal he is in")
  text = net:save_buffer({consented_only = true, consent_as_of = "2025-06-01",
                          consent_purpose = "Fotos"})
  assert(text:find("Maria Müller", 1, true) and not text:find("Grundschule", 1, true))
  local path = dir .. "/export.graphml"
  net:save(path, {consented_only = true, consent_as_of = "2025-06-01"})
  assert(not read(path):find("Ben Okafor", 1, true))
  equal(net:actor_count(), 4, "the network itself is unchanged")
  text = net:save_buffer({consent_as_of = "2025-06-01"}) -- without the flag: everyone
  assert(text:find("Ben Okafor", 1, true))
  raises(nw.EINVAL, net.save_buffer, net, {consented_only = true})
  raises(nw.EINVAL, net.save_buffer, net, {consented_only = "yes", consent_as_of = "2025-06-01"})
  raises(nw.EINVAL, net.save_buffer, net, {consent_asof = "2025-06-01"})
end)

-- The C methods under the Lua layer, called directly.
test("low-level methods", function()
  local net = nw.Network("Netz")
  local a = net:add_actor("Anna")
  a:add_consent("2025-01-01", nw.CONSENT_OPT_OUT, "Fotos", "Bogen", "Nein.", "n",
                "2026-01-01", nil)
  equal(a:consent_count(), 1)
  equal(a:consent_type(1), nw.CONSENT_OPT_OUT)
  equal(a:consent_date(1, "given"), "2025-01-01")
  equal(a:consent_date(1, "expires"), "2026-01-01")
  equal(a:consent_date(1, "withdrawn"), nil)
  same({a:consent_text(1, "purpose"), a:consent_text(1, "source"), a:consent_text(1, "text"),
        a:consent_text(1, "note")}, {"Fotos", "Bogen", "Nein.", "n"})
  raises(nw.EINVAL, a.consent_text, a, 1, "given")
  raises(nw.EINVAL, a.consent_date, a, 1, "purpose")
  raises(nw.ENOTFOUND, a.consent_type, a, 2)
  equal(a:consent_valid("2025-06-01", "Fotos"), false)
  a:withdraw_consent_at(1, "2025-03-01")
  equal(a:consent_date(1, "withdrawn"), "2025-03-01")
  equal(nw.PSEUDONYM_KEY_MIN, 16)
end)

test("cleanup", function()
  for _, name in ipairs({"before.json", "after.json", "after.graphml", "export.graphml"}) do
    os.remove(dir .. "/" .. name)
  end
  assert(os.remove(dir))
end)

t.run()
