-- The Lua module: every wrapped function and the Lua layer on top, with
-- expected values worked out by hand.
local nw = require "netzwerk"
local t = require "testing"
local test, equal, same = t.test, t.equal, t.same

test("module", function()
  assert(nw.version():match("^%d+%.%d+%.%d+$"))
  equal(type(nw.strerror(nw.ENOTFOUND)), "string")
  equal(nw.TEXT_MAX, 65536)
  equal(math.type(nw.KOOPERATION), "integer")
  same({nw.BEGEGNUNG, nw.KOOPERATION, nw.KONTAKT, nw.GRUPPE}, {0, 1, 2, 3})
  same({nw.PERSON, nw.GROUP, nw.ORGANISATION}, {0, 1, 2})
  same({nw.EMAIL, nw.PHONE, nw.POSTAL, nw.OTHER}, {0, 1, 2, 3})
  same({nw.MEETING, nw.CALL, nw.MESSAGE, nw.EVENT}, {0, 1, 2, 3})
  same({nw.OK, nw.EINVAL, nw.ESTALE, nw.ITEROVER}, {0, -2, -5, -31})
end)

test("dates", function()
  equal(nw.date(2024, 2, 29), "2024-02-29")
  local y, m, d = nw.date_parts("2024-02-29")
  same({y, m, d}, {2024, 2, 29})
  equal(math.type(y), "integer")
  -- 1970..1999: 30 years and 7 leap days; then January and a leap February.
  equal(nw.days("1970-01-01"), 0)
  equal(nw.days("2000-03-01"), 30 * 365 + 7 + 31 + 29)
  equal(nw.days("1969-12-31"), -1)
  equal(nw.date_from_days(30 * 365 + 7 + 31 + 29), "2000-03-01")
  equal(nw.date_from_days(nw.days("2025-12-25") + 7), "2026-01-01")
  t.raises(nw.EINVAL, nw.date, 2023, 2, 29)
  t.raises(nw.EINVAL, nw.days, nil)
  t.raises(nw.EINVAL, nw.date_from_days, nw.days("9999-12-31") + 1)
  t.raises(nw.EINVAL, nw.days, "2026-02-30")
  t.raises(nw.EINVAL, nw.days, 20260101)
end)

test("names of actor kinds, contact channels and interaction kinds", function()
  same({nw.kind_name(nw.PERSON), nw.kind_name(nw.GROUP), nw.kind_name(nw.ORGANISATION)},
       {"Person", "Gruppe", "Organisation"})
  same({nw.kind_name(nw.PERSON, nw.EN), nw.kind_name(nw.GROUP, nw.EN),
        nw.kind_name(nw.ORGANISATION, nw.EN)}, {"person", "group", "organisation"})
  same({nw.channel_name(nw.EMAIL), nw.channel_name(nw.PHONE), nw.channel_name(nw.POSTAL),
        nw.channel_name(nw.OTHER)}, {"E-Mail", "Telefon", "Post", "Sonstiges"})
  same({nw.channel_name(nw.EMAIL, nw.EN), nw.channel_name(nw.PHONE, nw.EN),
        nw.channel_name(nw.POSTAL, nw.EN), nw.channel_name(nw.OTHER, nw.EN)},
       {"email", "phone", "postal", "other"})
  same({nw.interaction_name(nw.MEETING), nw.interaction_name(nw.CALL),
        nw.interaction_name(nw.MESSAGE), nw.interaction_name(nw.EVENT, nw.DE)},
       {"Treffen", "Anruf", "Nachricht", "Veranstaltung"})
  same({nw.interaction_name(nw.MEETING, nw.EN), nw.interaction_name(nw.CALL, nw.EN),
        nw.interaction_name(nw.MESSAGE, nw.EN), nw.interaction_name(nw.EVENT, nw.EN)},
       {"meeting", "call", "message", "event"})
  -- the values the objects give
  local net <close> = nw.Network("N")
  local juz = net:add_actor("Jugendzentrum", nw.ORGANISATION)
  juz:add_contact(nw.PHONE, "0521 12345")
  local tie = net:add_tie(nw.KONTAKT, {juz, net:add_actor("Anna")}, "2025-01-01")
  tie:add_interaction("2025-02-01", nw.CALL)
  equal(nw.kind_name(juz.kind, nw.EN), "organisation")
  equal(nw.channel_name(juz:contacts()[1].channel), "Telefon")
  equal(nw.interaction_name(tie:interactions()[1].kind), "Anruf")
  equal(nw.kind_name(1.0), "Gruppe")  -- an integral float is fine
  -- like nw.form_name: nw.EINVAL for what is none
  local err = t.raises(nw.EINVAL, nw.kind_name, 3)
  equal(err.message, "3 is not an actor kind (0 to 2)")
  equal(t.raises(nw.EINVAL, nw.channel_name, -1).message, "-1 is not a contact channel (0 to 3)")
  equal(t.raises(nw.EINVAL, nw.interaction_name, 4).message,
        "4 is not an interaction kind (0 to 3)")
  t.raises(nw.EINVAL, nw.kind_name, "person")
  t.raises(nw.EINVAL, nw.kind_name, nil)
  t.raises(nw.EINVAL, nw.channel_name, 0.5)
  equal(t.raises(nw.EINVAL, nw.interaction_name, nw.MEETING, 5).message, "unknown language 5")
end)

