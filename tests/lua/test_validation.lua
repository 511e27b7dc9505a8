-- Validation from Lua: the principles and rules catalogue, thresholds as a
-- table, reports and findings, and misuse. The expected findings are worked
-- out by hand from the rule table of docs/principles.md (the same network
-- as tests/python/test_validation.py).
local nw = require "netzwerk"
local t = require "testing"
local test, equal, same, raises = t.test, t.equal, t.same, t.raises

local DAY = "2026-06-01"

-- As of 2026-06-01: 1 Jugendzentrum and 2 Grundschule (consent, interest
-- Schulweg); 3 Anna (no consent, interest Fußball, joined 61 days before);
-- 4 Ben (consent withdrawn 2026-05-01, no interests); tie 1 Kooperation
-- 1+2 since 2024-01-01, last interaction 31 days before, well agreed; tie 2
-- Kontakt 3-1 since 2026-04-01, never kept up; tie 3 Begegnung 4-2 since
-- 2026-05-15, imposed.
local function neighbourhood()
  local net = nw.Network("Sichere Schulwege")
  net:add_topic("Schulweg")
  net:add_goal("sichere Wege")
  local juz = net:add_actor("Jugendzentrum", nw.ORGANISATION)
  local schule = net:add_actor("Grundschule", nw.ORGANISATION)
  local anna = net:add_actor("Anna")
  local ben = net:add_actor("Ben")
  for _, a in ipairs{juz, schule, ben} do
    a.joined = "2025-01-01"
    a:give_consent("2025-01-01")
  end
  juz:add_interest("Schulweg")
  schule:add_interest("Schulweg")
  anna.joined = "2026-04-01"
  anna:add_interest("Fußball")
  ben:withdraw_consent("2026-05-01")
  local coop = net:add_tie(nw.KOOPERATION, {juz, schule}, "2024-01-01")
  coop:add_topic("Schulweg")
  coop:add_goal("Laufbus jeden Morgen")
  coop:add_interaction("2026-05-01", nw.MEETING)
  local cl = coop:checklist()
  for _, item in ipairs(cl:items()) do item.state = nw.ITEM_AGREED end
  local controlling = cl:find("coop.controlling")
  controlling.state = nw.ITEM_DONE
  controlling.due = "2026-07-01"
  net:add_tie(nw.KONTAKT, {anna, juz}, "2026-04-01")
  local enc = net:add_tie(nw.BEGEGNUNG, {ben, schule}, "2026-05-15")
  enc.imposed = true
  return net
end