test("forms catalogue", function()
  equal(nw.form_letter(nw.KONTAKT), "C")
  equal(nw.form_from_letter("b"), nw.KOOPERATION)
  equal(nw.form_name(nw.GRUPPE), "Gruppe")
  equal(nw.form_name(nw.GRUPPE, nw.EN), "Group")
  assert(nw.form_description(nw.KONTAKT):find("Email"))
  equal(nw.form_is_strong(nw.KOOPERATION), true)
  equal(nw.form_is_affiliation(nw.KOOPERATION), false)
  equal(nw.form_goal_count(nw.BEGEGNUNG), 4)
  equal(nw.form_goal(nw.BEGEGNUNG, 1), "Kennenlernen")
  equal(nw.form_challenge_count(nw.KONTAKT), 3)
  equal(nw.form_challenge(nw.KONTAKT, 3, nw.DE), "Kontaktpflege")
  -- nw.forms: a list in catalogue order that ipairs and # walk fully, keyed
  -- by letter too; by constant (0-based) nw.form(f).
  equal(#nw.forms, 4)
  local letters = {}
  for i, form in ipairs(nw.forms) do
    letters[i] = form.letter
    equal(nw.form(form.value), form)
  end
  equal(table.concat(letters), "ABCD")
  assert(nw.forms[2] == nw.forms.B)
  assert(nw.form(nw.KOOPERATION) == nw.forms.B and nw.form("B") == nw.forms.B)
  assert(nw.form(nw.BEGEGNUNG) == nw.forms.A and nw.form(nw.GRUPPE) == nw.forms.D)
  t.raises(nw.EINVAL, nw.form, 4)
  t.raises(nw.EINVAL, nw.form, -1)
  t.raises(nw.EINVAL, nw.form, "E")
  t.raises(nw.EINVAL, nw.form, 1.5)
  t.raises(nw.EINVAL, nw.form, nil)
  equal(nw.forms.A.name.de, "Begegnung")
  equal(nw.forms.C.name.en, "Contact")
  same({nw.forms.A.strong, nw.forms.B.strong, nw.forms.C.strong, nw.forms.D.strong},
       {false, true, false, true})
  same({nw.forms.A.affiliation, nw.forms.B.affiliation, nw.forms.C.affiliation,
        nw.forms.D.affiliation}, {false, false, true, true})
  same(nw.forms.B.goals.de, {"Gegenseitige Ergänzung", "Gemeinsames Ziel umsetzen"})
  equal(#nw.forms.D.challenges.en, 2)
  equal(nw.forms.D.value, nw.GRUPPE)
  assert(nw.forms.A.description.en:find("encounters"))
end)

test("network", function()
  local net <close> = nw.Network("Sichere Schulwege")
  equal(net.name, "Sichere Schulwege")
  equal(net:get_name(), "Sichere Schulwege")
  net.name = "Sichere Schulwege Nordstadt"
  equal(net.name, "Sichere Schulwege Nordstadt")
  net:set_name("Schulwege")
  equal(net.name, "Schulwege")
  equal(net.closed, false)
  equal(net:is_closed(), false)
  net:add_topic("Schulweg")
  net:add_topic("Verkehr")
  same(net:topics(), {"Schulweg", "Verkehr"})
  equal(net:topic_count(), 2)
  equal(net:topic(2), "Verkehr")
  net:remove_topic("Schulweg")
  same(net:topics(), {"Verkehr"})
  net:add_goal("Laufbus")
  net:add_goal("Tempo 30")
  net:remove_goal("Laufbus")
  same(net:goals(), {"Tempo 30"})
  equal(net:goal_count(), 1)
  equal(net:goal(1), "Tempo 30")
  equal(tostring(net), 'netzwerk.Network("Schulwege": 0 actors, 0 ties)')
end)

test("actors", function()
  local net <close> = nw.Network("N")
  local anna = net:add_actor("Anna")
  local juz = net:add_actor("Jugendzentrum", nw.ORGANISATION)
  equal(net:actor_count(), 2)
  equal(anna.id, 1)
  equal(math.type(anna.id), "integer")
  equal(anna:get_id(), 1)
  equal(anna.kind, nw.PERSON)
  equal(juz.kind, nw.ORGANISATION)
  anna.kind = nw.GROUP
  equal(anna:get_kind(), nw.GROUP)
  anna:set_kind(nw.PERSON)
  anna.name = "Anna Schmidt"
  equal(anna:get_name(), "Anna Schmidt")
  anna:set_name("Anna")
  assert(net:actor(1) == anna)
  assert(net:actor("Jugendzentrum") == juz)
  assert(net:actor_by_id(2) == juz)
  assert(net:actor_by_name("Anna") == anna)
  assert(anna ~= juz)
  assert(anna:equals(net:actor(1)))
  assert(anna:dup() == anna)
  equal(tostring(anna), 'netzwerk.Actor(1 "Anna")')

  equal(anna.joined, nil)
  anna.joined = "2024-09-01"
  equal(anna:get_joined(), "2024-09-01")
  anna:set_joined(nil)
  equal(anna.joined, nil)

  anna:add_contact(nw.EMAIL, "anna@example.org")
  anna:add_contact(nw.PHONE, "0123 456")
  equal(anna:contact_count(), 2)
  local channel, value = anna:contact(2)
  same({channel, value}, {nw.PHONE, "0123 456"})
  local contacts = anna:contacts()
  equal(contacts[1].channel, nw.EMAIL)
  equal(contacts[1].value, "anna@example.org")
  anna:remove_contact(1)
  equal(anna:contacts()[1].value, "0123 456")

  anna:add_interest("Verkehr")
  anna:add_interest("Spielplätze")
  anna:remove_interest("Verkehr")
  same(anna:interests(), {"Spielplätze"})
  equal(anna:interest_count(), 1)
  equal(anna:interest(1), "Spielplätze")

  local given, withdrawn = anna:consent()
  same({given, withdrawn}, {nil, nil})
  anna:give_consent("2025-01-10")
  equal(anna:has_consent("2025-01-09"), false)
  equal(anna:has_consent("2025-01-10"), true)
  anna:withdraw_consent("2025-06-01")
  given, withdrawn = anna:consent()
  equal(given, "2025-01-10")
  equal(withdrawn, "2025-06-01")
  equal(anna:has_consent("2025-06-01"), false)

  anna:set_attr("Rolle", "Elternvertreterin")
  anna:set_attr("Bemerkung", "zwei\nZeilen")
  equal(anna:attr("Rolle"), "Elternvertreterin")
  equal(anna:attr("fehlt"), nil)
  equal(anna:attr_count(), 2)
  local key, val = anna:attr_at(1)  -- keys in byte order
  same({key, val}, {"Bemerkung", "zwei\nZeilen"})
  anna:remove_attr("Bemerkung")
  local attrs = anna:attrs()
  equal(attrs.Rolle, "Elternvertreterin")
  equal(attrs.Bemerkung, nil)

  juz:remove()
  equal(net:actor_count(), 1)
  t.raises(nw.ENOTFOUND, net.actor, net, "Jugendzentrum")
  equal(net:add_actor("Neu").id, 3)  -- identities are never reused
end)

test("ties", function()
  local net <close> = nw.Network("N")
  local a, b, c = net:add_actor("A"), net:add_actor("B"), net:add_actor("C")
  local coop = net:add_tie(nw.KOOPERATION, {b, a}, "2025-02-01")
  local contact = net:add_tie(nw.KONTAKT, {a, c}, "2025-01-01")
  equal(net:tie_count(), 2)
  equal(coop.id, 1)
  equal(coop:get_id(), 1)
  equal(coop.form, nw.KOOPERATION)
  equal(coop:get_form(), nw.KOOPERATION)
  assert(net:tie(2) == contact)
  assert(net:tie_by_id(1) == coop)
  assert(coop ~= contact)
  assert(coop:dup() == coop)
  assert(coop:equals(net:tie(1)))

  -- members in order of identity
  equal(#coop, 2)
  equal(coop:member_count(), 2)
  local members = coop:members()
  assert(members[1] == a and members[2] == b)
  assert(coop:member(2) == b)
  equal(coop:has_member(c), false)
  coop:add_member(c)
  equal(coop:has_member(c), true)
  coop:remove_member(a)
  assert(coop:members()[1] == b)
  equal(tostring(coop), "netzwerk.Tie(1 B Kooperation, 2 members)")

  equal(coop.start_date, "2025-02-01")
  equal(coop.end_date, nil)
  coop.end_date = "2025-07-31"
  equal(coop:get_end(), "2025-07-31")
  equal(coop:exists_on("2025-07-31"), true)
  equal(coop:exists_on("2025-08-01"), false)
  coop:set_end(nil)
  equal(coop.end_date, nil)
  coop.start_date = "2025-01-15"
  equal(coop:get_start(), "2025-01-15")
  coop:set_start("2025-01-20")
  equal(coop.start_date, "2025-01-20")

  equal(coop.imposed, false)
  coop.imposed = true
  equal(coop:get_imposed(), true)
  coop:set_imposed(false)
  equal(coop.label, "")
  coop.label = "Laufbus"
  equal(coop:get_label(), "Laufbus")
  coop:set_label("")

  coop:add_topic("Schulweg")
  coop:add_topic("Verkehr")
  coop:remove_topic("Schulweg")
  same(coop:topics(), {"Verkehr"})
  equal(coop:topic_count(), 1)
  equal(coop:topic(1), "Verkehr")
  coop:add_goal("Jeden Morgen")
  coop:add_goal("Presse")
  coop:remove_goal("Presse")
  same(coop:goals(), {"Jeden Morgen"})
  equal(coop:goal_count(), 1)
  equal(coop:goal(1), "Jeden Morgen")

  coop:add_interaction("2025-03-10", nw.MEETING, "Planung")
  coop:add_interaction("2025-02-20", nw.CALL)
  equal(coop:interaction_count(), 2)
  local date, kind, note = coop:interaction(1)
  same({date, kind, note}, {"2025-02-20", nw.CALL, ""})
  local log = coop:interactions()
  equal(log[2].date, "2025-03-10")
  equal(log[2].kind, nw.MEETING)
  equal(log[2].note, "Planung")
  coop:remove_interaction(1)
  equal(coop:interactions()[1].note, "Planung")

  contact:remove()
  equal(net:tie_count(), 1)
  t.raises(nw.ESTALE, function() return contact.form end)
end)

test("iterators and form selections", function()
  local net <close> = nw.Network("N")
  local a, b, c, d = net:add_actor("A"), net:add_actor("B"), net:add_actor("C"), net:add_actor("D")
  net:add_tie(nw.KOOPERATION, {a, b}, "2025-01-01")
  net:add_tie(nw.KONTAKT, {a, c}, "2025-01-01")
  net:add_tie(nw.GRUPPE, {a, b, c}, "2025-01-01")
  net:add_tie(nw.BEGEGNUNG, {c, d}, "2025-01-01")

  local names = {}
  for actor in net:actors() do names[#names + 1] = actor.name end
  same(names, {"A", "B", "C", "D"})

  local function ids(iter)
    local out = {}
    for x in iter do out[#out + 1] = x.id end
    return out
  end
  same(ids(net:ties()), {1, 2, 3, 4})
  same(ids(net:ties(nw.KONTAKT)), {2})
  same(ids(net:ties({nw.KOOPERATION, nw.BEGEGNUNG})), {1, 4})
  same(ids(net:ties("strong")), {1, 3})
  same(ids(net:ties("weak")), {2, 4})
  same(ids(net:ties("all")), {1, 2, 3, 4})
  same(ids(net:ties("BD")), {1, 3})
  same(ids(net:ties("c")), {2})
  same(ids(net:ties(nil)), {1, 2, 3, 4})
  same(ids(net:ties({"B", nw.GRUPPE})), {1, 3})  -- a list may mix letters and forms
  same(ids(net:ties({"a"})), {4})
  equal(net:tie_count("strong"), 2)
  equal(net:tie_count({}), 0)
  same(ids(a:ties()), {1, 2, 3})
  same(ids(a:ties("weak")), {2})
  equal(a:tie_count(), 3)
  equal(a:tie_count(nw.GRUPPE), 1)
  same(ids(a:neighbors()), {2, 3})
  same(ids(a:neighbors(nw.KONTAKT)), {3})
  same(ids(c:neighbors()), {1, 2, 4})

  -- explicit next(); nil at the end
  local it = net:actors()
  equal(it:next().name, "A")
  it:next(); it:next(); it:next()
  equal(it:next(), nil)
  equal(it(), nil)
  equal(tostring(it), "netzwerk.ActorIter")
  equal(tostring(net:ties()), "netzwerk.TieIter")

  t.raises(nw.EINVAL, net.ties, net, 4)
  t.raises(nw.EINVAL, net.ties, net, "E")
  t.raises(nw.EINVAL, net.ties, net, "")
  t.raises(nw.EINVAL, net.ties, net, {1, "x"})
  t.raises(nw.EINVAL, net.ties, net, {"BD"})  -- one letter per element
  t.raises(nw.EINVAL, net.ties, net, {""})
  t.raises(nw.EINVAL, net.ties, net, true)
end)

test("an actor without ties has no ties and no neighbours", function()
  local net <close> = nw.Network("N")
  local lone, b, c = net:add_actor("Allein"), net:add_actor("B"), net:add_actor("C")
  net:add_tie(nw.KONTAKT, {b, c}, "2025-01-01")
  equal(lone:ties()(), nil)
  equal(lone:neighbors()(), nil)
  equal(b:ties("strong")(), nil)
  equal(b:neighbors("strong")(), nil)
end)

test("iterating while changing", function()
  local net <close> = nw.Network("N")
  net:add_actor("A")
  local seen = {}
  for actor in net:actors() do
    seen[#seen + 1] = actor.name
    if actor.name == "A" then net:add_actor("B") end
  end
  same(seen, {"A", "B"})
end)

t.run()