-- "rule subject actor tie item" per finding.
local function keys(report)
  local t = {}
  for f in report:findings() do
    t[#t + 1] = ("%s %d %s %s %s"):format(f.rule, f.subject, f.actor_id, f.tie_id, f.item_id)
  end
  return t
end

local EXPECTED = {
  "FREI-001 1 3 nil nil",   -- Anna: no consent
  "FREI-002 1 4 nil nil",   -- Ben withdrew and is still in tie 3
  "FREI-003 2 nil 3 nil",   -- tie 3 imposed
  "THEMA-002 1 3 nil nil",  -- Anna's interest is no topic
  "THEMA-004 1 4 nil nil",  -- Ben names no interest
}

test("principles and rules", function()
  local p = nw.principles
  -- a list in catalogue order (ipairs and # walk all five), keyed by code too;
  -- by constant (0-based) nw.principle(p)
  equal(#p, 5)
  local codes = {}
  for i, entry in ipairs(p) do
    codes[i] = entry.code
    equal(nw.principle(entry.value), entry)
    equal(nw.principle(entry.code), entry)
  end
  same(codes, {"FREI", "THEMA", "LANG", "DYN", "ZIEL"})
  equal(p[1], p.FREI)
  equal(nw.principle(nw.PRINCIPLE_FREIWILLIGKEIT), p.FREI)
  equal(nw.principle(nw.PRINCIPLE_ZIEL_NUTZEN).code, "ZIEL")
  raises(nw.EINVAL, nw.principle, 5)
  raises(nw.EINVAL, nw.principle, "FREIWILLIGKEIT")
  equal(p.FREI.name.de, "Freiwilligkeit")
  equal(p.THEMA.name.en, "Shared interest/topic")
  equal(p.LANG.name.de, "Langfristiges Investment")
  equal(p.DYN.name.de, "Dynamik und Offenheit")
  equal(p.ZIEL.name.en, "Goal and benefit orientation")
  equal(p[5].code, "ZIEL")
  assert(#p.DYN.description.de > 40 and p.DYN.description.de ~= p.DYN.description.en)
  equal(#nw.rules, 19)
  local counts = {}
  for _, r in ipairs(nw.rules) do counts[r.principle] = (counts[r.principle] or 0) + 1 end
  same({counts[0], counts[1], counts[2], counts[3], counts[4]}, {3, 4, 4, 3, 5})
  equal(nw.rules["FREI-002"].severity, nw.SEVERITY_VIOLATION)
  equal(nw.rules["THEMA-004"].severity, nw.SEVERITY_INFO)
  equal(nw.rules["ZIEL-003"].subject, nw.SUBJECT_ITEM)
  equal(nw.rules[1].code, "FREI-001")
  equal(#p.ZIEL.rules, 5)
  equal(nw.rule(19).code, "ZIEL-005")
  equal(nw.rule_find("LANG-004").principle, nw.PRINCIPLE_LANGFRISTIGES_INVESTMENT)
  raises(nw.ENOTFOUND, nw.rule_find, "LANG-999")
  raises(nw.ENOTFOUND, nw.rule, 20)
  equal(nw.rule_count(), 19)
  equal(nw.principle_name(nw.PRINCIPLE_DYNAMIK_OFFENHEIT, nw.EN), "Dynamics and openness")
  equal(nw.principle_code(nw.PRINCIPLE_GETEILTES_INTERESSE), "THEMA")
  assert(#nw.principle_description(nw.PRINCIPLE_ZIEL_NUTZEN) > 40)
  same({nw.severity_name(nw.SEVERITY_INFO), nw.severity_name(nw.SEVERITY_WARNING, nw.EN),
        nw.severity_name(nw.SEVERITY_VIOLATION)}, {"Hinweis", "warning", "Verletzung"})
  same({nw.status_name(nw.STATUS_FULFILLED), nw.status_name(nw.STATUS_AT_RISK, nw.EN),
        nw.status_name(nw.STATUS_VIOLATED)}, {"erfüllt", "at risk", "verletzt"})
  raises(nw.EINVAL, nw.principle_name, 5)
  local d = nw.validate_defaults()
  same({d.dormant_days_begegnung, d.dormant_days_kooperation, d.dormant_days_kontakt,
        d.dormant_days_gruppe, d.contact_grace_days, d.new_window_days, d.young_days},
       {0, 90, 365, 120, 90, 180, 365})
  equal(nw.VALIDATE_DAYS_MAX, 3652058)
end)

test("a report", function()
  local report = neighbourhood():validate(DAY)
  equal(report.as_of, DAY)
  equal(#report, 5)
  same(keys(report), EXPECTED)
  local f = report:finding(1)
  equal(f.principle, nw.PRINCIPLE_FREIWILLIGKEIT)
  equal(f.severity, nw.SEVERITY_WARNING)
  assert(f.message_de:find("Anna", 1, true) and f.message_en:find("Anna", 1, true))
  equal(f:message(nw.EN), f.message_en)
  equal(f:message(), f.message_de)
  equal(tostring(f), "FREI-001 warning: " .. f.message_en)
  equal(getmetatable(f), "netzwerk.Finding")
  raises(nw.ENOTFOUND, report.finding, report, 6)
  local results = report:principles()
  equal(#results, 5)
  local statuses = {}
  for i, result in ipairs(results) do
    statuses[i] = result.status
    equal(result.principle, i - 1)
    equal(results[nw.principle_code(result.principle)], result)
  end
  same(statuses,
       {nw.STATUS_VIOLATED, nw.STATUS_AT_RISK, nw.STATUS_FULFILLED, nw.STATUS_FULFILLED,
        nw.STATUS_FULFILLED})
  equal(results.FREI.status, nw.STATUS_VIOLATED)
  equal(results.THEMA.status, nw.STATUS_AT_RISK)
  -- by constant or code: report:principle(p)
  equal(report:principle(nw.PRINCIPLE_GETEILTES_INTERESSE).status, nw.STATUS_AT_RISK)
  equal(report:principle("THEMA").principle, nw.PRINCIPLE_GETEILTES_INTERESSE)
  equal(report:principle(nw.PRINCIPLE_ZIEL_NUTZEN).principle, nw.PRINCIPLE_ZIEL_NUTZEN)
  equal(report:status("FREI"), nw.STATUS_VIOLATED)
  raises(nw.EINVAL, report.principle, report, "FREIWILLIGKEIT")
  local frei = report:principle(nw.PRINCIPLE_FREIWILLIGKEIT)
  same({frei.principle, frei.infos, frei.warnings, frei.violations}, {0, 0, 2, 1})
  assert(frei.checks > 0)
  equal(report:status(nw.PRINCIPLE_GETEILTES_INTERESSE), nw.STATUS_AT_RISK)
  raises(nw.EINVAL, report.principle, report, 5)
  equal(tostring(report), "netzwerk.Report(as of 2026-06-01: 5 findings; FREI violated, "
    .. "THEMA at risk, LANG fulfilled, DYN fulfilled, ZIEL fulfilled)")
  equal(getmetatable(report), "netzwerk.Report")
  equal(report:finding_count(), 5)
  equal(report:get_as_of(), DAY)
end)

test("thresholds", function()
  local net = neighbourhood()
  local report = net:validate(DAY, {dormant_days_kooperation = 30, young_days = 1000,
                                    contact_grace_days = 30, new_window_days = 30})
  local expected = {table.unpack(EXPECTED)}
  for _, k in ipairs{"LANG-001 2 nil 1 nil",        -- 31 days > 30
                     "LANG-002 2 nil 2 nil",        -- 61 days > 30, never kept up
                     "LANG-003 0 nil nil nil",      -- 882 days < 1000
                     "DYN-001 0 nil nil nil"} do    -- Anna came 61 days ago
    expected[#expected + 1] = k
  end
  same(keys(report), expected)
  same(keys(net:validate(DAY, {young_days = 0, dormant_days_kooperation = 31})), EXPECTED)
  same(keys(net:validate(DAY, nw.validate_defaults())), EXPECTED)
  same(keys(net:validate(DAY, {})), EXPECTED)
  same(keys(net:validate(DAY, nil)), EXPECTED)
  -- Earlier: no withdrawal yet, Anna not there, ties 2 and 3 not begun, tie 1's
  -- only interaction ahead (790 days since it began > 90).
  same(keys(net:validate("2026-03-01")), {"THEMA-004 1 4 nil nil", "LANG-001 2 nil 1 nil",
    "DYN-001 0 nil nil nil", "DYN-002 0 nil nil nil", "DYN-003 0 nil nil nil"})
end)

test("findings about checklist items", function()
  local net = neighbourhood()
  local cl = net:tie(1):checklist()
  local benefit = cl:find("coop.partner_benefit", net:actor("Grundschule"))
  benefit.state = nw.ITEM_OPEN
  local found = {}
  for f in net:validate(DAY):findings() do
    if f.rule:sub(1, 4) == "ZIEL" then
      found[#found + 1] = ("%s %d %s %s %s"):format(f.rule, f.subject, f.actor_id, f.tie_id, f.item_id)
    end
  end
  same(found, {"ZIEL-002 2 nil 1 nil", ("ZIEL-003 3 2 1 %d"):format(benefit.id)})
end)

test("a report outlives its network", function()
  local net = neighbourhood()
  local report = net:validate(DAY)
  local before = keys(report)
  local message = report:finding(2).message_en
  net:actor("Anna"):remove()
  net:close()
  net = nil
  collectgarbage() collectgarbage()
  same(keys(report), before)
  equal(report:finding(2).message_en, message)
  equal(report.as_of, DAY)
end)

test("bad arguments", function()
  local net = neighbourhood()
  raises(nw.EINVAL, net.validate, net, DAY, {young_days = -1})
  raises(nw.EINVAL, net.validate, net, DAY, {young_days = 3652059})
  raises(nw.EINVAL, net.validate, net, DAY, {young_days = 2^40})
  raises(nw.EINVAL, net.validate, net, DAY, {young_days = 1.5})
  raises(nw.EINVAL, net.validate, net, DAY, {young_days = "30"})
  raises(nw.EINVAL, net.validate, net, DAY, {young_day = 30})   -- a typo is no default
  raises(nw.EINVAL, net.validate, net, DAY, {30})
  raises(nw.EINVAL, net.validate, net, DAY, "young_days=30")
  raises(nw.EINVAL, net.validate, net, nil)
  raises(nw.EINVAL, net.validate, net, "2026-02-30")
  equal(#net:validate(DAY, {young_days = 3652058}), 6)  -- the largest: tie 1 is young
  net:close()
  raises(nw.ESTALE, net.validate, net, DAY)
end)

t.run()
